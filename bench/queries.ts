import pg from 'pg';
import { createConfig } from '../src/config.js';
import { createErrand } from '../src/errand.js';
import { createLogger } from '../src/logger.js';
import { startFakeTwilio } from '../test/support/fake-twilio.js';
import { calibrationSenders } from './inbound.js';
import { keepAliveAgent, post } from './lib/load.js';
import { signedWebhook } from './lib/messages.js';
import { ACCOUNT_SID, AUTH_TOKEN, ERRAND_DB, OUR_NUMBER, PUBLIC_BASE_URL, freshDatabase, sidFactory, writeResult } from './lib/setup.js';

/**
 * Counts the SQL statements one inbound SMS costs, per text of the benchmark mix: the first message of a new
 * sender and a follow-up from the same sender. In-process, so every statement the pg driver sends can be counted.
 */
async function main(): Promise<void> {
  await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const env = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM_NUMBER: OUR_NUMBER, TWILIO_API_BASE_URL: twilio.url };
  const config = createConfig({ ...env, DATABASE_URL: ERRAND_DB, PORT: '0', PUBLIC_BASE_URL, SCHEDULER_ENABLED: 'false', MAX_MESSAGES_PER_SENDER_PER_MINUTE: '1000000' });
  const errand = await createErrand({ config, logger: createLogger({ silent: true }) });
  const url = await errand.listen();
  const seen: string[] = [];
  // Every statement goes through a pg client: the ORM's (knex) and the hot path's raw ones alike.
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    seen.push(text.replace(/\s+/g, ' ').trim().slice(0, 140));
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const agent = keepAliveAgent(1);
  const sid = sidFactory();
  const rows: { text: string; first: number; followUp: number }[] = [];
  let example: string[] = [];
  for (const [text, from] of calibrationSenders()) {
    const counts: number[] = [];
    for (let i = 0; i < 2; i++) {
      seen.length = 0;
      await post(url, signedWebhook(from, text, sid()), agent);
      counts.push(seen.length);
      if (text === 'help' && i === 1) example = [...seen];
    }
    rows.push({ text, first: counts[0]!, followUp: counts[1]! });
  }
  agent.destroy();
  await errand.stop();
  await twilio.close();
  console.log('| text | statements, new sender | statements, follow-up |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.text} | ${r.first} | ${r.followUp} |`);
  console.log(`\nstatements of one follow-up "help":\n${example.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  writeResult('queries', { rows, example });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
