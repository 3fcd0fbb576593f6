import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelId } from '../entities/user-channel.entity.js';
import { query } from './sql.js';

export interface StrandedMessage {
  id: string;
  userId: number;
  channel: ChannelId;
  phone: string;
}

/**
 * Claims up to `batch` messages stored before `before` and never answered, oldest first, counting the pick-up
 * (FOR UPDATE SKIP LOCKED: two instances never claim the same one). Those picked up `maxAttempts` times are left
 * to `giveUpStranded`.
 */
export async function claimStranded(em: EntityManager, before: Date, maxAttempts: number, batch: number): Promise<StrandedMessage[]> {
  return query<StrandedMessage>(
    em,
    `with claimed as (
       update conversation_messages set recovery_attempts = recovery_attempts + 1 where id in (
         select id from conversation_messages where status = 'received' and timestamp < ? and recovery_attempts < ?
          order by timestamp limit ? for update skip locked)
       returning id, user_id, channel, timestamp)
     select c.id::text as id, c.user_id as "userId", c.channel, u.phone_number as phone
       from claimed c join users u on u.id = c.user_id order by c.timestamp`,
    [before, maxAttempts, batch],
  );
}

/** Marks failed the stranded messages picked up `maxAttempts` times; returns their ids (for the log). */
export async function giveUpStranded(em: EntityManager, before: Date, maxAttempts: number): Promise<string[]> {
  const rows = await query<{ id: string }>(
    em,
    `update conversation_messages set status = 'failed'
      where status = 'received' and timestamp < ? and recovery_attempts >= ? returning id::text as id`,
    [before, maxAttempts],
  );
  return rows.map((r) => r.id);
}
