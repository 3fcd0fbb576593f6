import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import { ConversationMessage, type User } from '../entities/index.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { errorSummary, InvalidPhoneError, replyForError } from '../errors.js';
import { describeText, maskPhone, type Logger } from '../logger.js';
import { toE164 } from '../phone.js';
import type { Clock } from '../time.js';
import { toolsByName } from '../tools/index.js';
import type { ToolModule } from '../tools/types.js';
import type { UnderstandContext, Understander, Understanding } from '../understanding/types.js';
import { historyLoader } from './history.js';
import { activePending } from './pending.js';
import { AlreadyAnswered, lockAndClaim, processMessage, type Locked, type ProcessDeps, type Processed } from './process-message.js';
import { markFailed, recordReply, type Turn } from './record-outcome.js';
import { recordInbound, storedDelivery, storedReply, type RecordSettings } from './record-inbound.js';
import type { ClaimContext, InboundMessage, InboundResult, Interceptor, ReplyRoute } from './types.js';

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

export interface Pipeline {
  handleInbound: HandleInbound;
  /**
   * Answers a message that was stored but never answered (the process died in between).
   * Null when it is no longer waiting (answered meanwhile, or unknown). With `replyRoute`, the reply is put in the
   * outbox in the transaction that records it.
   */
  resume(inboundId: string, replyRoute?: ReplyRoute): Promise<InboundResult | null>;
}

export function createInboundHandler(deps: PipelineDeps): HandleInbound {
  return createPipeline(deps).handleInbound;
}

/** A redelivery seen inside the rules path's transaction (which it aborted): looked up once that is rolled back. */
class DuplicateDelivery extends Error {}

/** What was decided about a message so far: kept for the failure record when a later step throws. */
interface Decided {
  interceptor?: Interceptor;
  understanding?: Understanding;
}

/**
 * The one route of a message: record it, decide (an interceptor claims it, or it is understood), then one transaction
 * on one forked EntityManager runs the interceptor or the tools and records the outcome. The switch is where the
 * record and the decision happen. With an LLM they come first, each committed or read with no transaction open
 * (a model may take seconds), and the transaction locks and claims the message. On the rules path understanding
 * takes microseconds, so all of it is one transaction (one commit, no claim). A reply the understander words
 * after the tools ran is worded with no transaction open and recorded in a short one.
 */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const interceptors = deps.interceptors ?? [];
  const processDeps: ProcessDeps = {
    clock: deps.clock,
    understander: deps.understander,
    modules: deps.modules,
    tools: toolsByName(deps.modules),
    defaultCurrency: deps.settings.defaultCurrency,
  };
  // Only forks are taken from it: no unit of work is ever kept on the global manager.
  const { em } = deps.orm;
  const atOnce = deps.understander.path === 'rules';

  /**
   * Decides and acts: inside `tx` when the message was recorded in it, else in a transaction that locks and claims it.
   * An interceptor's work may take its time (media, a held message), so a message one claims inside `tx` is handed
   * back as received (null): once `tx` commits, the webhook can acknowledge it while `actDecided` answers it.
   */
  async function act(turn: Turn, state: Locked, tx: EntityManager | undefined, decided: Decided): Promise<Processed | null> {
    const claim = { em: tx ?? em.fork(), inboundId: turn.inboundId };
    decided.interceptor = await findInterceptor(interceptors, turn.message, state.user, claim);
    if (!decided.interceptor && turn.message.text.trim()) {
      decided.understanding = await deps.understander.understand(turn.message.text, understandContext(deps, em, state, turn));
    }
    if (!tx) return actDecided(turn, decided);
    if (!decided.interceptor) return processMessage(tx, processDeps, turn, state, undefined, decided.understanding);
    await tx.nativeUpdate(ConversationMessage, { id: turn.inboundId }, { status: 'received' });
    return null;
  }

  function actDecided(turn: Turn, { interceptor, understanding }: Decided): Promise<Processed> {
    return em.fork().transactional(async (t) => {
      const locked = await lockAndClaim(t, turn);
      return processMessage(t, processDeps, turn, locked, interceptor, understanding);
    });
  }

  /** After the message's transaction: the reply is worded when the understander asks to, and recorded. */
  async function finish(turn: Turn, processed: Processed, decided: Decided): Promise<InboundResult> {
    let reply = processed.reply;
    if (processed.word) {
      reply = await processed.word();
      const final = { ...processed, reply };
      await em.fork().transactional((tx) => recordReply(tx, processDeps, turn, final, decided.understanding));
    }
    return answered(turn, reply, decided);
  }

  /** A message already stored as received: the LLM path after recording it, and a resumed one. */
  async function answer(turn: Turn, state: Locked): Promise<InboundResult> {
    const decided: Decided = {};
    try {
      return await finish(turn, (await act(turn, state, undefined, decided))!, decided);
    } catch (err) {
      if (err instanceof AlreadyAnswered) return { outcome: 'duplicate', reply: null, messageId: turn.inboundId, userId: turn.userId };
      return failed(turn, err, decided.understanding);
    }
  }

  /** Commit the message first, then understand it with no transaction open (a model may take seconds). */
  async function inSteps(message: InboundMessage, phone: string, logger: Logger, started: number): Promise<InboundResult> {
    const recorded = await recordInbound(em.fork(), message, phone, deps.settings);
    if (recorded.kind === 'duplicate') return duplicate(message, logger);
    return answer(received(message, recorded, logger, started), recorded);
  }

  /**
   * The rules path: recorded, decided, acted on and answered in ONE transaction. A crash rolls everything back;
   * the message is then recorded on its own and marked failed, so it is still kept.
   */
  async function inOne(message: InboundMessage, phone: string, logger: Logger, started: number): Promise<InboundResult> {
    const decided: Decided = {};
    let turn: Turn | undefined;
    let processed: Processed | null;
    try {
      processed = await em.fork().transactional(async (tx) => {
        const recorded = await recordInbound(tx, message, phone, deps.settings, 'processed');
        if (recorded.kind === 'duplicate') throw new DuplicateDelivery();
        turn = received(message, recorded, logger, started);
        return act(turn, recorded, tx, decided);
      });
    } catch (err) {
      if (err instanceof DuplicateDelivery) return duplicate(message, logger);
      if (isDatabaseUnavailable(err)) throw err;
      return failedAlone(message, phone, logger, started, err, decided.understanding);
    }
    try {
      return await finish(turn!, processed ?? (await actDecided(turn!, decided)), decided);
    } catch (err) {
      if (err instanceof AlreadyAnswered) return { outcome: 'duplicate', reply: null, messageId: turn!.inboundId, userId: turn!.userId };
      return failed(turn!, err, decided.understanding);
    }
  }

  function answered(turn: Turn, reply: string, { understanding, interceptor }: Decided): InboundResult {
    turn.logger.info('message answered', {
      messageId: turn.inboundId,
      understanding: understanding?.kind ?? interceptor?.name ?? 'empty',
      path: understanding?.trace?.path,
      fallback: understanding?.trace?.fallback,
      ms: Math.round(performance.now() - turn.started),
    });
    return { outcome: 'replied', reply: reply || null, messageId: turn.inboundId, userId: turn.userId };
  }

  async function failed(turn: Turn, err: unknown, understanding: Understanding | undefined): Promise<InboundResult> {
    const { inboundId, logger } = turn;
    logger.error('message failed', { messageId: inboundId, error: err });
    const reply = replyForError(err);
    await em.fork().transactional((tx) => markFailed(tx, processDeps, turn, reply, err, understanding))
      .catch((markErr: unknown) => logger.error('could not record the failure', { messageId: inboundId, error: errorSummary(markErr) }));
    return { outcome: 'failed', reply, messageId: inboundId, userId: turn.userId };
  }

  /** The single transaction rolled back: keep the message anyway, marked failed, and apologise. */
  async function failedAlone(
    message: InboundMessage,
    phone: string,
    logger: Logger,
    started: number,
    err: unknown,
    understanding: Understanding | undefined,
  ): Promise<InboundResult> {
    const recorded = await recordInbound(em.fork(), message, phone, deps.settings);
    if (recorded.kind === 'duplicate') return duplicate(message, logger);
    return failed(received(message, recorded, logger, started), err, understanding);
  }

  function received(message: InboundMessage, recorded: Locked & { inboundId: string }, logger: Logger, started: number): Turn {
    const { user, conversation, inboundId } = recorded;
    logger.info('message received', { messageId: inboundId, text: describeText(message.text) });
    logger.debug('message text', { text: message.text });
    return { userId: user.id, conversationId: conversation.conversationId, inboundId, message, started, logger };
  }

  /** A redelivery: the stored reply is replayed (or the message is still being answered). */
  async function duplicate(message: InboundMessage, logger: Logger): Promise<InboundResult> {
    const fork = em.fork();
    const existing = await storedDelivery(fork, message.channel, message.providerMessageId ?? '');
    if (!existing) throw new Error(`delivery ${message.providerMessageId} collided with a message that cannot be found`);
    const answer = await storedReply(fork, existing.id);
    logger.info('duplicate delivery', { messageId: existing.id, answered: Boolean(answer) });
    if (!answer) return { outcome: 'in_progress', reply: null, messageId: existing.id };
    return { outcome: 'duplicate', reply: answer.content || null, messageId: existing.id };
  }

  return {
    async handleInbound(incoming) {
      // PostgreSQL text cannot hold NUL: drop it here, for every channel, rather than fail the message.
      const message = incoming.text.includes('\u0000') ? { ...incoming, text: incoming.text.replaceAll('\u0000', '') } : incoming;
      const phone = toE164(message.phone);
      if (!phone) throw new InvalidPhoneError(message.phone);
      const logger = deps.logger.child({ channel: message.channel, from: maskPhone(phone), pmid: message.providerMessageId });
      const started = performance.now();
      return atOnce ? inOne(message, phone, logger, started) : inSteps(message, phone, logger, started);
    },

    async resume(inboundId, replyRoute) {
      const inbound = await em.fork().findOne(ConversationMessage, { id: inboundId, role: 'user', status: 'received' }, { populate: ['user', 'conversation'] });
      if (!inbound) return null;
      const user = inbound.user;
      const message: InboundMessage = {
        channel: inbound.channel,
        phone: user.phoneNumber,
        text: inbound.content,
        providerMessageId: inbound.providerMessageId ?? undefined,
        receivedAt: inbound.timestamp,
        messageType: inbound.messageType,
        metadata: inbound.metadata ?? undefined,
        replyRoute,
      };
      const logger = deps.logger.child({ channel: message.channel, from: maskPhone(user.phoneNumber), recovered: true });
      const turn: Turn = { userId: user.id, conversationId: inbound.conversation.conversationId, inboundId, message, started: performance.now(), logger };
      return answer(turn, { user, conversation: inbound.conversation });
    },
  };
}

async function findInterceptor(
  interceptors: Interceptor[],
  message: InboundMessage,
  user: User,
  context: ClaimContext,
): Promise<Interceptor | undefined> {
  for (const interceptor of interceptors) if (await interceptor.claims(message, user, context)) return interceptor;
  return undefined;
}

function understandContext(deps: PipelineDeps, em: EntityManager, { user, conversation }: Locked, turn: Turn): UnderstandContext {
  return {
    now: turn.message.receivedAt,
    timezone: user.timezone,
    defaultCurrency: user.preferences.currency ?? deps.settings.defaultCurrency,
    pending: activePending(conversation.pending, turn.message.receivedAt),
    lastToolResult: conversation.lastToolResult,
    userId: user.id,
    userName: user.name,
    history: historyLoader(em, turn.conversationId, turn.inboundId),
  };
}
