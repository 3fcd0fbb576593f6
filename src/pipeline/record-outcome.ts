import { performance } from 'node:perf_hooks';
import type { Sql } from '../db/sql.js';
import { enqueueOutboundSql } from '../outbox/enqueue.js';
import type { ConversationState } from '../entities/index.js';
import type { UnderstandingPath } from '../entities/agent-log.entity.js';
import { errorSummary } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import type { ToolReport, Understanding } from '../understanding/types.js';
import type { Outcome, ToolRun } from './run-understanding.js';
import type { InboundMessage } from './types.js';

/** One inbound message being answered: what every recording step needs to know. */
export interface Turn {
  userId: number;
  conversationId: string;
  inboundId: string;
  message: InboundMessage;
  /** performance.now() when the message arrived in the pipeline. */
  started: number;
  logger: Logger;
}

export type RecordedOutcome = Outcome & { toolOutput?: unknown; toolName?: string };

export interface RecordDeps {
  clock: Clock;
  understander: { path: UnderstandingPath };
}

/** What is written for a message, gathered into one statement (one round trip, no entity work). */
class Writes {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  private readonly messages: MessageRow[] = [];

  constructor(private readonly turn: Turn) {}

  p(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast}`;
  }

  /** A jsonb placeholder: the value as JSON text (SQL NULL for null/undefined). */
  json(value: unknown): string {
    return this.p(value === null || value === undefined ? null : JSON.stringify(value), '::jsonb');
  }

  add(statement: string): void {
    this.parts.push(statement);
  }

  /** Rows of conversation_messages answering the turn; written by one insert, so ids follow this order. */
  message(row: MessageRow): void {
    this.messages.push(row);
  }

  async run(sql: Sql): Promise<void> {
    if (this.messages.length) this.parts.unshift(this.insertMessages());
    if (!this.parts.length) return;
    const ctes = this.parts.map((part, i) => `w${i} as (${part})`).join(',\n');
    await sql(`with ${ctes}\nselect 1`, this.params);
  }

  private insertMessages(): string {
    const { turn } = this;
    const conversation = this.p(turn.conversationId);
    const user = this.p(turn.userId);
    const channel = this.p(turn.message.channel);
    const inReplyTo = this.p(turn.inboundId, '::bigint');
    const at = this.p(turn.message.receivedAt, '::timestamptz');
    const values = this.messages.map(
      (r) => `(${conversation}, ${user}, ${channel}, ${this.p(r.role)}, ${this.p(r.content)}, ${this.p(r.messageType)}, ${this.p(r.toolName ?? null)}, ${this.p(r.toolSuccess ?? null, '::boolean')}, ${inReplyTo}, ${at}, ${this.json(r.metadata)})`,
    );
    return `insert into conversation_messages (conversation_id, user_id, channel, role, content, message_type, tool_name, tool_success, in_reply_to, timestamp, metadata)
      values ${values.join(', ')}`;
  }
}

interface MessageRow {
  role: 'tool' | 'assistant';
  content: string;
  messageType: string;
  toolName?: string;
  toolSuccess?: boolean;
  metadata?: Record<string, unknown> | null;
}

function insertAgentLog(w: Writes, deps: RecordDeps, turn: Turn, fields: { reply: string; toolCalled?: string | null; toolOutput?: unknown; understanding?: Understanding; error?: string }): void {
  w.add(`insert into agent_logs (user_id, conversation_id, message_id, user_input, agent_response, tool_called, tool_output, memory_used, understanding, latency_ms, error, timestamp)
    values (${w.p(turn.userId)}, ${w.p(turn.conversationId)}, ${w.p(turn.inboundId, '::bigint')}, ${w.p(turn.message.text)}, ${w.p(fields.reply)}, ${w.p(fields.toolCalled ?? null)},
            ${w.json(fields.toolOutput)}, ${w.json(fields.understanding?.trace)}, ${w.p(pathOf(deps, fields.understanding))},
            ${w.p(Math.round(performance.now() - turn.started))}, ${w.p(fields.error ?? null)}, ${w.p(deps.clock.now(), '::timestamptz')})`);
}

/** The tool rows and the conversation state they change; written in the transaction that ran the tools. */
function addToolRuns(w: Writes, turn: Turn, conversation: ConversationState, outcome: Outcome): void {
  for (const run of outcome.runs) {
    w.message({ role: 'tool', content: JSON.stringify({ args: run.args, result: run.result }), messageType: 'tool_result', toolName: run.tool, toolSuccess: run.ok });
  }
  const sets: string[] = [];
  if (outcome.runs.length) {
    const lastToolResult = outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, data: 'data' in r.result ? r.result.data : undefined }));
    const areas = [...new Set([...outcome.runs.map((r) => r.tool.split('.')[0] ?? r.tool), ...conversation.focusAreas])].slice(0, 5);
    sets.push(`last_tool_result = ${w.json(lastToolResult)}`, `focus_areas = ${w.json(areas)}`);
  }
  if (outcome.pending !== undefined) sets.push(`pending = ${w.json(outcome.pending)}`);
  if (sets.length) w.add(`update conversation_states set ${sets.join(', ')} where conversation_id = ${w.p(turn.conversationId)}`);
}

/** The assistant message and the agent_logs row. */
function addReply(w: Writes, deps: RecordDeps, turn: Turn, outcome: RecordedOutcome, understanding?: Understanding): void {
  const route = turn.message.replyRoute;
  const metadata = outcome.reply ? (route?.describe?.(outcome.reply) ?? null) : null;
  w.message({ role: 'assistant', content: outcome.reply, messageType: 'text', metadata });
  insertAgentLog(w, deps, turn, {
    reply: outcome.reply,
    toolCalled: outcome.toolName ?? (outcome.runs.map((r) => r.tool).join(',') || null),
    toolOutput: outcome.toolOutput ?? (outcome.runs.length ? outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, args: r.args, result: r.result })) : null),
    understanding,
  });
}

/**
 * Everything the processing transaction writes after the tools ran, in one statement: tool rows, conversation
 * state and, unless the reply is still to be worded (`final` false), the reply, agent log and owed outbox row.
 */
export async function recordOutcome(sql: Sql, deps: RecordDeps, turn: Turn, conversation: ConversationState, outcome: RecordedOutcome, final: boolean, understanding?: Understanding): Promise<void> {
  const w = new Writes(turn);
  addToolRuns(w, turn, conversation, outcome);
  if (final) addReply(w, deps, turn, outcome, understanding);
  await w.run(sql);
  if (final) await enqueueOwedReply(sql, turn, outcome.reply);
}

/** A reply worded after the processing transaction: recorded (and enqueued when owed) in a short one. */
export async function recordReply(sql: Sql, deps: RecordDeps, turn: Turn, outcome: RecordedOutcome, understanding?: Understanding): Promise<void> {
  const w = new Writes(turn);
  addReply(w, deps, turn, outcome, understanding);
  await w.run(sql);
  await enqueueOwedReply(sql, turn, outcome.reply);
}

/** Once the webhook was answered without the reply, the reply goes to the outbox in the transaction that records it. */
async function enqueueOwedReply(sql: Sql, turn: Turn, reply: string): Promise<void> {
  const route = turn.message.replyRoute;
  if (!reply || !route?.acknowledged()) return;
  await enqueueOutboundSql(sql, {
    userId: turn.userId,
    body: reply,
    kind: 'reply',
    channel: route.channel,
    recipient: route.recipient,
    sourceType: 'reply',
    sourceId: turn.inboundId,
    occurrenceAt: route.occurrenceAt,
    notBefore: turn.message.receivedAt,
  });
}

/** A crash: the inbound message is marked failed and answered with an apology, in a transaction of its own. */
export async function markFailed(sql: Sql, deps: RecordDeps, turn: Turn, reply: string, err: unknown, understanding?: Understanding): Promise<void> {
  const w = new Writes(turn);
  const error = errorSummary(err);
  w.add(`update conversation_messages set status = 'failed', metadata = ${w.json({ ...(turn.message.metadata ?? {}), error })} where id = ${w.p(turn.inboundId, '::bigint')}`);
  w.message({ role: 'assistant', content: reply, messageType: 'error' });
  insertAgentLog(w, deps, turn, { reply, understanding, error });
  await w.run(sql);
}

export function toolReports(runs: ToolRun[]): ToolReport[] {
  return runs.map((r) => ({ tool: r.tool, ok: r.ok, reply: r.result.reply, ...('error' in r.result ? { error: r.result.error } : {}) }));
}

/** Which path answered: the trace knows when an LLM is configured; no understanding at all is deterministic. */
function pathOf(deps: RecordDeps, understanding?: Understanding): UnderstandingPath {
  if (!understanding) return 'rules';
  return understanding.trace?.path ?? deps.understander.path;
}
