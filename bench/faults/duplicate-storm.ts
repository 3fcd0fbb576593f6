import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { twimlMessages } from '../../test/support/sms.js';
import { keepAliveAgent, post } from '../lib/load.js';
import { MIX, signedWebhook } from '../lib/messages.js';
import { withClient } from '../lib/pgstat.js';
import { startServer } from '../lib/server.js';
import { ERRAND_DB, flag, freshDatabase, phones, sidFactory, writeResult } from '../lib/setup.js';
import { runFault, verdict } from './harness.js';

const TOOL_TABLES = ['grocery_items', 'expenses', 'reminders', 'calendar_events'];

/**
 * Every webhook delivered 3 times at once (Twilio retrying a slow answer, a proxy replaying): one set of rows per
 * message. A control group sends the same texts once, from other numbers, to know what one set of rows is.
 */
async function main(): Promise<void> {
  const count = flag('messages', 500);
  const copies = flag('copies', 3);
  await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const server = await startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name: 'fault-duplicate-storm' });
  try {
    const texts = MIX.flatMap((m) => m.texts);
    const storm = phones(count, 0);
    const control = phones(count, 500_000);
    const sid = sidFactory();
    const agent = keepAliveAgent(64);
    const text = (i: number) => texts[i % texts.length]!;
    let answers = 0;
    let withReply = 0;
    const statuses: Record<string, number> = {};
    for (let i = 0; i < count; i += 16) {
      await Promise.all(
        Array.from({ length: Math.min(16, count - i) }, async (_, k) => {
          const n = i + k;
          await post(server.url, signedWebhook(control[n]!, text(n), sid()), agent);
          const wh = signedWebhook(storm[n]!, text(n), sid());
          const results = await Promise.all(Array.from({ length: copies }, () => post(server.url, wh, agent)));
          for (const r of results) {
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            answers++;
            if (twimlMessages(r.body).length) withReply++;
          }
        }),
      );
    }
    agent.destroy();
    await server.stop();
    const rows = await countRows(storm, control);
    const result = { messages: count, copies, answers, statuses, answersWithReply: withReply, rows };
    writeResult('fault-duplicate-storm', result);
    console.log(JSON.stringify(result, null, 2));
    const ok = Object.entries(rows).every(([, v]) => v.storm === v.control) && (statuses['200'] ?? 0) === answers;
    verdict(ok, 'PASS: one set of rows per message');
  } finally {
    await server.stop();
    await twilio.close();
  }
}

async function countRows(storm: string[], control: string[]): Promise<Record<string, { storm: number; control: number }>> {
  return withClient(ERRAND_DB, async (c) => {
    const { rows: existing } = await c.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public'`);
    const tables = ['conversation_messages', 'agent_logs', 'user_channels', 'conversation_states', 'outbound_messages', ...TOOL_TABLES].filter((t) => existing.some((e) => e.table_name === t));
    const out: Record<string, { storm: number; control: number }> = {};
    for (const t of tables) {
      const count = async (group: string[]) =>
        Number((await c.query(`select count(*) as n from "${t}" x join users u on u.id = x.user_id where u.phone_number = any($1)`, [group])).rows[0].n);
      out[t] = { storm: await count(storm), control: await count(control) };
    }
    return out;
  });
}

runFault(main);
