import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

/** Mon 2026-11-30 10:00 in New York. */
const NOW = new Date('2026-11-30T15:00:00Z');
const NY = { DEFAULT_TIMEZONE: 'America/New_York' };

describe('words and numbers: what people write, through the pipeline', () => {
  beforeEach(resetDb);
  const send = async (text: string) => (await makePipeline({ env: NY })(consoleMessage(text, { receivedAt: NOW }))).reply;

  it('stores a birthday said in words on its day, without the date words in the title', async () => {
    const reply = await send("remind me of my brother's birthday on april twenty");
    const [reminder] = (await dumpUser()).reminders;
    expect(reminder).to.include({ text: "My brother's birthday", dueAt: '2027-04-20T13:00:00.000Z' });
    expect(reply).to.match(/My brother's birthday — Tue Apr 20/);
  });

  const dates: [string, string, string][] = [
    ['remind me to pay rent march twenty two', 'Pay rent', '2027-03-22T13:00:00.000Z'],
    ['remind me to call mom on the twenty first', 'Call mom', '2026-12-21T14:00:00.000Z'],
    ['remind me to renew my passport on the 22nd of june', 'Renew my passport', '2027-06-22T13:00:00.000Z'],
    ['remind me to water the plants july three at 8am', 'Water the plants', '2027-07-03T12:00:00.000Z'],
    ['remind me to stretch in three hours', 'Stretch', '2026-11-30T18:00:00.000Z'],
    ['remind me to start dinner at half past six', 'Start dinner', '2026-11-30T23:30:00.000Z'],
    ['remind me to leave at quarter to eight', 'Leave', '2026-12-01T00:45:00.000Z'],
  ];
  for (const [text, title, dueAt] of dates) {
    it(`reads "${text}"`, async () => {
      await send(text);
      expect((await dumpUser()).reminders).to.have.length(1);
      expect((await dumpUser()).reminders[0]).to.include({ text: title, dueAt });
    });
  }

  it('sets an alarm said as "one hundred and thirty" for the next 1:30 (this afternoon), not 1:30 at night', async () => {
    await send('can you set the alarm for one hundred and thirty');
    expect((await dumpUser()).reminders[0]).to.include({ text: 'Alarm', dueAt: '2026-11-30T18:30:00.000Z' });
  });

  it('puts an event said with words on its day and time, and a year said in words', async () => {
    await send('dentist feb four at two pm');
    await send('put dinner with jen on my calendar on the twenty second of march twenty twenty seven at 7pm');
    const events = (await dumpUser()).events;
    expect(events.map((e) => [e.title, e.start])).to.deep.equal([
      ['Dentist', '2027-02-04T19:00:00.000Z'],
      ['Dinner with jen', '2027-03-22T23:00:00.000Z'],
    ]);
    expect((await dumpUser()).expenses).to.deep.equal([]);
  });

  it('keeps ordinal and count words that are not dates', async () => {
    await send('add two dozen eggs to the grocery list');
    expect((await dumpUser()).groceryItems).to.deep.include({ name: 'eggs', quantity: 2, unit: 'dozen', category: 'dairy', done: false });
    await send('remind me about the second item on the agenda tomorrow at 9am');
    expect((await dumpUser()).reminders[0]).to.include({ text: 'The second item on the agenda', dueAt: '2026-12-01T14:00:00.000Z' });
  });

  const amounts: [string, string, string][] = [
    ['2 movie tickets, $14.50 each', '29.00', 'movie tickets'],
    ['three coffees at $4 each', '12.00', 'coffees'],
    ['$5 x 3 for sandwiches', '15.00', 'sandwiches'],
    ['twenty bucks on lunch', '20.00', 'lunch'],
    ['12.5 for parking', '12.50', 'parking'],
    ['4 beers x $7', '28.00', 'beers'],
  ];
  for (const [text, amount, description] of amounts) {
    it(`logs "${text}" as ${amount}`, async () => {
      const reply = await send(text);
      const expenses = (await dumpUser()).expenses;
      expect(expenses).to.have.length(1);
      expect(expenses[0]).to.include({ amount, description });
      expect(reply).to.include(`$${amount}`);
    });
  }

  it('gives an event its length and place, and echoes them', async () => {
    const reply = await send('team sync tuesday at 3 on zoom, should take about 30 min');
    const [event] = (await dumpUser()).events;
    expect(event).to.include({ title: 'Team sync', location: 'Zoom', start: '2026-12-01T20:00:00.000Z', end: '2026-12-01T20:30:00.000Z' });
    expect(reply).to.match(/Team sync — Tue Dec 1, 3:00 PM – 3:30 PM @ Zoom/);
  });

  it('reads a room, a range and "for 2 hours" as the event\'s place and end', async () => {
    await send('planning friday from 3 to 4:30 in conf room b');
    await send('workshop on my calendar thursday at 1 for 2 hours');
    const events = (await dumpUser()).events;
    expect(events.map((e) => [e.title, e.location, e.start, e.end])).to.deep.equal([
      ['Workshop', null, '2026-12-03T18:00:00.000Z', '2026-12-03T20:00:00.000Z'],
      ['Planning', 'Conf room B', '2026-12-04T20:00:00.000Z', '2026-12-04T21:30:00.000Z'],
    ]);
  });
});
