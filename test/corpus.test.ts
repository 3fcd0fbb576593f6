import { expect } from 'chai';
import { expenseCorpus } from './fixtures/expense.corpus.js';
import { groceryCorpus } from './fixtures/grocery.corpus.js';
import { helpCorpus, settingsCorpus } from './fixtures/settings-help.corpus.js';
import type { CorpusCase } from './fixtures/corpus.types.js';
import { resetDb } from './support/db.js';
import { dumpUser, seedUser, type Dump } from './support/dump.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

const AT = '2026-11-23T14:00:00Z';
const CONCURRENCY = 8;

const corpora: [string, CorpusCase[]][] = [
  ['grocery', groceryCorpus],
  ['expenses', expenseCorpus],
  ['settings', settingsCorpus],
  ['help', helpCorpus],
];

interface Outcome {
  reply: string | null;
  outcome: string;
  dump: Dump;
}

/** Each case is its own user (own phone number), so cases run side by side without sharing rows. */
async function run(c: CorpusCase, phone: string): Promise<Outcome> {
  if (c.timezone || c.currency) await seedUser({ phone, timezone: c.timezone, currency: c.currency });
  const handle = makePipeline();
  const receivedAt = new Date(c.at ?? AT);
  for (const text of c.given ?? []) await handle(consoleMessage(text, { phone, receivedAt }));
  const result = await handle(consoleMessage(c.text, { phone, receivedAt }));
  return { reply: result.reply, outcome: result.outcome, dump: await dumpUser(phone) };
}

function expectRows<T extends object>(label: string, actual: T[], expected: Partial<T>[]): void {
  expect(actual, `${label} count`).to.have.length(expected.length);
  expected.forEach((want, i) => {
    for (const [key, value] of Object.entries(want)) {
      expect((actual[i] as Record<string, unknown>)[key], `${label}[${i}].${key}`).to.deep.equal(value);
    }
  });
}

function check(c: CorpusCase, o: Outcome): void {
  expect(o.outcome, 'outcome').to.equal('replied');
  expect(o.reply, 'reply').to.be.a('string').and.not.be.empty;
  if (c.reply) expect(o.reply).to.match(c.reply);
  if (c.grocery) expectRows('groceryItems', o.dump.groceryItems, c.grocery);
  if (c.expenses) expectRows('expenses', o.dump.expenses, c.expenses);
  for (const [key, value] of Object.entries(c.user ?? {})) {
    expect((o.dump.user as Record<string, unknown>)[key], `user.${key}`).to.deep.equal(value);
  }
}

describe('corpus: grocery, expenses, settings and help', () => {
  const all = corpora.flatMap(([, cases]) => cases);
  const outcomes = new Map<CorpusCase, Outcome | Error>();

  before(async function () {
    this.timeout(120_000);
    await resetDb();
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const index = next++;
        const c = all[index]!;
        const phone = `+1555400${String(index).padStart(4, '0')}`;
        outcomes.set(c, await run(c, phone).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  });

  after(resetDb);

  it('has at least 110 messages', () => {
    expect(all.length).to.be.at.least(110);
  });

  for (const [name, cases] of corpora) {
    describe(name, () => {
      for (const c of cases) {
        const title = c.given?.length ? `${c.given.join(' → ')} → ${c.text}` : c.text;
        it(title, () => {
          const o = outcomes.get(c);
          if (o instanceof Error) throw o;
          check(c, o!);
        });
      }
    });
  }
});
