import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../entities/user-channel.entity.js';
import type { OutboundKind } from '../entities/outbound-message.entity.js';

export interface OutboundRequest {
  userId: number;
  body: string;
  kind: OutboundKind;
  /** Leave unset to send through the user's most recently used active channel. */
  channel?: ChannelId;
  recipient?: string;
  /** What caused it ('reminder', 'event', 'message'…) with its id and occurrence: enqueued at most once. */
  sourceType?: string;
  sourceId?: string;
  occurrenceAt?: Date;
  notBefore?: Date;
}

/**
 * Adds a message to the outbox inside the caller's transaction. Returns the new row id,
 * or null when the same (source_type, source_id, occurrence_at) was already enqueued.
 */
export async function enqueueOutbound(em: EntityManager, req: OutboundRequest): Promise<string | null> {
  const rows: { id: string }[] = await em.getConnection().execute(
    `insert into outbound_messages (user_id, channel, recipient, body, kind, source_type, source_id, occurrence_at, next_attempt_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict do nothing
     returning id::text as id`,
    [
      req.userId,
      req.channel ?? null,
      req.recipient ?? null,
      req.body,
      req.kind,
      req.sourceType ?? null,
      req.sourceId ?? null,
      req.occurrenceAt ?? null,
      req.notBefore ?? new Date(),
    ],
    'all',
    em.getTransactionContext(),
  );
  return rows[0]?.id ?? null;
}
