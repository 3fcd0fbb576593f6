import { expect } from 'chai';
import { resetDb } from './support/db.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const BOB = '+15551230002';
/** Mon Nov 23 2026, 9:00 AM in New York. */
const AT = new Date('2026-11-23T14:00:00Z');

describe('removals and changes that name their target among other words', () => {
  beforeEach(resetDb);
  let step = 0;
  let handle: ReturnType<typeof makePipeline>;
  const send = async (text: string, gap = 1) => {
    step += gap;
    return (await handle(consoleMessage(text, { phone: BOB, receivedAt: new Date(AT.getTime() + step * 60_000) }))).reply;
  };
  const events = async () => (await sql<{ title: string }>('select title from calendar_events order by start_at')).map((r) => r.title);
  const pending = async () =>
    (await sql<{ text: string }>("select text from reminders where status = 'pending' order by due_at")).map((r) => r.text);
  const items = async () => (await sql<{ name: string }>('select name from grocery_items order by id')).map((r) => r.name);
  const expenses = async () => (await sql<{ description: string }>('select description from expenses order by id')).map((r) => r.description);

  beforeEach(async () => {
    step = 0;
    handle = makePipeline({ env: { DEFAULT_TIMEZONE: 'America/New_York' } });
    for (const text of ['dentist appointment tuesday at 3pm', 'team meeting friday at 10am', 'lunch with sam friday at 1pm',
      'wake me up tuesday at 6:30am', 'remind me to call mom tuesday at 6pm', 'remind me to pay rent friday at 9am',
      'add milk, eggs and bread to my list', 'spent 12.50 on lunch', 'spent 40 on gas']) await send(text);
    step += 600; // a new conversation: nothing was just stored
  });

  it('a reminder named with a reason after it is cancelled, nothing else', async () => {
    expect(await send('please cancel the rent reminder, the landlord takes it automatically now')).to.match(/Cancelled: Pay rent/);
    expect(await pending()).to.deep.equal(['Wake up', 'Call mom']);
    expect(await events()).to.have.length(3);
  });

  it('"i dont need to be reminded about rent" style: stop reminding with a reason', async () => {
    expect(await send('stop reminding me about the rent, moved to direct debit')).to.match(/Cancelled: Pay rent/);
  });

  it('an event named without a kind word, with a reason, is deleted — never a list item', async () => {
    expect(await send('scratch lunch with sam he is sick')).to.match(/Deleted from your calendar: Lunch with sam/);
    expect(await events()).to.deep.equal(['Dentist appointment', 'Team meeting']);
    expect(await items()).to.deep.equal(['milk', 'eggs', 'bread']);
  });

  it('the verb at the end ("…so delete it") is still a removal, not a new event', async () => {
    expect(await send("dentist's office rang, the appointment on tuesday is off so delete it")).to.match(/Deleted from your calendar: Dentist/);
    expect(await events()).to.deep.equal(['Team meeting', 'Lunch with sam']);
  });

  it('"the alarm" with a day picks the alarm on that day', async () => {
    expect(await send('no need for the alarm on tuesday, get rid of it')).to.match(/Cancelled: Wake up/);
    expect(await pending()).to.deep.equal(['Call mom', 'Pay rent']);
  });

  it('an expense named by its amount and words is deleted, not logged again', async () => {
    expect(await send('erase the $40 gas expense, i typed it twice')).to.match(/Deleted \$40\.00/);
    expect(await expenses()).to.deep.equal(['lunch']);
  });

  it('list items named with a reason are taken off the list', async () => {
    expect(await send('remove the eggs, found some in the fridge')).to.match(/Removed eggs/);
    expect(await items()).to.deep.equal(['milk', 'bread']);
  });

  it('a kind and a time pick the row when the other words are only a reason', async () => {
    expect(await send('pls cancel the 6pm reminder on tuesday, my sister is coming over instead')).to.match(/Cancelled: Call mom/);
    expect(await pending()).to.deep.equal(['Wake up', 'Pay rent']);
  });

  it('"… delete it from the list" with the item named first', async () => {
    expect(await send('turns out we still have milk, delete it from the list')).to.match(/Removed milk/);
    expect(await items()).to.deep.equal(['eggs', 'bread']);
  });

  it('two rows named equally well are asked about, nothing removed', async () => {
    await send('lunch with sam saturday at 1pm');
    expect(await send('cancel lunch with sam')).to.match(/Which one/);
    expect(await events()).to.have.length(4);
  });

  it('"remind me to cancel …" stays a new reminder', async () => {
    expect(await send('remind me to cancel netflix tomorrow at 5pm')).to.not.match(/Cancelled|Deleted|couldn't find/);
    expect(await pending()).to.include('Cancel netflix');
  });

  it('"<name> is <time> now" moves that event, same day', async () => {
    expect(await send('team meeting is 11:30 now, not 10')).to.match(/Moved: Team meeting/);
    const [row] = await sql<{ start: string }>("select to_char(start_at at time zone 'America/New_York', 'Dy HH24:MI') as start "
      + "from calendar_events where title = 'Team meeting'");
    expect(row!.start).to.equal('Fri 11:30');
  });
});
