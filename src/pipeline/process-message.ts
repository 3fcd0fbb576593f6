import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, sqlTransaction, type Sql } from '../db/sql.js';
import { ConversationMessage, ConversationState, User } from '../entities/index.js';
import type { Tool, ToolModule } from '../tools/types.js';
import type { Understanding } from '../understanding/types.js';
import { recordOutcome, toolReports, type RecordDeps, type RecordedOutcome, type Turn } from './record-outcome.js';
import { EMPTY_MESSAGE_REPLY } from './replies.js';
import { conversationFromJson, userFromJson, type ConversationJson, type UserJson } from './rows.js';
import { runUnderstanding, withoutEntityManager } from './run-understanding.js';
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
 * The message's one transaction: claim the message, run the interceptor or the tools, record what they did
 * and (unless the reply is still to be worded) the reply. When every tool call is `sqlOnly` — the common
 * case — it runs on a bare pooled connection; otherwise in an ORM transaction that the tools share.
 */
export async function processMessage(em: EntityManager, deps: ProcessDeps, turn: Turn, interceptor: Interceptor | undefined, understanding: Understanding | undefined): Promise<Processed> {
  if (runsWithoutOrm(deps, interceptor, understanding)) {
    return sqlTransaction(em, async (sql) => {
      const locked = await lockAndClaim(sql, turn);
      const user = userFromJson(locked.user);
      return process(sql, deps, turn, undefined, understanding, { sql, em: undefined, user, conversation: conversationFromJson(locked.conversation, user) });
    });
  }
  return em.fork().transactional(async (tx) => {
    const sql = await sqlOf(tx);
    const locked = await lockAndClaim(sql, turn);
    const user = tx.map(User, locked.user);
    const context = { sql, em: tx, user, conversation: tx.map(ConversationState, locked.conversation) };
    return process(sql, deps, turn, interceptor, understanding, context);
  });
}

/** What the transaction provides; `em` is undefined on the fast path. */
interface Handles {
  sql: Sql;
  em: EntityManager | undefined;
  user: User;
  conversation: ConversationState;
}

async function process(sql: Sql, deps: ProcessDeps, turn: Turn, interceptor: Interceptor | undefined, understanding: Understanding | undefined, handles: Handles): Promise<Processed> {
  const { user, conversation, em } = handles;
  let outcome: RecordedOutcome;
  if (interceptor) {
    if (!em) throw new Error('interceptors run in an ORM transaction');
    const inbound = em.getReference(ConversationMessage, turn.inboundId);
    const result = await interceptor.run({ em, user, conversation, inbound, message: turn.message, logger: turn.logger });
    outcome = { reply: result.reply ?? '', runs: [], pending: undefined, toolOutput: result.toolOutput, toolName: interceptor.name };
  } else if (!understanding) {
    outcome = { reply: EMPTY_MESSAGE_REPLY, runs: [], pending: undefined };
  } else {
    const ctx = { sql, user, conversation, now: turn.message.receivedAt, timezone: user.timezone, defaultCurrency: user.preferences.currency ?? deps.defaultCurrency, logger: turn.logger };
    const toolContext = em ? { ...ctx, em } : withoutEntityManager(ctx, 'this message runs without an ORM transaction');
    outcome = await runUnderstanding(understanding, toolContext, deps.tools, deps.modules);
  }
  const word = outcome.runs.length ? understanding?.word : undefined;
  await recordOutcome(sql, deps, turn, conversation, outcome, !word, understanding);
  if (!word) return outcome;
  const reports = toolReports(outcome.runs);
  return { ...outcome, word: () => word(reports, outcome.reply) };
}

/**
 * The rules path inside the transaction that recorded the message (recordInbound with status 'processed'): the
 * user's and conversation's rows are already locked by it and no one else can see the message yet.
 */
export function processRecorded(sql: Sql, deps: ProcessDeps, turn: Turn, user: User, conversation: ConversationState, understanding: Understanding | undefined): Promise<Processed> {
  return process(sql, deps, turn, undefined, understanding, { sql, em: undefined, user, conversation });
}

/** No interceptor and no tool call that needs the ORM: the message can skip the entity layer entirely. */
export function runsWithoutOrm(deps: ProcessDeps, interceptor: Interceptor | undefined, understanding: Understanding | undefined): boolean {
  if (interceptor) return false;
  if (understanding?.kind !== 'tools') return true;
  return understanding.calls.every((call) => {
    const tool = deps.tools.get(call.tool);
    return !tool || tool.sqlOnly === true; // an unknown tool only gets an error reply
  });
}

/**
 * One round trip: the user's and the conversation's row locks (the user's first, as recordInbound takes it, so
 * one user's messages queue instead of deadlocking; the conversation's so its latest version is read), then the
 * inbound message moves received → processed. Only a message still 'received' may be answered: a recovered
 * message and a live one never both run tools.
 */
async function lockAndClaim(sql: Sql, turn: Turn): Promise<{ user: UserJson; conversation: ConversationJson }> {
  const [row] = await sql<{ user: UserJson; conversation: ConversationJson; claimed: number }>(LOCK_AND_CLAIM_SQL, [turn.userId, turn.conversationId, turn.inboundId]);
  if (!row) throw new Error(`conversation ${turn.conversationId} of user ${turn.userId} is gone`);
  if (!row.claimed) throw new AlreadyAnswered(turn.inboundId);
  return row;
}

/** $1 user id, $2 conversation id, $3 inbound message id. */
export const LOCK_AND_CLAIM_SQL = `with u as (select * from users where id = $1 for update),
          c as (select * from conversation_states where conversation_id = $2 and user_id = $1 and exists (select 1 from u) for update),
          claimed as (update conversation_messages set status = 'processed' where id = $3 and status = 'received' and exists (select 1 from c) returning id)
     select row_to_json(u) as user, row_to_json(c) as conversation, (select count(*) from claimed)::int as claimed from u, c`;
