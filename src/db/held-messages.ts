import type { ChannelId } from '../entities/user-channel.entity.js';
import type { Sql } from './sql.js';

/** Whether the sender has a message held before this one: a newer message then waits behind it, so answers keep their order. */
export async function heldBefore(sql: Sql, userId: number, messageId: string): Promise<boolean> {
  const [row] = await sql<{ held: boolean }>(
    `select exists (select 1 from conversation_messages where user_id = $1 and status = 'held' and id < $2::bigint) as held`,
    [userId, messageId],
  );
  return row?.held === true;
}

export interface HeldSender {
  userId: number;
  phone: string;
}

/** Senders with held messages, the one waiting longest first. */
export async function sendersWithHeld(sql: Sql, limit: number): Promise<HeldSender[]> {
  return sql<HeldSender>(
    `select m.user_id as "userId", u.phone_number as phone
       from conversation_messages m join users u on u.id = m.user_id
      where m.status = 'held' group by m.user_id, u.phone_number order by min(m.id) limit $1`,
    [limit],
  );
}

export interface ReleasedMessage {
  id: string;
  channel: ChannelId;
  /** Where its answer goes: the address the sender last used on that channel (a Telegram chat), else the phone. */
  recipient: string;
}

/**
 * The sender's oldest held message goes back to `received` so the pipeline may claim it — unless an earlier message
 * of theirs is still waiting for its answer (being released elsewhere, or stranded): one at a time keeps the order,
 * whichever instance releases. Undefined when there is nothing to release now.
 */
export async function releaseOldestHeld(sql: Sql, userId: number): Promise<ReleasedMessage | undefined> {
  const [row] = await sql<ReleasedMessage>(
    `with oldest as (
       select id from conversation_messages where user_id = $1 and status = 'held' order by id limit 1
     ), released as (
       update conversation_messages m set status = 'received' from oldest o
        where m.id = o.id and m.status = 'held'
          and not exists (select 1 from conversation_messages e where e.status = 'received' and e.user_id = $1 and e.id < o.id)
       returning m.id, m.user_id, m.channel
     )
     select r.id::text as id, r.channel,
            coalesce((select c.external_id from user_channels c where c.user_id = r.user_id and c.channel = r.channel
                       order by c.last_seen_at desc limit 1), u.phone_number) as recipient
       from released r join users u on u.id = r.user_id`,
    [userId],
  );
  return row;
}

export async function isHeld(sql: Sql, messageId: string): Promise<boolean> {
  const [row] = await sql<{ status: string }>(`select status from conversation_messages where id = $1::bigint`, [messageId]);
  return row?.status === 'held';
}
