import { withClient } from './pgstat.js';

export interface Explained {
  name: string;
  sql: string;
  plan: string;
  ms: number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement on the inbound path and of the scheduler's claims, with real
 * parameters of one benchmark sender. Statements that write run inside a transaction that is rolled back.
 */
export async function explainHotQueries(url: string): Promise<Explained[]> {
  return withClient(url, async (c) => {
    const { rows: [u] } = await c.query(`select id, phone_number from users where phone_number = '+15552000001'`);
    const { rows: [conv] } = await c.query(`select conversation_id from conversation_states where user_id = $1 order by updated_at desc limit 1`, [u.id]);
    const { rows: [msg] } = await c.query(`select id, provider_message_id from conversation_messages where user_id = $1 and role = 'user' and conversation_id = $2 order by id desc limit 1`, [u.id, conv.conversation_id]);
    const now = new Date();
    const week = new Date(now.getTime() - 7 * 86_400_000);
    const cases: [string, string, unknown[]][] = [
      ['users upsert (record, tx 1)', `insert into users (phone_number, timezone) values ($1, 'UTC') on conflict (phone_number) do update set phone_number = excluded.phone_number returning *`, [u.phone_number]],
      ['user_channels upsert', `insert into user_channels (active, channel, created_at, external_id, last_seen_at, user_id) values (true, 'sms', $1, $2, $1, $3) on conflict (channel, external_id) do update set user_id = excluded.user_id, active = excluded.active, last_seen_at = excluded.last_seen_at returning id`, [now, u.phone_number, u.id]],
      ['current conversation', `select c0.* from conversation_states as c0 where c0.user_id = $1 and c0.channel = 'sms' order by c0.updated_at desc limit 1`, [u.id]],
      ['insert inbound message', `insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, provider_message_id, status, timestamp) values ($1, $2, 'sms', 'user', 'help', 'text', $3, 'received', $4) returning id`, [conv.conversation_id, u.id, `SMexplain${Date.now()}`, now]],
      ['duplicate lookup by MessageSid', `select * from conversation_messages where channel = 'sms' and provider_message_id = $1 limit 1`, [msg.provider_message_id]],
      ['user row lock (tx 2)', `select u0.* from users as u0 where u0.id = $1 limit 1 for update`, [u.id]],
      ['conversation by id', `select c0.* from conversation_states as c0 where c0.conversation_id = $1 limit 1`, [conv.conversation_id]],
      ['mark processed', `update conversation_messages set status = 'processed' where id = $1 and status = 'received'`, [msg.id]],
      ['insert agent log', `insert into agent_logs (user_id, conversation_id, message_id, user_input, agent_response, understanding, latency_ms, timestamp) values ($1, $2, $3, 'help', 'answer', 'rules', 3, $4)`, [u.id, conv.conversation_id, msg.id, now]],
      ['stored reply of a redelivery', `select * from conversation_messages where in_reply_to = $1 and role = 'assistant' order by id desc limit 1`, [msg.id]],
      ['SMS segment note', `update conversation_messages set metadata = coalesce(metadata, '{}'::jsonb) || '{"sms":{"parts":1}}'::jsonb where in_reply_to = $1 and role = 'assistant'`, [msg.id]],
      ['reply already queued?', `select 1 from outbound_messages where source_type = 'reply' and source_id = $1 limit 1`, [String(msg.id)]],
      ['conversation history (LLM path)', `select id, role, content from conversation_messages where conversation_id = $1 and role in ('user', 'assistant') and message_type <> 'error' and id < $2 order by id desc limit 10`, [conv.conversation_id, msg.id]],
      ['expense totals this week', `select e.currency, c.name as category, sum(e.amount)::text as total, count(*)::int as count from expenses e join expense_categories c on c.id = e.category_id where e.user_id = $1 and e.spent_at >= $2 and e.spent_at < $3 group by e.currency, c.name order by e.currency, sum(e.amount) desc, c.name`, [u.id, week, now]],
      ['grocery list (all items of the user, loaded to merge)', `select g0.* from grocery_items as g0 where g0.user_id = $1 order by g0.created_at asc, g0.id asc`, [u.id]],
      ['outbox claim (claimDue)', `update outbound_messages o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = $1, updated_at = $2 from users u where u.id = o.user_id and o.id in (select id from outbound_messages where status = 'queued' and next_attempt_at <= $2 order by next_attempt_at limit 200 for update skip locked) returning o.id`, [new Date(now.getTime() + 300_000), now]],
      ['outbox lease recovery', `update outbound_messages set status = 'queued', updated_at = $1 where status = 'sending' and next_attempt_at <= $1 returning id`, [now]],
      ['stranded-message recovery', `select m.id::text as id, m.user_id, m.channel, u.phone_number from conversation_messages m join users u on u.id = m.user_id where m.status = 'received' and m.timestamp < $1 order by m.timestamp limit 50`, [new Date(now.getTime() - 120_000)]],
    ];
    if ((await c.query(`select to_regclass('reminders') as t`)).rows[0].t) {
      cases.push(['due-reminder claim', `select id, user_id, text, due_at from reminders where status = 'pending' and due_at <= $1 order by due_at limit 100 for update skip locked`, [now]]);
    }
    const out: Explained[] = [];
    for (const [name, sql, params] of cases) {
      await c.query('begin');
      try {
        const { rows } = await c.query(`explain (analyze, buffers, costs off) ${sql}`, params);
        const plan = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
        const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN);
        out.push({ name, sql, plan, ms });
      } finally {
        await c.query('rollback');
      }
    }
    return out;
  });
}
