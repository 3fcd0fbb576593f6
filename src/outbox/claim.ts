import type { Connection } from '@mikro-orm/core';
import type { ChannelId } from '../entities/user-channel.entity.js';
import type { OutboundKind } from '../entities/outbound-message.entity.js';

export interface ClaimedRow {
  id: string;
  user_id: number;
  phone_number: string;
  opted_out: boolean;
  channel: ChannelId | null;
  recipient: string | null;
  body: string;
  kind: OutboundKind;
  /** Raw driver value (the ORM's connection returns timestamptz as text). */
  occurrence_at: Date | string | null;
  attempts: number;
  /** The user's active channels, most recently used first (read in the claim: no query per row). */
  targets: { channel: ChannelId; external_id: string }[];
}

type Sql = Pick<Connection, 'execute'>;

const RETURNING = `returning o.id::text as id, o.user_id, u.phone_number, u.opted_out, o.channel, o.recipient, o.body, o.kind, o.occurrence_at, o.attempts,
  (select coalesce(json_agg(json_build_object('channel', c.channel, 'external_id', c.external_id) order by c.last_seen_at desc), '[]')
     from user_channels c where c.user_id = o.user_id and c.active) as targets`;

/**
 * One statement claims a batch: SKIP LOCKED lets several workers claim side by side without waiting
 * on or double-taking each other's rows; the lease (next_attempt_at) bounds how long a crashed worker holds them.
 */
export function claimDue(sql: Sql, now: Date, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
  return sql.execute(
    `update outbound_messages o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ?, updated_at = ?
       from users u
      where u.id = o.user_id and o.id in (
        select id from outbound_messages where status = 'queued' and next_attempt_at <= ?
         order by next_attempt_at limit ? for update skip locked)
     ${RETURNING}`,
    [new Date(now.getTime() + leaseMs), now, now, limit],
  );
}

export async function claimOne(sql: Sql, id: string, now: Date, leaseMs: number): Promise<ClaimedRow | undefined> {
  const rows: ClaimedRow[] = await sql.execute(
    `update outbound_messages o set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ?, updated_at = ?
       from users u
      where u.id = o.user_id and o.id = ? and o.status = 'queued'
     ${RETURNING}`,
    [new Date(now.getTime() + leaseMs), now, id],
  );
  return rows[0];
}

/** Rows left 'sending' by a worker that died go back to the queue once their lease is over. */
export async function recoverExpiredLeases(sql: Sql, now: Date): Promise<number> {
  const rows: unknown[] = await sql.execute(
    `update outbound_messages set status = 'queued', updated_at = ? where status = 'sending' and next_attempt_at <= ? returning id`,
    [now, now],
  );
  return rows.length;
}
