import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const ALICE = '+15551230001';
/** Mon Nov 23 2026, 9:00 AM in New York. */
const AT = new Date('2026-11-23T14:00:00Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

describe('references, bulk removal and corrections', () => {
  beforeEach(resetDb);
  let step = 0;
  let handle: ReturnType<typeof makePipeline>;
  const send = async (text: string) => (await handle(consoleMessage(text, { phone: ALICE, receivedAt: later(step++) }))).reply;
  beforeEach(() => {
    step = 0;
    handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
  });
  const eventTitles = async () => (await sql<{ title: string }>('select title from calendar_events order by start_at')).map((r) => r.title);
  const reminderStates = async () =>
    (await sql<{ text: string; status: string }>('select text, status from reminders order by due_at')).map((r) => `${r.text}:${r.status}`);

  describe('"it", "that", "the last one"', () => {
    it('"delete it" right after adding an event deletes that event, not another', async () => {
      await send('dentist appointment tuesday at 3pm');
      await send('lunch with sam friday at 1pm');
      expect(await send('delete it')).to.match(/^🗑️ Deleted from your calendar: Lunch with sam/);
      expect(await eventTitles()).to.deep.equal(['Dentist appointment']);
    });

    it('"oops delete that last one" cancels the reminder just set; "cancel that" after a listing of one', async () => {
      await send('remind me to call mom tomorrow at 6pm');
      await send('remind me to pay rent friday at 9am');
      expect(await send('oops delete that last one')).to.match(/^🗑️ Cancelled: Pay rent/);
      expect(await reminderStates()).to.deep.equal(['Call mom:pending', 'Pay rent:cancelled']);
      await send('dentist appointment tuesday at 3pm');
      expect(await send("what's next")).to.match(/^Next: Dentist appointment/);
      expect(await send('cancel that')).to.match(/Deleted from your calendar: Dentist appointment/);
      expect(await eventTitles()).to.deep.equal([]);
    });

    it('"remove the last one" after an expense deletes that expense', async () => {
      await send('spent 12 on lunch');
      await send('spent 4 on coffee');
      expect(await send('remove the last one')).to.match(/Deleted \$4\.00 coffee/);
      expect((await sql<{ description: string }>('select description from expenses')).map((r) => r.description)).to.deep.equal(['lunch']);
    });

    it('"delete it" with nothing recent asks which, and deletes nothing', async () => {
      await send('spent 12 on lunch');
      await send('dentist appointment tuesday at 3pm');
      await send('remind me to call mom tomorrow at 6pm');
      // A new conversation: nothing was just stored or listed.
      const fresh = (await handle(consoleMessage('delete it', { phone: ALICE, receivedAt: later(600) }))).reply;
      expect(fresh).to.match(/^Delete what\?/);
      expect(await eventTitles()).to.deep.equal(['Dentist appointment']);
      expect(await reminderStates()).to.deep.equal(['Call mom:pending']);
      expect(await sql('select id from expenses')).to.have.length(1);
    });

    it('"delete it" after a reminder and an event stored together asks which one', async () => {
      await send('schedule dentist appointment tomorrow at 3pm and remind me to call mom tomorrow at 6pm');
      expect(await send('delete it')).to.match(/^Delete which one/);
      expect(await eventTitles()).to.have.length(1);
      expect(await reminderStates()).to.deep.equal(['Call mom:pending']);
    });
  });

  describe('next, a time, a title', () => {
    it('"remove my next event" and "cancel my next reminder" take the earliest upcoming one', async () => {
      await send('team meeting friday at 10am');
      await send('dentist appointment tuesday at 3pm');
      await send('remind me to pay rent friday at 9am');
      await send('remind me to call mom tomorrow at 6pm');
      expect(await send('remove my next event')).to.match(/Deleted from your calendar: Dentist appointment/);
      expect(await send('cancel my next reminder')).to.match(/Cancelled: Call mom/);
      expect(await eventTitles()).to.deep.equal(['Team meeting']);
      expect(await reminderStates()).to.deep.equal(['Call mom:cancelled', 'Pay rent:pending']);
    });

    it('"delete my 3pm", "take the doctor appointment off my calendar", "delete the dentist from my calendar"', async () => {
      await send('team meeting tuesday at 3pm');
      await send('doctor appointment wednesday at 11am');
      await send('dentist appointment thursday at 9am');
      await send('lunch with sam friday at 1pm');
      expect(await send('delete my 3pm')).to.match(/Deleted from your calendar: Team meeting/);
      expect(await send('take the doctor appointment off my calendar')).to.match(/Deleted from your calendar: Doctor appointment/);
      expect(await send('delete the dentist from my calendar')).to.match(/Deleted from your calendar: Dentist appointment/);
      expect(await eventTitles()).to.deep.equal(['Lunch with sam']);
    });
  });

  describe('bulk removal asks YES/NO first', () => {
    it('"delete all events on friday": YES deletes exactly the events named in the question', async () => {
      await send('team meeting friday at 10am');
      await send('lunch with sam friday at 1pm');
      await send('dentist appointment thursday at 9am');
      const question = await send('delete all events on friday');
      expect(question).to.equal('Delete 2 events on Fri Nov 27: Team meeting, Lunch with sam? Reply YES or NO.');
      expect(await eventTitles()).to.have.length(3);
      // An event added after the question (another device) is not among the rows asked about.
      await sql(`insert into calendar_events (user_id, title, start_at, end_at, all_day, created_at, updated_at)
        select user_id, 'Gym', '2026-11-27T20:00:00Z', '2026-11-27T21:00:00Z', false, now(), now() from calendar_events limit 1`);
      expect(await send('yes')).to.equal('🗑️ Deleted 2 events: Team meeting, Lunch with sam.');
      expect(await eventTitles()).to.deep.equal(['Dentist appointment', 'Gym']);
      expect(await send('yes')).to.not.match(/Deleted/);
    });

    it('"clear my calendar tomorrow": NO keeps them', async () => {
      await send('dentist appointment tomorrow at 3pm');
      const question = /^Delete 1 event tomorrow \(Tue Nov 24\): Dentist appointment\? Reply YES or NO\.$/;
      expect(await send('clear my calendar tomorrow')).to.match(question);
      expect(await send('no')).to.match(/kept/);
      expect(await eventTitles()).to.deep.equal(['Dentist appointment']);
    });

    it('"clear my day from meetings" only asks about meetings; "completely clear my calendar" asks about all', async () => {
      await send('team meeting today at 3pm');
      await send('lunch with sam today at 1pm');
      await send('dentist appointment friday at 9am');
      expect(await send('clear my day from meetings')).to.match(/^Delete 1 "meeting" event today \(Mon Nov 23\): Team meeting\?/);
      expect(await send('yep')).to.match(/Deleted 1 event: Team meeting/);
      expect(await send('completely clear my calendar')).to.match(/^Delete 2 events coming up: Lunch with sam, Dentist appointment\?/);
      expect(await send('YES')).to.match(/Deleted 2 events/);
      expect(await eventTitles()).to.deep.equal([]);
    });

    it('"delete all events for the next five days" and "cancel everything tomorrow"; nothing there → no question', async () => {
      await send('dentist appointment wednesday at 3pm');
      await send('team meeting next tuesday at 10am');
      expect(await send('cancel everything tomorrow')).to.match(/^No events tomorrow .* nothing to delete\.$/);
      expect(await send('delete all events for the next five days')).to.match(/^Delete 1 event the next 5 days .*: Dentist appointment\?/);
      expect(await send('yes')).to.match(/Deleted 1 event: Dentist appointment/);
      expect(await eventTitles()).to.deep.equal(['Team meeting']);
    });

    it('"cancel all my reminders" and "delete all my alarms" confirm first, and count what they name', async () => {
      await send('remind me to call mom tomorrow at 6pm');
      await send('set an alarm for 6:30am tomorrow');
      await send('wake me up at 7am wednesday');
      expect(await send('delete all my alarms'))
        .to.equal('Cancel 2 alarms: Alarm (Tue Nov 24, 6:30 AM), Wake up (Wed Nov 25, 7:00 AM)? Reply YES or NO.');
      expect(await reminderStates()).to.not.include('Alarm:cancelled');
      expect(await send('yes')).to.match(/Cancelled 2 reminders/);
      expect(await reminderStates()).to.deep.equal(['Alarm:cancelled', 'Call mom:pending', 'Wake up:cancelled']);
      expect(await send('cancel all my reminders')).to.match(/^Cancel 1 reminder: Call mom/);
      expect(await send('no')).to.match(/kept your reminders/);
      expect(await reminderStates()).to.include('Call mom:pending');
      expect(await send('cancel all my alarms')).to.match(/no upcoming alarms/);
    });

    it('"remove everything" with no days or calendar words is not read as the calendar', async () => {
      await send('dentist appointment tomorrow at 3pm');
      await send('add milk and eggs');
      expect(await send('remove everything')).to.not.match(/event/);
      await send("what's on my list");
      await send('delete it');
      expect(await eventTitles()).to.deep.equal(['Dentist appointment']);
    });

    it('"clear friday" and "make sure my calendar is clear tomorrow" ask about those days', async () => {
      await send('team meeting friday at 10am');
      await send('dentist appointment tomorrow at 3pm');
      expect(await send('clear friday')).to.match(/^Delete 1 event on Fri Nov 27: Team meeting\? Reply YES or NO\.$/);
      expect(await send('make sure my calendar is completely clear tomorrow')).to.match(/^Delete 1 event tomorrow \(Tue Nov 24\): Dentist/);
      expect(await send('no')).to.match(/kept/);
      expect(await eventTitles()).to.deep.equal(['Dentist appointment', 'Team meeting']);
      expect(await send('clear my 3pm tomorrow')).to.match(/^🗑️ Deleted from your calendar: Dentist appointment/);
    });

    it('a YES the tool never asked for deletes nothing', async () => {
      await send('dentist appointment tomorrow at 3pm');
      await send('clear my calendar tomorrow');
      await send('lunch with sam friday at 1pm');
      await send('yes');
      expect(await eventTitles()).to.deep.equal(['Dentist appointment', 'Lunch with sam']);
    });
  });

  describe('corrections of what was just stored', () => {
    it('an event: "actually make that 1pm", "actually it\'s on friday", "change the title to team sync"', async () => {
      await send('lunch tomorrow at noon');
      expect(await send('actually make that 1pm')).to.equal('📅 Lunch: 12:00 PM → 1:00 PM');
      expect(await send("actually it's on friday")).to.equal('📅 Lunch: Tue Nov 24, 1:00 PM → Fri Nov 27, 1:00 PM');
      expect(await send('change the title to team sync')).to.equal('📅 Lunch → Team sync');
      const [row] = await sql<{ title: string; start_at: Date; end_at: Date }>('select title, start_at, end_at from calendar_events');
      expect(row!.title).to.equal('Team sync');
      expect(new Date(row!.start_at).toISOString()).to.equal('2026-11-27T18:00:00.000Z');
      expect(new Date(row!.end_at).toISOString()).to.equal('2026-11-27T19:00:00.000Z');
    });

    it('a reminder: "change it to 7pm", "no, 8am"', async () => {
      await send('remind me to call mom tomorrow at 6pm');
      expect(await send('change it to 7pm')).to.equal('⏰ Call mom: 6:00 PM → 7:00 PM');
      expect(await send('no, 8am')).to.equal('⏰ Call mom: 7:00 PM → 8:00 AM');
      const [row] = await sql<{ due_at: Date; status: string }>('select due_at, status from reminders');
      expect(new Date(row!.due_at).toISOString()).to.equal('2026-11-24T13:00:00.000Z');
      expect(row!.status).to.equal('pending');
    });

    it('an expense: "actually lunch was $14.50, fix that", then "make that $20"', async () => {
      await send('spent 12 on lunch');
      expect(await send('actually lunch was $14.50, fix that')).to.equal('💸 Lunch: $12.00 → $14.50');
      expect(await send('make that $20')).to.equal('💸 Lunch: $14.50 → $20.00');
      const rows = await sql('select amount::text as amount, description from expenses');
      expect(rows).to.deep.equal([{ amount: '20.00', description: 'lunch' }]);
    });

    it('a correction with nothing just stored asks which one, and changes nothing', async () => {
      await send('remind me to call mom tomorrow at 6pm');
      const reply = (await handle(consoleMessage('change it to 7pm', { phone: ALICE, receivedAt: later(600) }))).reply;
      expect(reply).to.match(/^Which one should I change\?/);
      const [row] = await sql<{ due_at: Date }>('select due_at from reminders');
      expect(new Date(row!.due_at).toISOString()).to.equal('2026-11-24T23:00:00.000Z');
    });
  });
});

describe('references: alarms and expenses by their words', () => {
  beforeEach(resetDb);
  it('"cancel tomorrow\'s 6:30 alarm" and "turn off my wake up alarm" cancel the alarm meant, no other reminder', async () => {
    const handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    const send = async (text: string, minutes = 0) =>
      (await handle(consoleMessage(text, { phone: ALICE, receivedAt: later(minutes) }))).reply;
    await send('set an alarm for 6:30am tomorrow');
    await send('wake me up at 7am wednesday');
    await send('remind me to call mom tomorrow at 6:30pm');
    expect(await send("cancel tomorrow's 6:30 alarm", 600)).to.match(/^🗑️ Cancelled: Alarm — Tue Nov 24, 6:30 AM/);
    expect(await send('turn off my wake up alarm', 601)).to.match(/^🗑️ Cancelled: Wake up — Wed Nov 25, 7:00 AM/);
    const rows = await sql<{ text: string; status: string }>('select text, status from reminders order by due_at');
    expect(rows.map((r) => `${r.text}:${r.status}`)).to.deep.equal(['Alarm:cancelled', 'Call mom:pending', 'Wake up:cancelled']);
  });

  it('"oops remove the gas one i logged" deletes the latest gas expense, not the last one logged', async () => {
    const handle = makePipeline();
    await handle(consoleMessage('spent 40 on gas'));
    await handle(consoleMessage('spent 12 on lunch'));
    expect((await handle(consoleMessage('oops remove the gas one i logged'))).reply).to.match(/Deleted \$40\.00 gas/);
    expect((await sql<{ description: string }>('select description from expenses')).map((r) => r.description)).to.deep.equal(['lunch']);
  });
});
