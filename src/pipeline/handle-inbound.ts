import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import { AgentLog, ConversationMessage, ConversationState, User } from '../entities/index.js';
import { errorSummary, InvalidPhoneError, replyForError } from '../errors.js';
import { describeText, maskPhone, type Logger } from '../logger.js';
import { toE164 } from '../phone.js';
import type { Clock } from '../time.js';
import { toolsByName } from '../tools/index.js';
import type { ToolModule } from '../tools/types.js';
import type { Understander, Understanding } from '../understanding/types.js';
import { recordInbound, type RecordSettings } from './record-inbound.js';
import { EMPTY_MESSAGE_REPLY } from './replies.js';
import { runUnderstanding, type Outcome } from './run-understanding.js';
import type { InboundMessage, InboundResult, Interceptor } from './types.js';
import { activePending } from './pending.js';

export interface PipelineDeps {
  orm: MikroORM;
  understander: Understander;
  modules: ToolModule[];
  clock: Clock;
  logger: Logger;
  settings: RecordSettings & { defaultCurrency: string };
  interceptors?: Interceptor[];
}

export type HandleInbound = (message: InboundMessage) => Promise<InboundResult>;

/** The flow of one message: store it, understand it, run tools, record everything, reply. */
export function createInboundHandler(deps: PipelineDeps): HandleInbound {
  const tools = toolsByName(deps.modules);
  const interceptors = deps.interceptors ?? [];

  return async function handleInbound(message) {
    const phone = toE164(message.phone);
    if (!phone) throw new InvalidPhoneError(message.phone);
    const logger = deps.logger.child({ channel: message.channel, from: maskPhone(phone), pmid: message.providerMessageId });
    const started = performance.now();
    const em = deps.orm.em.fork();

    const recorded = await recordInbound(em, message, phone, deps.settings);
    if (recorded.kind === 'duplicate') return replayDuplicate(em, recorded.existing, logger);

    const { user, conversation, inbound } = recorded;
    logger.info('message received', { messageId: inbound.id, text: describeText(message.text) });
    logger.debug('message text', { text: message.text });

    let understanding: Understanding | undefined;
    try {
      const interceptor = await findInterceptor(interceptors, message, user);
      if (!interceptor && message.text.trim()) {
        understanding = await deps.understander.understand(message.text, {
          now: message.receivedAt,
          timezone: user.timezone,
          defaultCurrency: user.preferences.currency ?? deps.settings.defaultCurrency,
          pending: activePending(conversation.pending, message.receivedAt),
          lastToolResult: conversation.lastToolResult,
        });
      }
      const fresh = em.fork();
      const reply = await fresh.transactional(async (tx) => {
        // Lock order matches recordInbound (user row first), so concurrent messages of one user queue instead of deadlocking.
        const ctxUser = await tx.findOneOrFail(User, user.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const ctxConversation = await tx.findOneOrFail(ConversationState, conversation.conversationId);
        const ctxInbound = tx.getReference(ConversationMessage, inbound.id);
        let outcome: Outcome & { toolOutput?: unknown; toolName?: string };
        if (interceptor) {
          const result = await interceptor.run({ em: tx, user: ctxUser, conversation: ctxConversation, inbound: ctxInbound, message, logger });
          outcome = { reply: result.reply ?? '', runs: [], pending: undefined, toolOutput: result.toolOutput, toolName: interceptor.name };
        } else if (!understanding) {
          outcome = { reply: EMPTY_MESSAGE_REPLY, runs: [], pending: undefined };
        } else {
          outcome = await runUnderstanding(understanding, {
            em: tx,
            user: ctxUser,
            conversation: ctxConversation,
            now: message.receivedAt,
            timezone: ctxUser.timezone,
            defaultCurrency: ctxUser.preferences.currency ?? deps.settings.defaultCurrency,
            logger,
          }, tools, deps.modules);
        }
        recordOutcome(tx, { user: ctxUser, conversation: ctxConversation, inboundId: inbound.id, message, outcome, understanding });
        tx.create(AgentLog, {
          user: ctxUser,
          conversationId: ctxConversation.conversationId,
          messageId: inbound.id,
          userInput: message.text,
          agentResponse: outcome.reply,
          toolCalled: outcome.toolName ?? (outcome.runs.map((r) => r.tool).join(',') || null),
          toolOutput: outcome.toolOutput ?? (outcome.runs.length ? outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, args: r.args, result: r.result })) : null),
          understanding: deps.understander.path,
          latencyMs: Math.round(performance.now() - started),
          timestamp: deps.clock.now(),
        });
        await tx.nativeUpdate(ConversationMessage, { id: inbound.id }, { status: 'processed' });
        return outcome.reply;
      });
      logger.info('message answered', { messageId: inbound.id, understanding: understanding?.kind ?? 'intercepted', ms: Math.round(performance.now() - started) });
      return { outcome: 'replied', reply: reply || null, messageId: inbound.id, userId: user.id };
    } catch (err) {
      logger.error('message failed', { messageId: inbound.id, error: errorSummary(err), stack: err instanceof Error ? err.stack : undefined });
      const reply = replyForError(err);
      await markFailed(deps, em, { userId: user.id, conversationId: conversation.conversationId, inboundId: inbound.id, message, reply, err, started }).catch((markErr: unknown) =>
        logger.error('could not record the failure', { messageId: inbound.id, error: errorSummary(markErr) }),
      );
      return { outcome: 'failed', reply, messageId: inbound.id, userId: user.id };
    }
  };
}

async function findInterceptor(interceptors: Interceptor[], message: InboundMessage, user: User): Promise<Interceptor | undefined> {
  for (const interceptor of interceptors) if (await interceptor.claims(message, user)) return interceptor;
  return undefined;
}

interface RecordArgs {
  user: User;
  conversation: ConversationState;
  inboundId: string;
  message: InboundMessage;
  outcome: Outcome & { toolName?: string };
  understanding?: Understanding;
}

function recordOutcome(tx: EntityManager, { user, conversation, inboundId, message, outcome }: RecordArgs): void {
  const base = { conversation, user, channel: message.channel, timestamp: message.receivedAt, inReplyTo: inboundId };
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
  tx.create(ConversationMessage, { ...base, role: 'assistant', content: outcome.reply, messageType: 'text' });
  if (outcome.runs.length) {
    conversation.lastToolResult = outcome.runs.map((r) => ({ tool: r.tool, ok: r.ok, data: 'data' in r.result ? r.result.data : undefined }));
    const areas = new Set([...outcome.runs.map((r) => r.tool.split('.')[0] ?? r.tool), ...conversation.focusAreas]);
    conversation.focusAreas = [...areas].slice(0, 5);
  }
  if (outcome.pending !== undefined) conversation.pending = outcome.pending;
}

async function replayDuplicate(em: EntityManager, existing: ConversationMessage, logger: Logger): Promise<InboundResult> {
  const answer = await em.fork().findOne(ConversationMessage, { inReplyTo: existing.id, role: 'assistant' }, { orderBy: { id: 'desc' } });
  logger.info('duplicate delivery', { messageId: existing.id, status: existing.status, answered: Boolean(answer) });
  if (!answer) return { outcome: 'in_progress', reply: null, messageId: existing.id };
  return { outcome: 'duplicate', reply: answer.content || null, messageId: existing.id };
}

interface FailedArgs {
  userId: number;
  conversationId: string;
  inboundId: string;
  message: InboundMessage;
  reply: string;
  err: unknown;
  started: number;
}

async function markFailed(deps: PipelineDeps, em: EntityManager, a: FailedArgs): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const user = tx.getReference(User, a.userId);
    const conversation = tx.getReference(ConversationState, a.conversationId);
    await tx.nativeUpdate(ConversationMessage, { id: a.inboundId }, { status: 'failed', metadata: { ...(a.message.metadata ?? {}), error: errorSummary(a.err) } });
    tx.create(ConversationMessage, {
      conversation, user, channel: a.message.channel, role: 'assistant', content: a.reply, messageType: 'error', timestamp: a.message.receivedAt, inReplyTo: a.inboundId,
    });
    tx.create(AgentLog, {
      user, conversationId: a.conversationId, messageId: a.inboundId, userInput: a.message.text, agentResponse: a.reply,
      understanding: deps.understander.path, latencyMs: Math.round(performance.now() - a.started), error: errorSummary(a.err), timestamp: deps.clock.now(),
    });
  });
}
