import { randomUUID } from 'node:crypto';
import { RECORD_INBOUND_SQL } from '../../src/db/record-inbound.sql.js';
import { withClient } from './pgstat.js';

/** The shape of what recordOutcome writes for a message that ran one tool (src/pipeline/record-outcome.ts builds it). */
const OUTCOME_SQL = `with w0 as (insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, tool_name, tool_success, in_reply_to, timestamp, metadata)
    values ($1, $2, 'sms', 'tool', '{}', 'tool_result', 'grocery.add', true, $3, $4, null), ($1, $2, 'sms', 'assistant', 'Added milk.', 'text', null, null, $3, $4, '{"sms":{"parts":1}}')),
  w1 as (update conversation_states set last_tool_result = '[]', focus_areas = '["grocery"]' where conversation_id = $1),
  w2 as (insert into agent_logs (user_id, conversation_id, message_id, user_input, agent_response, tool_called, understanding, latency_ms, timestamp) values ($2, $1, $3, 'add milk', 'Added milk.', 'grocery.add', 'rules', 3, $4))
select 1`;

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
      ['record inbound: user, channel, conversation, message (one statement)', numbered(RECORD_INBOUND_SQL), [u.phone_number, 'UTC', 'sms', null, now, new Date(now.getTime() - 360 * 60_000), randomUUID(), 'help', 'text', `SMexplain${Date.now()}`, null, 'processed']],
      ['duplicate lookup by MessageSid', `select id::text as id from conversation_messages where channel = 'sms' and provider_message_id = $1`, [msg.provider_message_id]],
      ['lock the user (LLM path)', `select id from users where id = $1 for update`, [u.id]],
      ['lock the conversation (LLM path)', `select * from conversation_states where conversation_id = $1 and user_id = $2 for update`, [conv.conversation_id, u.id]],
      ['claim the message (LLM path)', `update conversation_messages set status = 'processed' where id = $1 and status = 'received'`, [msg.id]],
      ['outcome: tool + assistant messages, conversation, agent log (one statement)', OUTCOME_SQL, [conv.conversation_id, u.id, msg.id, now]],
      ['stored reply of a redelivery', `select * from conversation_messages where in_reply_to = $1 and role = 'assistant' order by id desc limit 1`, [msg.id]],
      ['reply already queued?', `select 1 from outbound_messages where source_type = 'reply' and source_id = $1 limit 1`, [String(msg.id)]],
      ['conversation history (LLM path)', `select id, role, content from conversation_messages where conversation_id = $1 and role in ('user', 'assistant') and message_type <> 'error' and id < $2 order by id desc limit 10`, [conv.conversation_id, msg.id]],
      ['expense totals this week', `select e.currency, c.name as category, sum(e.amount)::text as total, count(*)::int as count from expenses e join expense_categories c on c.id = e.category_id where e.user_id = $1 and e.spent_at >= $2 and e.spent_at < $3 group by e.currency, c.name order by e.currency, sum(e.amount) desc, c.name`, [u.id, week, now]],
      ['grocery add: open items and checked-off rows with the added names', `select * from grocery_items where user_id = $1 and (not done or name = any($2::text[])) order by created_at, id`, [u.id, ['milk', 'eggs']]],
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

/** `?` placeholders as `$1, $2…` for the bare client. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
