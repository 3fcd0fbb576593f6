import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sqlAutocommit, sqlTransaction, type Sql } from '../db/sql.js';
import { performance } from 'node:perf_hooks';
import { ConversationMessage, type ConversationState, type User } from '../entities/index.js';
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
import { AlreadyAnswered, processMessage, processRecorded, runsWithoutOrm, type ProcessDeps } from './process-message.js';
import { markFailed, recordReply, type Turn } from './record-outcome.js';
import { recordInbound, storedDelivery, type RecordSettings } from './record-inbound.js';
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

/**
 * The flow of one message. Rules only: one transaction records, understands, acts and answers (`atOnce`).
 * With an LLM: commit the message, understand it with no transaction open (a model may take seconds), run
 * tools and record everything in one transaction, word the reply when the understander asks to (again with no
 * transaction open) and record that reply in a short final transaction (`inSteps`).
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
  // Only connections and forks are taken from it: no unit of work is ever kept on the global manager.
  const { em } = deps.orm;
  const autocommit = sqlAutocommit(em);

  /** Understanding and interceptor already decided (the single-transaction path handing over); undefined: decide here. */
  interface Decided {
    interceptor: Interceptor | undefined;
    understanding: Understanding | undefined;
  }

  async function answer(user: User, conversation: ConversationState, turn: Turn, decided?: Decided): Promise<InboundResult> {
    const { message, inboundId } = turn;
    let understanding = decided?.understanding;
    try {
      const claim = { sql: autocommit, inboundId };
      const interceptor = decided ? decided.interceptor : await findInterceptor(interceptors, message, user, claim);
      if (!decided && !interceptor && message.text.trim()) {
        understanding = await deps.understander.understand(message.text, understandContext(deps, em, user, conversation, turn));
      }
      const processed = await processMessage(em, processDeps, turn, interceptor, understanding);
      let reply = processed.reply;
      if (processed.word) {
        reply = await processed.word();
        const final = { ...processed, reply };
        await sqlTransaction(em, (sql) => recordReply(sql, processDeps, turn, final, understanding));
      }
      return answered(turn, reply, understanding, interceptor);
    } catch (err) {
      if (err instanceof AlreadyAnswered) return { outcome: 'duplicate', reply: null, messageId: inboundId, userId: user.id };
      return failed(turn, err, understanding);
    }
  }

  function answered(turn: Turn, reply: string, understanding: Understanding | undefined, interceptor: Interceptor | undefined): InboundResult {
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
    await sqlTransaction(em, (sql) => markFailed(sql, processDeps, turn, reply, err, understanding)).catch((markErr: unknown) =>
      logger.error('could not record the failure', { messageId: inboundId, error: errorSummary(markErr) }),
    );
    return { outcome: 'failed', reply, messageId: inboundId, userId: turn.userId };
  }

  function received(message: InboundMessage, user: User, conversation: ConversationState, inboundId: string, logger: Logger, started: number): Turn {
    logger.info('message received', { messageId: inboundId, text: describeText(message.text) });
    logger.debug('message text', { text: message.text });
    return { userId: user.id, conversationId: conversation.conversationId, inboundId, message, started, logger };
  }

  async function duplicate(message: InboundMessage, logger: Logger): Promise<InboundResult> {
    const existing = await storedDelivery(autocommit, message.channel, message.providerMessageId ?? '');
    if (!existing) throw new Error(`delivery ${message.providerMessageId} collided with a message that cannot be found`);
    return replayDuplicate(autocommit, existing.id, logger);
  }

  /** Commit the message first, then understand it with no transaction open (a model may take seconds). */
  async function inSteps(message: InboundMessage, phone: string, logger: Logger, started: number): Promise<InboundResult> {
    const recorded = await recordInbound(autocommit, message, phone, deps.settings);
    if (recorded.kind === 'duplicate') return duplicate(message, logger);
    const { user, conversation, inboundId } = recorded;
    return answer(user, conversation, received(message, user, conversation, inboundId, logger, started));
  }

  /**
   * The rules path: understanding takes microseconds, so the message is recorded, understood, acted on and
   * answered in ONE transaction (one commit, no claim). A message that needs the ORM (an interceptor, a tool not
   * marked sqlOnly) is committed as received and handed to `answer`. A crash rolls everything back; the message
   * is then recorded on its own and marked failed, so it is still kept.
   */
  async function atOnce(message: InboundMessage, phone: string, logger: Logger, started: number): Promise<InboundResult> {
    let understanding: Understanding | undefined; // kept for the failure record when the transaction throws
    let next: () => Promise<InboundResult>;
    try {
      next = await sqlTransaction(em, async (sql) => {
        const recorded = await recordInbound(sql, message, phone, deps.settings, 'processed');
        if (recorded.kind === 'duplicate') return () => duplicate(message, logger);
        const { user, conversation, inboundId } = recorded;
        const turn = received(message, user, conversation, inboundId, logger, started);
        const interceptor = await findInterceptor(interceptors, message, user, { sql, inboundId });
        if (!interceptor && message.text.trim()) {
          understanding = await deps.understander.understand(message.text, understandContext(deps, em, user, conversation, turn));
        }
        const decided = { interceptor, understanding };
        if (!runsWithoutOrm(processDeps, interceptor, understanding)) {
          await sql(`update conversation_messages set status = 'received' where id = $1`, [inboundId]);
          return () => answer(user, conversation, turn, decided);
        }
        const { reply } = await processRecorded(sql, processDeps, turn, user, conversation, understanding);
        return async () => answered(turn, reply, understanding, undefined);
      });
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw err;
      return failedAlone(message, phone, logger, started, err, understanding);
    }
    // After the commit: a duplicate is looked up, a hand-over answered in the ORM path, an answer logged.
    return next();
  }

  /** The single transaction rolled back: keep the message anyway, marked failed, and apologise. */
  async function failedAlone(message: InboundMessage, phone: string, logger: Logger, started: number, err: unknown, understanding: Understanding | undefined): Promise<InboundResult> {
    const recorded = await recordInbound(autocommit, message, phone, deps.settings);
    if (recorded.kind === 'duplicate') return duplicate(message, logger);
    const { user, conversation, inboundId } = recorded;
    return failed(received(message, user, conversation, inboundId, logger, started), err, understanding);
  }

  return {
    async handleInbound(incoming) {
      // PostgreSQL text cannot hold NUL: drop it here, for every channel, rather than fail the message.
      const message = incoming.text.includes('\u0000') ? { ...incoming, text: incoming.text.replaceAll('\u0000', '') } : incoming;
      const phone = toE164(message.phone);
      if (!phone) throw new InvalidPhoneError(message.phone);
      const logger = deps.logger.child({ channel: message.channel, from: maskPhone(phone), pmid: message.providerMessageId });
      const started = performance.now();
      if (deps.understander.path === 'rules') return atOnce(message, phone, logger, started);
      return inSteps(message, phone, logger, started);
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
      return answer(user, inbound.conversation, turn);
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

function understandContext(deps: PipelineDeps, em: EntityManager, user: User, conversation: ConversationState, turn: Turn): UnderstandContext {
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

async function replayDuplicate(sql: Sql, existingId: string, logger: Logger): Promise<InboundResult> {
  const [answer] = await sql<{ content: string }>(
    `select content from conversation_messages where in_reply_to = $1 and role = 'assistant' order by id desc limit 1`,
    [existingId],
  );
  logger.info('duplicate delivery', { messageId: existingId, answered: Boolean(answer) });
  if (!answer) return { outcome: 'in_progress', reply: null, messageId: existingId };
  return { outcome: 'duplicate', reply: answer.content || null, messageId: existingId };
}
