import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { toolCall, type RuleInput, type Understanding } from '../../understanding/types.js';
import { yesOrNo } from '../../understanding/yes-no.js';
import type { ToolContext, ToolResult } from '../types.js';

/** What a bulk removal's YES/NO question waits for. */
export const CONFIRM_BULK = 'confirmation';

/**
 * A bulk removal never acts on the first ask: it names what it would remove and keeps those rows' ids as the pending
 * request, so YES removes exactly the rows the person saw (not one added since).
 */
export function askToConfirm(
  ctx: ToolContext, tool: string, ids: number[], question: string, args: Record<string, unknown> = {},
): ToolResult {
  const pending: PendingRequest = { tool, args: { ...args, ids }, missing: CONFIRM_BULK, question, createdAt: ctx.now.toISOString() };
  return { ok: true, reply: question, pending, data: { missing: CONFIRM_BULK } };
}

/** The ids the open question of `tool` named; null when no such question is open (a YES the tool never asked for). */
export function confirmedIds(ctx: ToolContext, tool: string): number[] | null {
  const pending = ctx.conversation.pending;
  if (!pending || pending.tool !== tool || pending.missing !== CONFIRM_BULK) return null;
  const ids = (pending.args as { ids?: unknown }).ids;
  return Array.isArray(ids) && ids.every((id) => typeof id === 'number') ? ids : null;
}

/** YES to the question of `tool` runs it confirmed; NO keeps everything; anything else is a new request. */
export function resumeBulk(pending: PendingRequest, input: RuleInput, tool: string, kept: string): Understanding | null {
  if (pending.tool !== tool || pending.missing !== CONFIRM_BULK) return null;
  const answer = yesOrNo(input.raw);
  if (answer === 'yes') return toolCall(tool, { confirm: true });
  if (answer === 'no') return { kind: 'reply', text: kept, clearPending: true };
  return null;
}

/** "Dentist, Lunch and 3 more": the names a bulk question shows. */
export function nameList(names: string[], max = 8): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
