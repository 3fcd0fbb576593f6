import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordOutcomeRows, type Outcome as OutcomeRows, type OutcomeLog } from '../db/record-outcome.sql.js';
import { enqueueOutbound } from '../outbox/enqueue.js';
import { ConversationMessage, type ConversationState } from '../entities/index.js';
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

interface MessageRow {
  role: 'tool' | 'assistant';
  content: string;
  messageType: string;
  toolName?: string;
  toolSuccess?: boolean;
  metadata?: Record<string, unknown> | null;
}

interface LogFields {
  reply: string;
  toolCalled?: string | null;
  toolOutput?: unknown;
  understanding?: Understanding;
  error?: string;
}

function toolRows(outcome: Outcome): MessageRow[] {
  return outcome.runs.map((run) => ({
    role: 'tool' as const,
    content: JSON.stringify({ args: run.args, result: run.result }),
    messageType: 'tool_result',
    toolName: run.tool,
    toolSuccess: run.ok,
  }));
}

/** What the tools change in the conversation state (only the keys that change). */
function conversationChanges(conversation: ConversationState, outcome: Outcome): OutcomeRows['conversation'] {
  const changes: OutcomeRows['conversation'] = {};
  if (outcome.runs.length) {
    changes.lastToolResult = outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, data: 'data' in r.result ? r.result.data : undefined }));
    const tools = outcome.runs.map((r) => r.tool.split('.')[0] ?? r.tool);
    changes.focusAreas = [...new Set([...tools, ...conversation.focusAreas])].slice(0, 5);
  }
  if (outcome.pending !== undefined) changes.pending = outcome.pending;
  return changes;
}

function replyRow(turn: Turn, outcome: RecordedOutcome): MessageRow {
  const route = turn.message.replyRoute;
  const metadata = outcome.reply ? (route?.describe?.(outcome.reply) ?? null) : null;
  return { role: 'assistant', content: outcome.reply, messageType: 'text', metadata };
}

function replyLog(outcome: RecordedOutcome, understanding?: Understanding): LogFields {
  return {
    reply: outcome.reply,
    toolCalled: outcome.toolName ?? (outcome.runs.map((r) => r.tool).join(',') || null),
    toolOutput: outcome.toolOutput ?? (outcome.runs.length ? outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, args: r.args, result: r.result })) : null),
    understanding,
  };
}

/**
 * Everything the processing transaction writes after the tools ran: tool rows, conversation state and, unless the
 * reply is still to be worded (`final` false), the reply, agent log and owed outbox row. One fixed statement on the
 * message path (src/db/record-outcome.sql.ts); the owed outbox row only when the webhook was answered without it.
 */
export async function recordOutcome(
  em: EntityManager,
  deps: RecordDeps,
  turn: Turn,
  conversation: ConversationState,
  outcome: RecordedOutcome,
  final: boolean,
  understanding?: Understanding,
): Promise<void> {
  const rows = toolRows(outcome);
  if (final) rows.push(replyRow(turn, outcome));
  const log = final ? logRow(deps, turn, replyLog(outcome, understanding)) : null;
  await recordOutcomeRows(em, outcomeOf(turn, rows, conversationChanges(conversation, outcome), log));
  if (final) await enqueueOwedReply(em, turn, outcome.reply);
}

/** A reply worded after the processing transaction: recorded (and enqueued when owed) in a short one. */
export async function recordReply(em: EntityManager, deps: RecordDeps, turn: Turn, outcome: RecordedOutcome, understanding?: Understanding): Promise<void> {
  const log = logRow(deps, turn, replyLog(outcome, understanding));
  await recordOutcomeRows(em, outcomeOf(turn, [replyRow(turn, outcome)], {}, log));
  await enqueueOwedReply(em, turn, outcome.reply);
}

function outcomeOf(turn: Turn, rows: MessageRow[], conversation: OutcomeRows['conversation'], log: OutcomeLog | null): OutcomeRows {
  const { conversationId, userId, inboundId, message } = turn;
  const messages = rows.map((r) => ({
    role: r.role,
    content: r.content,
    message_type: r.messageType,
    tool_name: r.toolName ?? null,
    tool_success: r.toolSuccess ?? null,
    metadata: r.metadata ?? null,
  }));
  return { conversationId, userId, channel: message.channel, inReplyTo: inboundId, at: message.receivedAt, messages, conversation, log };
}

function logRow(deps: RecordDeps, turn: Turn, fields: LogFields): OutcomeLog {
  return {
    user_input: turn.message.text,
    agent_response: fields.reply,
    tool_called: fields.toolCalled ?? null,
    tool_output: fields.toolOutput ?? null,
    memory_used: fields.understanding?.trace ?? null,
    understanding: pathOf(deps, fields.understanding),
    latency_ms: Math.round(performance.now() - turn.started),
    error: fields.error ?? null,
    timestamp: deps.clock.now(),
  };
}

/** Once the webhook was answered without the reply, the reply goes to the outbox in the transaction that records it. */
async function enqueueOwedReply(em: EntityManager, turn: Turn, reply: string): Promise<void> {
  const route = turn.message.replyRoute;
  if (!reply || !route?.acknowledged()) return;
  await enqueueOutbound(em, {
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
export async function markFailed(em: EntityManager, deps: RecordDeps, turn: Turn, reply: string, err: unknown, understanding?: Understanding): Promise<void> {
  const error = errorSummary(err);
  const metadata = { ...(turn.message.metadata ?? {}), error };
  await em.nativeUpdate(ConversationMessage, { id: turn.inboundId }, { status: 'failed', metadata });
  const log = logRow(deps, turn, { reply, understanding, error });
  await recordOutcomeRows(em, outcomeOf(turn, [{ role: 'assistant', content: reply, messageType: 'error' }], {}, log));
}

export function toolReports(runs: ToolRun[]): ToolReport[] {
  return runs.map((r) => ({ tool: r.tool, ok: r.ok, reply: r.result.reply, ...('error' in r.result ? { error: r.result.error } : {}) }));
}

/** Which path answered: the trace knows when an LLM is configured; no understanding at all is deterministic. */
function pathOf(deps: RecordDeps, understanding?: Understanding): UnderstandingPath {
  if (!understanding) return 'rules';
  return understanding.trace?.path ?? deps.understander.path;
}
