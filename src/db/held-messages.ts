import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../entities/user-channel.entity.js';
import { query } from './sql.js';

export interface HeldSender {
  userId: number;
  phone: string;
}

/** Senders with held messages, the one waiting longest first (a grouped join: the ORM would need two reads). */
export async function sendersWithHeld(em: EntityManager, limit: number): Promise<HeldSender[]> {
  return query<HeldSender>(
    em,
    `select m.user_id as "userId", u.phone_number as phone
       from conversation_messages m join users u on u.id = m.user_id
      where m.status = 'held' group by m.user_id, u.phone_number order by min(m.id) limit ?`,
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
 * whichever instance releases. Undefined when there is nothing to release now. One statement, so the check and the
 * release cannot be split by another instance.
 */
export async function releaseOldestHeld(em: EntityManager, userId: number): Promise<ReleasedMessage | undefined> {
  const [row] = await query<ReleasedMessage>(
    em,
    `with oldest as (
       select id from conversation_messages where user_id = ? and status = 'held' order by id limit 1
     ), released as (
       update conversation_messages m set status = 'received' from oldest o
        where m.id = o.id and m.status = 'held'
          and not exists (select 1 from conversation_messages e where e.status = 'received' and e.user_id = m.user_id and e.id < o.id)
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
