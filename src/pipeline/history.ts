import type { EntityManager } from '@mikro-orm/postgresql';
import { ConversationMessage } from '../entities/index.js';
import type { HistoryMessage } from '../understanding/types.js';

/**
 * The conversation before one message, oldest first: what the user said and what we answered
 * (tool rows and error apologies left out). Read outside any transaction, only when an understander asks.
 */
export function historyLoader(em: EntityManager, conversationId: string, beforeMessageId: string): (limit: number) => Promise<HistoryMessage[]> {
  return async (limit) => {
    const rows = await em.fork().find(
      ConversationMessage,
      { conversation: conversationId, role: { $in: ['user', 'assistant'] }, messageType: { $ne: 'error' }, id: { $lt: beforeMessageId } },
      { orderBy: { id: 'desc' }, limit, fields: ['id', 'role', 'content'] },
    );
    return rows.reverse().map((m) => ({ id: m.id, role: m.role as HistoryMessage['role'], content: m.content }));
  };
}
