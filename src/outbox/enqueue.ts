import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, type Sql } from '../db/sql.js';
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
  /** From the service's clock (never the wall clock here): when it may first be sent. */
  notBefore: Date;
}

/**
 * Adds a message to the outbox inside the caller's transaction. Returns the new row id,
 * or null when the same (source_type, source_id, occurrence_at) was already enqueued.
 */
export async function enqueueOutbound(em: EntityManager, req: OutboundRequest): Promise<string | null> {
  return enqueueOutboundSql(await sqlOf(em), req);
}

/** enqueueOutbound on a raw connection (the pipeline's fast path). */
export async function enqueueOutboundSql(sql: Sql, req: OutboundRequest): Promise<string | null> {
  const rows = await sql<{ id: string }>(
    `insert into outbound_messages (user_id, channel, recipient, body, kind, source_type, source_id, occurrence_at, next_attempt_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
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
      req.notBefore,
    ],
  );
  return rows[0]?.id ?? null;
}

/** One row of a set-based enqueue (scheduler jobs): always with a source, so a re-run adds nothing twice. */
export interface SourcedOutbound {
  userId: number;
  body: string;
  kind: OutboundKind;
  sourceType: string;
  sourceId: string;
  occurrenceAt: Date | null;
  notBefore: Date;
}

/**
 * Adds many messages in one statement inside the caller's transaction (the channel is chosen at send time);
 * occurrences already enqueued are skipped. Returns how many rows were added.
 */
export async function enqueueOutboundMany(em: EntityManager, rows: SourcedOutbound[]): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(
    rows.map((r) => ({
      user_id: r.userId,
      body: r.body,
      kind: r.kind,
      source_type: r.sourceType,
      source_id: r.sourceId,
      occurrence_at: r.occurrenceAt?.toISOString() ?? null,
      next_attempt_at: r.notBefore.toISOString(),
    })),
  );
  const result: { affectedRows: number } = await em.getConnection().execute(
    `insert into outbound_messages (user_id, body, kind, source_type, source_id, occurrence_at, next_attempt_at)
     select x.user_id, x.body, x.kind, x.source_type, x.source_id, x.occurrence_at, x.next_attempt_at
       from jsonb_to_recordset(?::jsonb) as x(user_id int, body text, kind text, source_type text, source_id text,
                                               occurrence_at timestamptz, next_attempt_at timestamptz)
     on conflict do nothing`,
    [json],
    'run',
    em.getTransactionContext(),
  );
  return result.affectedRows;
}
