import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ConversationMessage, ConversationState, User } from '../entities/index.js';
import type { Tool, ToolContext, ToolModule } from '../tools/types.js';
import type { Understanding } from '../understanding/types.js';
import { recordOutcome, toolReports, type RecordDeps, type RecordedOutcome, type Turn } from './record-outcome.js';
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

/** The user and the conversation as read under the user's lock, managed by the message's transaction. */
export interface Locked {
  user: User;
  conversation: ConversationState;
}

/**
 * For a message recorded in an earlier transaction (the LLM path, a resumed message): the user's and the
 * conversation's row locks (the user's first, as recording takes it, so one user's messages queue instead of
 * deadlocking; the conversation's so its latest version is read), then the message moves received → processed.
 * Only a message still 'received' may be answered: a recovered message and a live one never both run tools.
 */
export async function lockAndClaim(tx: EntityManager, turn: Turn): Promise<Locked> {
  const user = await tx.findOne(User, turn.userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const where = { conversationId: turn.conversationId, user: turn.userId };
  const conversation = user ? await tx.findOne(ConversationState, where, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!user || !conversation) throw new Error(`conversation ${turn.conversationId} of user ${turn.userId} is gone`);
  const claimed = await tx.nativeUpdate(ConversationMessage, { id: turn.inboundId, status: 'received' }, { status: 'processed' });
  if (!claimed) throw new AlreadyAnswered(turn.inboundId);
  return { user, conversation };
}

/**
 * The message's work inside its one transaction (`tx`, a forked manager): the interceptor or the tools, then what
 * they did and (unless the reply is still to be worded) the reply, agent log and owed outbox row.
 */
export async function processMessage(
  tx: EntityManager,
  deps: ProcessDeps,
  turn: Turn,
  { user, conversation }: Locked,
  interceptor: Interceptor | undefined,
  understanding: Understanding | undefined,
): Promise<Processed> {
  let outcome: RecordedOutcome;
  if (interceptor) {
    const inbound = tx.getReference(ConversationMessage, turn.inboundId);
    const result = await interceptor.run({ em: tx, user, conversation, inbound, message: turn.message, logger: turn.logger });
    outcome = { reply: result.reply ?? '', runs: [], pending: undefined, toolOutput: result.toolOutput, toolName: interceptor.name };
  } else if (!understanding) {
    outcome = { reply: EMPTY_MESSAGE_REPLY, runs: [], pending: undefined };
  } else {
    const ctx: ToolContext = {
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
  const word = outcome.runs.length ? understanding?.word : undefined;
  await recordOutcome(tx, deps, turn, conversation, outcome, !word, understanding);
  if (!word) return outcome;
  const reports = toolReports(outcome.runs);
  return { ...outcome, word: () => word(reports, outcome.reply) };
}
