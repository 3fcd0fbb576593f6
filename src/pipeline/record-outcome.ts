import type { EntityManager } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import { AgentLog, ConversationMessage, ConversationState, User } from '../entities/index.js';
import type { UnderstandingPath } from '../entities/agent-log.entity.js';
import { errorSummary } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time.js';
import type { ToolReport, Understanding } from '../understanding/types.js';
import type { Outcome, ToolRun } from './run-understanding.js';
import type { InboundMessage } from './types.js';
import { enqueueOutbound } from '../outbox/enqueue.js';

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

/** Tool rows and the conversation state they change; written in the transaction that ran the tools. */
export function recordToolRuns(tx: EntityManager, turn: Turn, conversation: ConversationState, outcome: Outcome): void {
  const base = baseRow(tx, turn);
  for (const run of outcome.runs) {
    tx.create(ConversationMessage, {
      ...base,
      role: 'tool',
      content: JSON.stringify({ args: run.args, result: run.result }),
      messageType: 'tool_result',
      toolName: run.tool,
      toolSuccess: run.ok,
    });
  }
  if (outcome.runs.length) {
    conversation.lastToolResult = outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, data: 'data' in r.result ? r.result.data : undefined }));
    const areas = new Set([...outcome.runs.map((r) => r.tool.split('.')[0] ?? r.tool), ...conversation.focusAreas]);
    conversation.focusAreas = [...areas].slice(0, 5);
  }
  if (outcome.pending !== undefined) conversation.pending = outcome.pending;
}

/** The assistant message and the agent_logs row: the last thing written for a message. */
export function recordReply(tx: EntityManager, deps: RecordDeps, turn: Turn, outcome: RecordedOutcome, understanding?: Understanding): void {
  const metadata = outcome.reply ? (turn.message.replyRoute?.describe?.(outcome.reply) ?? null) : null;
  tx.create(ConversationMessage, { ...baseRow(tx, turn), role: 'assistant', content: outcome.reply, messageType: 'text', metadata });
  tx.create(AgentLog, {
    user: tx.getReference(User, turn.userId),
    conversationId: turn.conversationId,
    messageId: turn.inboundId,
    userInput: turn.message.text,
    agentResponse: outcome.reply,
    toolCalled: outcome.toolName ?? (outcome.runs.map((r) => r.tool).join(',') || null),
    toolOutput: outcome.toolOutput ?? (outcome.runs.length ? outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, args: r.args, result: r.result })) : null),
    memoryUsed: understanding?.trace ?? null,
    understanding: pathOf(deps, understanding),
    latencyMs: Math.round(performance.now() - turn.started),
    timestamp: deps.clock.now(),
  });
}

/** A crash: the inbound message is marked failed and answered with an apology, in a transaction of its own. */
export async function markFailed(em: EntityManager, deps: RecordDeps, turn: Turn, reply: string, err: unknown, understanding?: Understanding): Promise<void> {
  await em.fork().transactional(async (tx) => {
    await tx.nativeUpdate(ConversationMessage, { id: turn.inboundId }, { status: 'failed', metadata: { ...(turn.message.metadata ?? {}), error: errorSummary(err) } });
    tx.create(ConversationMessage, { ...baseRow(tx, turn), role: 'assistant', content: reply, messageType: 'error' });
    tx.create(AgentLog, {
      user: tx.getReference(User, turn.userId),
      conversationId: turn.conversationId,
      messageId: turn.inboundId,
      userInput: turn.message.text,
      agentResponse: reply,
      memoryUsed: understanding?.trace ?? null,
      understanding: pathOf(deps, understanding),
      latencyMs: Math.round(performance.now() - turn.started),
      error: errorSummary(err),
      timestamp: deps.clock.now(),
    });
  });
}

export function toolReports(runs: ToolRun[]): ToolReport[] {
  return runs.map((r) => ({ tool: r.tool, ok: r.ok, reply: r.result.reply, ...('error' in r.result ? { error: r.result.error } : {}) }));
}

/** Which path answered: the trace knows when an LLM is configured; no understanding at all is deterministic. */
function pathOf(deps: RecordDeps, understanding?: Understanding): UnderstandingPath {
  if (!understanding) return 'rules';
  return understanding.trace?.path ?? deps.understander.path;
}

function baseRow(tx: EntityManager, turn: Turn) {
  return {
    conversation: tx.getReference(ConversationState, turn.conversationId),
    user: tx.getReference(User, turn.userId),
    channel: turn.message.channel,
    timestamp: turn.message.receivedAt,
    inReplyTo: turn.inboundId,
  };
}

/** The reply of a message whose webhook was already answered goes to the outbox with the reply itself. */
export async function enqueueOwedReply(tx: EntityManager, turn: Turn, reply: string): Promise<void> {
  const route = turn.message.replyRoute;
  if (!reply || !route?.acknowledged()) return;
  await enqueueOutbound(tx, {
    userId: turn.userId,
    body: reply,
    kind: 'reply',
    channel: route.channel,
    recipient: route.recipient,
    sourceType: 'reply',
    sourceId: turn.inboundId,
    notBefore: turn.message.receivedAt,
  });
}
