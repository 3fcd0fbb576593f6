import { expect } from 'chai';
import { SORRY_REPLY } from '../src/pipeline/replies.js';
import { amountProblem } from '../src/tools/expense/expense.amount.js';
import { storableQuantity } from '../src/tools/grocery/grocery.quantity.js';
import { resetDb } from './support/db.js';
import { dumpUser, seedUser } from './support/dump.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

const ASK_EGGS = 'Quantities go from 0.001 to 1,000,000 — how many eggs?';
const USD_RANGE = 'USD amounts go from $0.01 to $9,999,999,999.99, with at most 2 decimals — please send it again with the amount.';

function conversation() {
  const handle = makePipeline();
  let minute = 0;
  return async (text: string) => {
    const result = await handle(consoleMessage(text, { receivedAt: new Date(Date.UTC(2026, 10, 23, 14, minute++)) }));
    return { outcome: result.outcome, reply: result.reply ?? '' };
  };
}

describe('limits a text can reach are answered with what is allowed', () => {
  beforeEach(resetDb);

  for (const text of ['add 0.0001 eggs', 'add 0 eggs', 'add -1 eggs', 'add 1000001 eggs', 'add eggs x0']) {
    it(`asks for a storable quantity on "${text}" and adds nothing`, async () => {
      const said = await conversation()(text);
      expect(said).to.deep.equal({ outcome: 'replied', reply: ASK_EGGS });
      expect((await dumpUser()).groceryItems).to.deep.equal([]);
    });
  }

  it('takes the answer to "how many eggs?", and adds the rest of the message with it', async () => {
    const say = conversation();
    await say('add 2 milk and 0.0001 eggs');
    expect((await dumpUser()).groceryItems).to.deep.equal([]);
    expect((await say('12')).reply).to.match(/Added milk \(2\), eggs \(12\)/);
    expect((await dumpUser()).groceryItems.map((i) => [i.name, i.quantity])).to.deep.equal([['milk', 2], ['eggs', 12]]);
  });

  it('rounds a quantity as the column does, and refuses a sum past the largest quantity', async () => {
    const say = conversation();
    expect((await say('add 0.0005 eggs')).reply).to.match(/Added eggs \(0\.001\)/);
    await say('add 600000 milk');
    const tooMuch = 'That would make 1,200,000 milk, and quantities go up to 1,000,000. Nothing was added.';
    expect((await say('add 600000 milk')).reply).to.equal(tooMuch);
    expect((await dumpUser()).groceryItems.map((i) => [i.name, i.quantity])).to.deep.equal([['eggs', 0.001], ['milk', 600000]]);
  });

  const amounts: [string, string][] = [
    ['spent 0 on lunch', USD_RANGE],
    ['spent 0.001 on lunch', USD_RANGE],
    ['spent 12.345 on lunch', USD_RANGE],
    ['spent -5 on lunch', USD_RANGE],
    ['spent 10000000000 on a house', USD_RANGE],
    ['¥100.50 sushi', 'JPY amounts are whole numbers from ¥1 to ¥9,999,999,999 — please send it again with the amount.'],
  ];
  for (const [text, reply] of amounts) {
    it(`refuses the amount of "${text}" with the allowed range and logs nothing`, async () => {
      expect(await conversation()(text)).to.deep.equal({ outcome: 'replied', reply });
      expect((await dumpUser()).expenses).to.deep.equal([]);
    });
  }

  it('logs the largest amount and whole yen', async () => {
    const say = conversation();
    await say('spent 9999999999.99 on a house');
    await say('¥100 sushi');
    expect((await dumpUser()).expenses.map((e) => [e.amount, e.currency])).to.deep.equal([['9999999999.99', 'USD'], ['100.00', 'JPY']]);
  });

  const bounds: [string, string][] = [
    ['remind me in 99999999 minutes to check', 'I can set a reminder up to 366 days ahead.'],
    ['snooze 99999999 min', 'I can snooze a reminder for up to 366 days.'],
    ['remind me every 100 years to renew my passport', 'A repeat goes from every 1 to every 99 days, weeks, months or years.'],
    ['meeting tomorrow 3pm for 999 hours', 'An event can last up to 14 days — for longer, give its first and last day.'],
    ['dentist tomorrow 3pm remind me 8 days before', 'Alerts can come up to 7 days before an event.'],
    [`remind me tomorrow at 9 to ${'call '.repeat(120)}`, 'A reminder can be up to 500 characters long.'],
    [`${'party '.repeat(40)}tomorrow 3pm`, 'An event title can be up to 200 characters long.'],
    [`add ${'x'.repeat(201)}`, 'An item name can be up to 200 characters long.'],
  ];
  for (const [text, reply] of bounds) {
    it(`tells the limit on "${text.slice(0, 50)}", storing nothing cut short`, async () => {
      expect(await conversation()(text)).to.deep.equal({ outcome: 'replied', reply });
      const dump = await dumpUser();
      expect([dump.reminders, dump.events, dump.groceryItems].flat()).to.deep.equal([]);
    });
  }

  it('accepts only what the database stores as given (the bounds are the columns\' own)', async () => {
    await seedUser({});
    const [user] = await sql<{ id: number }>('select id from users');
    const stored = async (query: string, value: string) =>
      sql<{ v: string }>(query, [user!.id, value]).then(([row]) => row!.v, () => null);
    const quantity = (v: string) =>
      stored(`insert into grocery_items (user_id, name, quantity) values ($1, 'x', $2::numeric) returning quantity::text as v`, v);
    const amount = (v: string) => stored(
      `insert into expenses (user_id, amount, currency, category_id, spent_at)
       select $1, $2::numeric, 'USD', id, now() from expense_categories limit 1 returning amount::text as v`, v);
    for (const v of ['0.0004', '0.0005', '0.001', '0.0015', '1', '1000000', '1000000.0004', '1000000.001', '1e9']) {
      const accepted = storableQuantity(v);
      if (accepted !== null) expect(Number(await quantity(accepted)), v).to.equal(Number(accepted));
      else expect(['0.0004', '1000000.001', '1e9'], v).to.include(v);
    }
    for (const v of ['0.001', '0.005', '0.01', '12.5', '9999999999.99', '9999999999.995', '10000000000']) {
      if (amountProblem(v, 'USD') === null) expect(Number(await amount(v)), v).to.equal(Number(v));
    }
    expect(await quantity('0.0004'), 'below the smallest quantity').to.equal(null);
    expect(await amount('0.004'), 'below the smallest amount').to.equal(null);
  });

  it('answers every extreme text without "something went wrong"', async function () {
    this.timeout(120_000);
    const say = conversation();
    const texts = [
      'add 0.0001 eggs', 'add 99999999999999999999 eggs', 'add 999999 bread', 'add 999999 bread', 'add 0x eggs', 'add eggs (0)',
      'spent 0.004 on lunch', 'spent 99999999999999999999 on a house', 'spent 99999999999k on stuff', '€0,0001 museum', '-$5 lunch',
      'remind me in 99999999 minutes to check', 'remind me every 0 days to water plants', 'remind me every 100 years to renew',
      'snooze 99999999 min', 'meeting tomorrow 3pm for 999 hours', 'notify me 99999999999 min before events',
      `remind me tomorrow at 9 to ${'a'.repeat(1500)}`, `add ${'x'.repeat(1500)}`, `spent 5 on ${'y'.repeat(1500)}`,
      `${'z'.repeat(1500)} tomorrow 3pm`, 'spent 5 on lunch 999999999 days ago', 'remind me on jan 1 275761 at 9 to renew',
    ];
    for (const text of texts) {
      const said = await say(text);
      expect(said.outcome, text).to.equal('replied');
      expect(said.reply, text).to.not.equal(SORRY_REPLY);
    }
  });
});
