import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { sql } from '../support/pipeline.js';
import { schedulerHarness } from '../support/scheduler.js';

async function notifyAt(): Promise<(string | null)[]> {
  const rows = await sql<{ notify_at: Date | null }>('select notify_at from calendar_events order by id');
  return rows.map((r) => r.notify_at && new Date(r.notify_at).toISOString());
}

describe('scheduler: event alerts', () => {
  beforeEach(resetDb);

  it('alerts 30 minutes before an event by default, in the user\'s zone, once', async () => {
    const h = await schedulerHarness('2026-11-23T18:00:00Z');
    await h.say('my timezone is Los Angeles');
    await h.say('dentist tomorrow at 3pm at Main St Dental');
    expect(await notifyAt()).to.deep.equal(['2026-11-24T22:30:00.000Z']);
    expect(await h.tickAt('2026-11-24T22:29:00Z')).to.deep.equal([]);
    expect(await h.tickAt('2026-11-24T22:30:00Z')).to.deep.equal(['📅 Dentist at 3:00 PM (in 30 min) @ Main St Dental']);
    expect(await h.tickAt('2026-11-24T22:31:00Z')).to.deep.equal([]);
    await h.stop();
  });

  it('follows "notify me 15 min before events", a moved event and "no event alerts"', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('standup tomorrow at 10am');
    await h.say('lunch with Sam tomorrow at 1pm');
    expect(await h.say('notify me 15 min before events')).to.match(/15 min before/);
    expect(await notifyAt()).to.deep.equal(['2026-11-24T14:45:00.000Z', '2026-11-24T17:45:00.000Z']);
    expect(await h.tickAt('2026-11-24T14:45:00Z')).to.deep.equal(['📅 Standup at 10:00 AM (in 15 min)']);
    h.clock.set('2026-11-24T15:30:00Z');
    expect(await h.say('move lunch to 2pm')).to.match(/Moved/);
    expect(await notifyAt()).to.deep.equal(['2026-11-24T14:45:00.000Z', '2026-11-24T18:45:00.000Z']);
    expect(await h.tickAt('2026-11-24T17:45:00Z')).to.deep.equal([]);
    expect(await h.tickAt('2026-11-24T18:45:00Z')).to.deep.equal(['📅 Lunch with Sam at 2:00 PM (in 15 min)']);
    expect(await h.say('no event alerts')).to.match(/off/);
    await h.say('dinner tomorrow at 7pm');
    expect((await notifyAt())[2]).to.equal(null);
    expect(await h.tickAt('2026-11-25T23:45:00Z')).to.deep.equal([]);
    await h.stop();
  });

  it('keeps an event\'s own lead time and sends it even in quiet hours', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('flight tomorrow at 6am, remind me 2 hours before');
    expect(await notifyAt()).to.deep.equal(['2026-11-24T09:00:00.000Z']);
    expect(await h.tickAt('2026-11-24T09:00:00Z')).to.deep.equal(['📅 Flight at 6:00 AM (in 2 h)']);
    await h.stop();
  });
});

describe('scheduler: quiet hours', () => {
  beforeEach(resetDb);

  it('holds a default event alert until quiet hours end, and drops one that would come after the event', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('gym tomorrow at 7:20am');
    await h.say('late call tomorrow at 11:30pm');
    expect(await h.tickAt('2026-11-24T11:50:00Z')).to.deep.equal([]); // 6:50 AM: quiet until 7
    const [row] = await sql<{ next_attempt_at: Date }>(`select next_attempt_at from outbound_messages where kind = 'event'`);
    expect(new Date(row!.next_attempt_at).toISOString()).to.equal('2026-11-24T12:00:00.000Z');
    expect(await h.tickAt('2026-11-24T12:00:00Z')).to.deep.equal(['📅 Gym at 7:20 AM (in 20 min)']);
    expect(await h.tickAt('2026-11-25T04:00:00Z')).to.deep.equal([]); // 11 PM alert: quiet until after the call
    expect(await sql(`select id from outbound_messages where kind = 'event'`)).to.have.length(1);
    await h.stop();
  });

  it('still sends a reminder the user set for 11 PM at 11 PM', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('remind me to take out the trash at 11pm');
    expect(await h.tickAt('2026-11-24T04:00:00Z')).to.deep.equal(['⏰ Take out the trash']);
    await h.stop();
  });

  it('are settable by text ("quiet hours 11pm to 6am", "no quiet hours")', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    expect(await h.say('quiet hours 11pm to 6am')).to.match(/11:00 PM – 6:00 AM/);
    await h.say('call with Tokyo tomorrow at 10:50pm');
    expect(await h.tickAt('2026-11-25T03:20:00Z')).to.deep.equal(['📅 Call with Tokyo at 10:50 PM (in 30 min)']);
    expect(await h.say('no quiet hours')).to.match(/off/);
    await h.say('late call friday at 1am');
    expect(await h.tickAt('2026-11-27T05:30:00Z')).to.deep.equal(['📅 Late call at 1:00 AM (in 30 min)']);
    expect(await h.say('settings')).to.match(/Event alerts: 30 min before\nQuiet hours: off\nDaily agenda: off/);
    await h.say('quiet hours 10 to 7');
    expect(await h.say('settings')).to.match(/Quiet hours: 10:00 PM – 7:00 AM/);
    await h.stop();
  });
});

describe('scheduler: daily agenda', () => {
  beforeEach(resetDb);

  it('sends today\'s events, reminders and the grocery count once, at the local time asked', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    expect(await h.say('send me my agenda every day at 7am')).to.match(/every day at 7:00 AM/);
    await h.say('standup tomorrow at 10am');
    await h.say('moms bday tomorrow all day');
    await h.say('remind me to call the dentist tomorrow at 4pm');
    await h.say('add milk and eggs');
    expect(await h.tickAt('2026-11-24T11:59:00Z')).to.deep.equal([]);
    const sent = await h.tickAt('2026-11-24T12:00:00Z');
    expect(sent).to.deep.equal([
      "☀️ Your day — Tue Nov 24\n📅 All day Moms birthday\n📅 10:00 AM Standup\n⏰ 4:00 PM Call the dentist\n🛒 2 items on your grocery list",
    ]);
    expect(await h.tickAt('2026-11-24T12:01:00Z')).to.deep.equal([]);
    await sql(`update agenda_schedules set next_at = '2026-11-24T12:00:00Z'`); // a re-run for the same local date
    expect(await h.tickAt('2026-11-24T12:02:00Z')).to.deep.equal([]);
    await h.stop();
  });

  it('skips empty days unless asked "even when empty", and stops when told', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('send me my agenda every day at 7am');
    expect(await h.tickAt('2026-11-24T12:00:00Z')).to.deep.equal([]);
    await h.say('send me my agenda every morning at 7:30 even when empty');
    expect(await h.tickAt('2026-11-24T12:30:00Z')).to.deep.equal(['☀️ Your day — Tue Nov 24\nNothing on your calendar and no reminders today. 🎉']);
    expect(await h.say('stop the daily agenda')).to.match(/stopped/);
    expect(await h.tickAt('2026-11-25T12:30:00Z')).to.deep.equal([]);
    expect(await sql('select user_id from agenda_schedules')).to.have.length(0);
    await h.stop();
  });

  it('uses the user\'s zone, and waits for quiet hours to end', async () => {
    const h = await schedulerHarness('2026-11-23T14:00:00Z');
    await h.say('my timezone is Tokyo');
    expect(await h.say('send me my agenda every day at 6am even when empty')).to.match(/quiet hours/);
    expect(await h.tickAt('2026-11-23T21:00:00Z')).to.deep.equal([]); // 6 AM in Tokyo: quiet until 7
    expect(await h.tickAt('2026-11-23T22:00:00Z')).to.deep.equal(['☀️ Your day — Tue Nov 24\nNothing on your calendar and no reminders today. 🎉']);
    await h.stop();
  });
});
