import { expect } from 'chai';
import { calendarCorpus } from './fixtures/calendar.corpus.js';
import { MON_2PM, type CorpusCase } from './fixtures/corpus-types.js';
import { reminderCorpus } from './fixtures/reminder.corpus.js';
import { resetDb } from './support/db.js';
import { dumpUser } from './support/dump.js';
import { consoleMessage, makePipeline, sql } from './support/pipeline.js';

/** Each case texts from its own number, so cases share one emptied database and stay independent. */
let caseNo = 0;

async function dumpRows(PHONE: string): Promise<{ reminders: Record<string, unknown>[]; events: Record<string, unknown>[] }> {
  const { user, reminders, events } = await dumpUser(PHONE);
  expect(user, `user ${PHONE}`).not.to.equal(null);
  return { reminders, events };
}

function compare(actual: Record<string, unknown>[], expected: Record<string, unknown>[], what: string): void {
  expect(actual, `${what}: ${JSON.stringify(actual)}`).to.have.length(expected.length);
  expected.forEach((exp, i) => {
    for (const [key, value] of Object.entries(exp)) {
      const got = actual[i]![key];
      if (value instanceof RegExp) expect(String(got), `${what}[${i}].${key}`).to.match(value);
      else expect(got, `${what}[${i}].${key} in ${JSON.stringify(actual[i])}`).to.deep.equal(value);
    }
  });
}

async function run(c: CorpusCase, PHONE: string): Promise<string> {
  const handle = makePipeline({ env: { DEFAULT_TIMEZONE: c.tz ?? 'America/New_York' } });
  const at = c.at ?? MON_2PM;
  for (const step of c.setup ?? []) {
    const [text, when] = Array.isArray(step) ? step : [step, at];
    await handle(consoleMessage(text, { phone: PHONE, receivedAt: new Date(when) }));
  }
  for (const q of c.sql ?? []) await sql(q.replaceAll(':phone', `'${PHONE}'`));
  const result = await handle(consoleMessage(c.text, { phone: PHONE, receivedAt: new Date(at) }));
  expect(result.outcome).to.equal('replied');
  return result.reply ?? '';
}

function defineCorpus(title: string, corpus: CorpusCase[]): void {
  describe(title, () => {
    before(resetDb);
    for (const c of corpus) {
      const label = `${c.setup ? `[${c.setup.map((s) => (Array.isArray(s) ? s[0] : s)).join(' / ')}] → ` : ''}${c.text}${c.tz ? ` (${c.tz})` : ''}${c.at ? ` @${c.at}` : ''}`;
      it(label, async () => {
        const phone = `+1555400${String(++caseNo).padStart(4, '0')}`;
        const reply = await run(c, phone);
        if (c.reply) expect(reply).to.match(c.reply);
        const rows = await dumpRows(phone);
        if (c.reminders) compare(rows.reminders, c.reminders as Record<string, unknown>[], `reminders (reply: ${reply})`);
        if (c.events) compare(rows.events, c.events as Record<string, unknown>[], `events (reply: ${reply})`);
      });
    }
  });
}

defineCorpus('corpus: reminders', reminderCorpus);
defineCorpus('corpus: calendar', calendarCorpus);
