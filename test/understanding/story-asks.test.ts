import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { dumpUser } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';

/** Mon 2026-11-30 10:00 in New York. */
const NOW = new Date('2026-11-30T15:00:00Z');
const NY = { DEFAULT_TIMEZONE: 'America/New_York' };

describe('asks that point back at the story told before them', () => {
  beforeEach(resetDb);
  const pipeline = () => makePipeline({ env: NY });
  const send = async (text: string, run = pipeline()) => (await run(consoleMessage(text, { receivedAt: NOW }))).reply ?? '';

  it('puts the thing a story tells on the calendar when asked to "add that" or "put it in my diary"', async () => {
    await send('I have a parent-teacher conference for my youngest on Thursday at 4:15, could you add that for me?');
    await send("I'm told the furnace inspection will be tomorrow at 1 in the afternoon, so please put it in my diary.");
    await send("We're having the book club at my place on December 12 at 6pm. I should probably write that down somewhere.");
    const { events } = await dumpUser();
    expect(events.map((e) => [e.title, e.start])).to.deep.equal([
      ['Furnace inspection', '2026-12-01T18:00:00.000Z'],
      ['Parent-teacher conference for my youngest', '2026-12-03T21:15:00.000Z'],
      ['Book club', '2026-12-12T23:00:00.000Z'],
    ]);
  });

  it('sets the reminder or alarm a story asks for, with the task and time the story tells', async () => {
    await send('I am supposed to take my blood pressure pill at 9 pm every evening, but lately I forget it. Would you remind me?');
    await send('I must be up at half past five on Tuesday, so would you please be so kind as to set an alarm for that.');
    await send("My wife usually reminds me but she is away, so I wonder if you could remind me on Wednesday at 6pm to feed the cat.");
    const { reminders } = await dumpUser();
    expect(reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([
      ['Take my blood pressure pill', '2026-12-01T02:00:00.000Z'],
      ['Alarm', '2026-12-01T10:30:00.000Z'],
      ['Feed the cat', '2026-12-02T23:00:00.000Z'],
    ]);
  });

  it('adds what a story says to get, and reminds of what it says to do "in about 45 minutes"', async () => {
    await send('My wife asked me to pick up some orange juice, maybe you could add it to the grocery list for me.');
    await send('In about 45 minutes I need to check on the bread in the oven. Could you give me a little reminder, please?');
    const { groceryItems, reminders } = await dumpUser();
    expect(groceryItems.map((i) => i.name)).to.deep.equal(['orange juice']);
    expect(reminders.map((r) => [r.text, r.dueAt])).to.deep.equal([['Check on the bread in the oven', '2026-11-30T15:45:00.000Z']]);
  });

  it('never writes for a text that asks, even when one of its clauses tells of a day', async () => {
    await send('lunch with sam thursday at 1');
    const reply = await send("My son wants to visit on Thursday, so I'm just checking whether I've got any commitments that day.");
    expect(reply).to.match(/Lunch with sam/);
    expect((await dumpUser()).events).to.have.length(1);
  });

  it('reads "would you mind clearing…" and "have an alarm go off in…" as the plain asks', async () => {
    await send('Would it be possible to have an alarm go off in an hour and a half? I have a roast in.');
    expect((await dumpUser()).reminders.map((r) => r.dueAt)).to.deep.equal(['2026-11-30T16:30:00.000Z']);
    await send('lunch with sam friday at 1');
    const reply = await send("Would you mind clearing everything off my calendar for Friday? I'm going to be away.");
    expect(reply).to.match(/YES/);
  });
});

describe('asks that Errand do a thing itself', () => {
  beforeEach(resetDb);
  const send = async (text: string) => (await makePipeline({ env: NY })(consoleMessage(text, { receivedAt: NOW }))).reply ?? '';

  it('stores nothing for paying, booking, calling, switching or timing, and says what it cannot do', async () => {
    const replies = [
      await send('pay my verizon bill of $85 on friday'),
      await send('book me a table for 4 at 7pm friday'),
      await send('facetime grandma at 7 tonight'),
      await send('turn on the coffee maker at 6:45 tomorrow'),
      await send('timer 3 min for the eggs'),
    ];
    expect(replies[0]).to.match(/^I can't pay bills/);
    expect(replies[1]).to.match(/^I can't book, order or return things/);
    expect(replies[2]).to.match(/^I can't send messages or place calls/);
    expect(replies[3]).to.match(/^I can't control your home/);
    expect(replies[4]).to.match(/^I can't run timers/);
    const { reminders, events, expenses } = await dumpUser();
    expect([...reminders, ...events, ...expenses]).to.deep.equal([]);
  });

  it('stores nothing for a reminder meant for someone else, a plan to write, a vent, or a card to freeze said after a story', async () => {
    const replies = [
      await send('can u remind my mom to take her pills every day at 9am'),
      await send('make me a packing list for 5 days in cancun'),
      await send('plan my saturday, i want to be productive'),
      await send('i cant believe my rent went up $150'),
      await send('I think someone used my card at a gas station yesterday for $40. Can you freeze my debit card?'),
    ];
    expect(replies[0]).to.match(/^I can only send reminders to you/);
    expect(replies[1]).to.match(/^I can't write plans or lists for you/);
    expect(replies[4]).to.match(/^I can't move money or check accounts/);
    const { reminders, events, expenses, lists } = await dumpUser();
    expect([...reminders, ...events, ...expenses, ...(lists as unknown[])]).to.deep.equal([]);
  });

  it('keeps it when asked in its own words, and does not take a day told about for an event', async () => {
    await send('remind me to pay the verizon bill on friday');
    await send('remind tmrw at 6 to call mom');
    await send('make a packing list');
    await send('im so tired today ugh');
    await send('the team meeting went really well today');
    const { reminders, events, lists } = await dumpUser();
    expect(reminders).to.have.length(2);
    expect(reminders[1]!.text).to.equal('Pay the verizon bill');
    expect((lists as { name: string }[]).map((l) => l.name)).to.deep.equal(['packing']);
    expect(events).to.deep.equal([]);
  });
});
