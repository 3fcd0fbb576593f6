import type { ConversationState } from '../../entities/conversation-state.entity.js';

/** Ids of the last numbered list this conversation showed for `prefix` tools ("cancel 2" refers to it). */
export function lastListed(conversation: ConversationState, prefix: string): number[] | null {
  const results = Array.isArray(conversation.lastToolResult) ? conversation.lastToolResult : [];
  for (const r of results as { tool?: string; data?: { listed?: unknown } }[]) {
    if (r.tool?.startsWith(prefix) && Array.isArray(r.data?.listed)) return r.data.listed as number[];
  }
  return null;
}
