import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from './sql.js';

/** One conversation_messages row answering a turn (tool results, the reply). */
export interface OutcomeMessage {
  role: 'tool' | 'assistant';
  content: string;
  message_type: string;
  tool_name: string | null;
  tool_success: boolean | null;
  metadata: Record<string, unknown> | null;
}

/** The agent_logs row of a turn. */
export interface OutcomeLog {
  user_input: string;
  agent_response: string;
  tool_called: string | null;
  tool_output: unknown;
  memory_used: unknown;
  understanding: string;
  latency_ms: number;
  error: string | null;
  timestamp: Date;
}

export interface Outcome {
  conversationId: string;
  userId: number;
  channel: string;
  inReplyTo: string;
  at: Date;
  messages: OutcomeMessage[];
  /** Set (even to null) only what changes: an absent key keeps the column. */
  conversation: { lastToolResult?: unknown; focusAreas?: string[]; pending?: unknown };
  log: OutcomeLog | null;
}

/**
 * What answering a message writes, in one fixed statement planned once per connection: the tool and reply messages
 * (ids in the given order), the conversation state's changes and the agent log. The ORM would need three statements,
 * each costing it about a millisecond of CPU on the message path (BENCHMARKS.md, "One data layer").
 */
export const RECORD_OUTCOME_SQL = `
with args as (
  select ?::text as conversation_id, ?::int as user_id, ?::text as channel, ?::bigint as in_reply_to, ?::timestamptz as at,
         ?::jsonb as messages, ?::jsonb as changes, ?::jsonb as log
), msgs as (
  insert into conversation_messages
         (conversation_id, user_id, channel, role, content, message_type, tool_name, tool_success, in_reply_to, timestamp, metadata)
  select a.conversation_id, a.user_id, a.channel, m.role, m.content, m.message_type, m.tool_name, m.tool_success, a.in_reply_to, a.at,
         m.metadata
    from args a, rows from (jsonb_to_recordset(a.messages) as (role text, content text, message_type text, tool_name text,
         tool_success boolean, metadata jsonb)) with ordinality as m(role, content, message_type, tool_name, tool_success, metadata, n)
   order by m.n
  returning id
), conv as (
  update conversation_states c
     set last_tool_result = case when a.changes -> 'lastToolResult' is not null then a.changes -> 'lastToolResult' else c.last_tool_result end,
         focus_areas = case when a.changes -> 'focusAreas' is not null then a.changes -> 'focusAreas' else c.focus_areas end,
         pending = case when a.changes -> 'pending' is not null then nullif(a.changes -> 'pending', 'null'::jsonb) else c.pending end
    from args a
   where c.conversation_id = a.conversation_id and a.changes <> '{}'::jsonb
  returning 1
), log as (
  insert into agent_logs (user_id, conversation_id, message_id, user_input, agent_response, tool_called, tool_output, memory_used,
                          understanding, latency_ms, error, timestamp)
  select a.user_id, a.conversation_id, a.in_reply_to, l.user_input, l.agent_response, l.tool_called, l.tool_output, l.memory_used,
         l.understanding, l.latency_ms, l.error, l.timestamp
    from args a, jsonb_to_record(a.log) as l(user_input text, agent_response text, tool_called text, tool_output jsonb,
         memory_used jsonb, understanding text, latency_ms int, error text, timestamp timestamptz)
   where a.log is not null
  returning 1
)
select (select count(*) from msgs)::int as messages, (select count(*) from conv)::int as conversations,
       (select count(*) from log)::int as logs`;

export async function recordOutcomeRows(em: EntityManager, o: Outcome): Promise<{ messages: number; conversations: number; logs: number }> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const [row] = await query<{ messages: number; conversations: number; logs: number }>(em, RECORD_OUTCOME_SQL, [
    o.conversationId, o.userId, o.channel, o.inReplyTo, o.at,
    JSON.stringify(o.messages), JSON.stringify(o.conversation), json(o.log),
  ]);
  return row!;
}
