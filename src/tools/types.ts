import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { ConversationState, PendingRequest } from '../entities/conversation-state.entity.js';
import type { User } from '../entities/user.entity.js';
import type { Logger } from '../logger.js';
import type { Rule, RuleInput, UnderstandContext, Understanding } from '../understanding/types.js';
import type { Job } from '../scheduler/types.js';

/** What one tool call may use: the message's transaction, its user and the instant it arrived. */
export interface ToolContext {
  /** The ORM in the same transaction: the message's one forked EntityManager. */
  em: EntityManager;
  /** The user and conversation as read under the user's lock, managed by `em`. */
  user: User;
  conversation: ConversationState;
  /** The message's receivedAt: every relative date is resolved against it, in `timezone`. */
  now: Date;
  timezone: string;
  defaultCurrency: string;
  logger: Logger;
}

export interface ToolResult {
  ok: boolean;
  /** Short, channel-neutral text; replies that store something echo what was stored. */
  reply: string;
  data?: unknown;
  /** Set when the tool needs one more detail (or a yes/no) before it can act. */
  pending?: PendingRequest;
  /** A resolver that picked the row and let its family's tool act: the run is recorded as that tool's call. */
  handedTo?: { tool: string; args: unknown };
}

export interface Tool<A = unknown> {
  name: string;
  description: string;
  schema: z.ZodType<A>;
  execute(args: A, ctx: ToolContext): Promise<ToolResult>;
}

/** One folder under src/tools: its tools, its entities and (optionally) its scheduled jobs. */
export interface ToolModule {
  name: string;
  tools: Tool<any>[];
  entities?: Function[];
  rules?: Rule[];
  /**
   * Continues a pending request of one of this module's tools with the user's next message
   * ("remind me to call mum" → "when?" → "tomorrow 10am"); null when the message is about something else.
   */
  resume?(pending: PendingRequest, input: RuleInput, ctx: UnderstandContext): Understanding | null;
  /** Where this module's example appears in HELP (lower first; default 50). Independent of rule precedence. */
  helpOrder?: number;
  /** One example per tool module for the help text. */
  examples?: string[];
  /** Scheduled work (due reminders, event alerts, agendas), run by the scheduler on every tick. */
  jobs?: Job[];
  /** This module's rows in `cli dump`. */
  dump?: DumpSection;
}

/**
 * One key of `cli dump` ("reminders"): the rows of many users read in one statement, so a dump of thousands of
 * users costs a few statements per batch rather than a few per user.
 */
export interface DumpSection {
  key: string;
  /** Each given user's rows (users without any may be absent), as plain JSON with their ids; instants as ISO UTC strings. */
  rows(em: EntityManager, userIds: readonly number[]): Promise<Map<number, unknown[]>>;
}

export function defineTool<A>(tool: Tool<A>): Tool<A> {
  return tool;
}
