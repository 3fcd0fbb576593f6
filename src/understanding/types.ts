import type { PendingRequest } from '../entities/conversation-state.entity.js';
import type { UnderstandingPath } from '../entities/agent-log.entity.js';

export interface ToolCall {
  tool: string;
  args: unknown;
}

export type Understanding =
  | { kind: 'tools'; calls: ToolCall[] }
  | { kind: 'clarify'; question: string; pending: PendingRequest }
  | { kind: 'help' }
  | { kind: 'reply'; text: string; clearPending?: boolean }
  | { kind: 'unknown' };

export interface UnderstandContext {
  /** When the message arrived; relative dates resolve against it in `timezone`. */
  now: Date;
  timezone: string;
  defaultCurrency: string;
  pending?: PendingRequest | null;
  lastToolResult?: unknown;
}

export interface Understander {
  path: UnderstandingPath;
  understand(text: string, ctx: UnderstandContext): Promise<Understanding>;
}

/** A message after texting-language clean-up; rules match on `text`, keep `raw` for stored wording. */
export interface RuleInput {
  raw: string;
  text: string;
}

/** Tools contribute rules; the first that matches wins, so put specific rules before general ones. */
export interface Rule {
  name: string;
  match(input: RuleInput, ctx: UnderstandContext): Understanding | null;
}
