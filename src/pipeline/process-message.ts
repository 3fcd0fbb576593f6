import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf } from '../db/sql.js';
import { ConversationMessage, ConversationState, User } from '../entities/index.js';
import type { Tool, ToolModule } from '../tools/types.js';
import type { Understanding } from '../understanding/types.js';
import { enqueueOwedReply, recordReply, recordToolRuns, toolReports, type RecordDeps, type RecordedOutcome, type Turn } from './record-outcome.js';
import { EMPTY_MESSAGE_REPLY } from './replies.js';
import { runUnderstanding } from './run-understanding.js';
import type { Interceptor } from './types.js';

export interface ProcessDeps extends RecordDeps {
  modules: ToolModule[];
  tools: Map<string, Tool<any>>;
  defaultCurrency: string;
}

export class AlreadyAnswered extends Error {
  constructor(inboundId: string) {
    super(`message ${inboundId} was already answered`);
    this.name = 'AlreadyAnswered';
  }
}

export type Processed = RecordedOutcome & {
  /** Set when the reply still has to be worded (outside this transaction) and recorded afterwards. */
  word?: () => Promise<string>;
};

/**
 * The message's one transaction: run the interceptor or the tools, record them, mark the message processed.
 * When nothing is left to word, the reply and agent log are written here too; otherwise the caller words
 * the reply with no transaction open and records it with recordReply in a short transaction of its own.
 */
export async function processMessage(
  em: EntityManager,
  deps: ProcessDeps,
  turn: Turn,
  interceptor: Interceptor | undefined,
  understanding: Understanding | undefined,
): Promise<Processed> {
  return em.fork().transactional(async (tx) => {
    const { user, conversation } = await lockUserAndConversation(tx, turn);
    // Only a message still 'received' may be answered: a recovered message and a live one never both run tools.
    await claimInbound(tx, turn.inboundId);
    let outcome: RecordedOutcome;
    if (interceptor) {
      const inbound = tx.getReference(ConversationMessage, turn.inboundId);
      const result = await interceptor.run({ em: tx, user, conversation, inbound, message: turn.message, logger: turn.logger });
      outcome = { reply: result.reply ?? '', runs: [], pending: undefined, toolOutput: result.toolOutput, toolName: interceptor.name };
    } else if (!understanding) {
      outcome = { reply: EMPTY_MESSAGE_REPLY, runs: [], pending: undefined };
    } else {
      const ctx = {
        sql: await sqlOf(tx),
        em: tx,
        user,
        conversation,
        now: turn.message.receivedAt,
        timezone: user.timezone,
        defaultCurrency: user.preferences.currency ?? deps.defaultCurrency,
        logger: turn.logger,
      };
      outcome = await runUnderstanding(understanding, ctx, deps.tools, deps.modules);
    }
    recordToolRuns(tx, turn, conversation, outcome);
    const word = understanding?.word;
    if (!word || !outcome.runs.length) {
      recordReply(tx, deps, turn, outcome, understanding);
      await enqueueOwedReply(tx, turn, outcome.reply);
    }
    if (!word || !outcome.runs.length) return outcome;
    const reports = toolReports(outcome.runs);
    return { ...outcome, word: () => word(reports, outcome.reply) };
  });
}

/**
 * One round trip: the user's row lock (taken first, as recordInbound does, so one user's messages queue
 * instead of deadlocking) and the conversation, both as managed entities of this transaction.
 */
async function lockUserAndConversation(tx: EntityManager, turn: Turn): Promise<{ user: User; conversation: ConversationState }> {
  const rows: { user: Record<string, unknown>; conversation: Record<string, unknown> }[] = await tx.getConnection().execute(
    `select row_to_json(u) as user, row_to_json(c) as conversation
       from users u join conversation_states c on c.conversation_id = ? and c.user_id = u.id
      where u.id = ? for update of u`,
    [turn.conversationId, turn.userId],
    'all',
    tx.getTransactionContext(),
  );
  if (!rows[0]) throw new Error(`conversation ${turn.conversationId} of user ${turn.userId} is gone`);
  return { user: tx.map(User, rows[0].user), conversation: tx.map(ConversationState, rows[0].conversation) };
}

/** Marks the inbound message processed (committed with everything it caused) or fails when it already was. */
async function claimInbound(tx: EntityManager, inboundId: string): Promise<void> {
  const result: { affectedRows: number } = await tx.getConnection().execute(
    `update conversation_messages set status = 'processed' where id = ? and status = 'received'`,
    [inboundId],
    'run',
    tx.getTransactionContext(),
  );
  if (!result.affectedRows) throw new AlreadyAnswered(inboundId);
}
