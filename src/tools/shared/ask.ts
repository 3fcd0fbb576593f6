import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import type { ToolContext, ToolResult } from '../types.js';

/** A reply that asks for the one missing detail and keeps what is known as the pending request. */
export function askFor(ctx: ToolContext, tool: string, args: Record<string, unknown>, missing: string, question: string, ok = true): ToolResult {
  const pending: PendingRequest = { tool, args, missing, question, createdAt: ctx.now.toISOString() };
  return { ok, reply: question, pending, data: { missing } };
}
