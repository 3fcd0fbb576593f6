import pg from 'pg';
import { runInbound, summary, SUMMARY_HEADER, log, type InboundOptions } from './inbound.js';
import { machine } from './lib/cpu.js';
import { withClient } from './lib/pgstat.js';
import { ERRAND_DB, flag, writeResult } from './lib/setup.js';
import { explainHotQueries } from './lib/explain.js';

const COUNTED = ['users', 'conversation_messages', 'agent_logs', 'expenses', 'grocery_items', 'outbound_messages', 'reminders'];

async function rowCounts(): Promise<Record<string, number>> {
  return withClient(ERRAND_DB, async (c) => {
    const out: Record<string, number> = {};
    for (const t of COUNTED) {
      const exists = (await c.query(`select to_regclass($1) as t`, [t])).rows[0].t;
      if (exists) out[t] = Number((await c.query(`select count(*) as n from "${t}"`)).rows[0].n);
    }
    return out;
  });
}

/**
 * Gives the benchmark's 1,000 senders a long past: 1M conversation messages (half of them answers, linked by
 * in_reply_to), 500k agent-log rows, 1M expenses over a year, 200k checked-off grocery items, 1M sent outbox
 * rows and, once the reminders tool exists, 1M reminders — all with `insert … select generate_series`.
 */
async function seed(c: pg.Client): Promise<Record<string, number>> {
  const timed: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const t0 = Date.now();
    await c.query(sql);
    timed[name] = Date.now() - t0;
    log(`  seeded ${name} in ${timed[name]} ms`);
  };
  const senders = `(select id from users where phone_number like '+15552%')`;
  await step('conversation_states', `insert into conversation_states (conversation_id, user_id, channel, created_at, updated_at)
    select 'seed-' || id, id, 'sms', now() - interval '200 days', now() - interval '30 days' from ${senders} u`);
  await step('conversation_messages (1M)', `insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, provider_message_id, status, timestamp)
    select 'seed-' || u.id, u.id, 'sms', case when g % 2 = 0 then 'user' else 'assistant' end, 'seeded message number ' || g, 'text',
           case when g % 2 = 0 then 'SMseed' || u.id || 'x' || g end, case when g % 2 = 0 then 'processed' end, now() - interval '200 days' + g * interval '4 hours'
      from ${senders} u cross join generate_series(1, 1000) g`);
  await step('in_reply_to links', `update conversation_messages set in_reply_to = id - 1 where role = 'assistant' and conversation_id like 'seed-%'`);
  await step('agent_logs (500k)', `insert into agent_logs (user_id, conversation_id, user_input, agent_response, understanding, latency_ms, timestamp)
    select u.id, 'seed-' || u.id, 'seeded input ' || g, 'seeded answer', 'rules', 3, now() - interval '200 days' + g * interval '8 hours' from ${senders} u cross join generate_series(1, 500) g`);
  await step('expenses (1M)', `insert into expenses (user_id, amount, currency, category_id, description, spent_at)
    select u.id, (g % 97 + 1)::numeric(12,2), 'USD', g % 10 + 1, 'seeded ' || g, now() - (g % 365) * interval '1 day' from ${senders} u cross join generate_series(1, 1000) g`);
  await step('grocery_items (200k, checked off)', `insert into grocery_items (user_id, name, category, done, created_at, updated_at)
    select u.id, 'seeded item ' || g, 'other', true, now() - interval '100 days', now() - interval '100 days' from ${senders} u cross join generate_series(1, 200) g`);
  await step('outbound_messages (1M sent)', `insert into outbound_messages (user_id, channel, recipient, body, kind, status, attempts, next_attempt_at, created_at, updated_at)
    select u.id, 'sms', u.phone_number, 'seeded reply', 'reply', 'sent', 1, now() - interval '100 days', now() - interval '100 days', now() - interval '100 days'
      from (select id, phone_number from users where phone_number like '+15552%') u cross join generate_series(1, 1000) g`);
  if ((await c.query(`select to_regclass('reminders') as t`)).rows[0].t) await seedReminders(c, step, senders);
  await step('vacuum analyze', 'vacuum analyze');
  return timed;
}

async function seedReminders(_c: pg.Client, step: (name: string, sql: string) => Promise<void>, senders: string): Promise<void> {
  // 990 past reminders per sender (sent, done or cancelled) and 10 pending ones in the future: nothing falls due mid-run.
  await step('reminders (1M)', `insert into reminders (user_id, text, due_at, timezone, status, last_sent_at, created_at, updated_at)
    select u.id, 'seeded reminder ' || g,
           case when g <= 990 then now() - interval '300 days' + g * interval '7 hours' else now() + (g - 990) * interval '1 day' end, 'UTC',
           case when g > 990 then 'pending' when g % 10 = 0 then 'cancelled' when g % 3 = 0 then 'done' else 'sent' end,
           case when g <= 990 then now() - interval '300 days' + g * interval '7 hours' end, now() - interval '300 days', now() - interval '300 days'
      from ${senders} u cross join generate_series(1, 1000) g`);
}

async function main(): Promise<void> {
  const base: InboundOptions = {
    label: 'growth',
    connections: flag('connections', 16),
    seconds: flag('seconds', 20),
    warmupSeconds: flag('warmup', 5),
    rate: flag('rate', 30),
    rateSeconds: flag('rate-seconds', 20),
    floor: false,
  };
  log(`machine: ${JSON.stringify(machine())}`);
  const small = await runInbound({ ...base, label: 'growth-small' });
  const smallRows = await rowCounts();
  log('seeding…');
  const seedMs = await withClient(ERRAND_DB, seed);
  const largeRows = await rowCounts();
  const large = await runInbound({ ...base, label: 'growth-large', keepDb: true });
  const explain = await explainHotQueries(ERRAND_DB);
  const result = { machine: machine(), options: base, small: { rows: smallRows, result: small }, seedMs, large: { rows: largeRows, result: large }, explain };
  const file = writeResult('growth', result);
  console.log(`rows before: ${JSON.stringify(smallRows)}\nrows after: ${JSON.stringify(largeRows)}\n`);
  console.log(SUMMARY_HEADER);
  console.log(summary(small));
  console.log(summary(large));
  console.log(`\n${explain.map((e) => `### ${e.name}\n${e.sql}\n${e.plan}`).join('\n\n')}\n→ ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
