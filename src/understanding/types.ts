import type { PendingRequest } from '../entities/conversation-state.entity.js';
import type { UnderstandingPath } from '../entities/agent-log.entity.js';

export interface ToolCall {
  tool: string;
  args: unknown;
}

export type Understanding = (
  | { kind: 'tools'; calls: ToolCall[] }
  | { kind: 'clarify'; question: string; pending: PendingRequest }
  | { kind: 'help' }
  | { kind: 'reply'; text: string; clearPending?: boolean; /** A tool's "didn't quite get that" hint, not an answer. */ hint?: true }
  | { kind: 'unknown' }
) & {
  /** How this understanding was reached; set when an LLM is configured. */
  trace?: UnderstandingTrace;
  /**
   * Words the final reply from the tools' results (the LLM's second request). The pipeline calls it after
   * the tools' transaction has committed and before the reply is recorded — never inside a transaction.
   * It never throws: on any failure it returns `toolsReply`, the tools' own replies.
   */
  word?: (runs: ToolReport[], toolsReply: string) => Promise<string>;
};

/** One tool call as an understanding: what most rules return. */
export function toolCall(tool: string, args: unknown): Understanding {
  return { kind: 'tools', calls: [{ tool, args }] };
}

/** A question for one missing detail of a tool call, kept as the conversation's pending request. */
export function clarify(tool: string, args: Record<string, unknown>, missing: string, question: string, now: Date): Understanding {
  return { kind: 'clarify', question, pending: { tool, args, missing, question, createdAt: now.toISOString() } };
}

/** What agent_logs.memory_used records about the path that answered. */
export interface UnderstandingTrace {
  path: UnderstandingPath;
  /** Why the rules answered although an LLM is configured. */
  fallback?: string;
  fallbackDetail?: string;
  /** Why the tools' own replies were sent instead of the model's wording. */
  replyFrom?: 'model' | 'tools';
  replyReason?: string;
  /** Ids of the conversation messages given to the model as context. */
  history?: string[];
  model?: string;
  requests?: number;
  promptTokens?: number;
  completionTokens?: number;
  llmLatencyMs?: number;
}

/** One tool call's outcome as the wording step sees it. */
export interface ToolReport {
  tool: string;
  ok: boolean;
  reply: string;
  error?: string;
}

export interface HistoryMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
}

export interface UnderstandContext {
  /** When the message arrived; relative dates resolve against it in `timezone`. */
  now: Date;
  timezone: string;
  defaultCurrency: string;
  pending?: PendingRequest | null;
  lastToolResult?: unknown;
  /** Who is texting: the LLM path rate-limits per user and greets by name. */
  userId?: number;
  userName?: string | null;
  /** The conversation before this message, oldest first, at most `limit` messages; loaded only when needed. */
  history?: (limit: number) => Promise<HistoryMessage[]>;
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
