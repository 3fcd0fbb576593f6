import type { EntityManager } from '@mikro-orm/postgresql';
import { UserChannel } from '../entities/user-channel.entity.js';
import { addressOf, type ChannelId } from './index.js';

/**
 * Where a message to this person on `channel` goes: their phone number, or — for a channel that addresses people
 * by its own ids — their most recently seen address there (the phone number when they have none).
 */
export async function recipientFor(em: EntityManager, channel: ChannelId, user: { id: number; phone: string }): Promise<string> {
  if (addressOf(channel) === 'phone') return user.phone;
  return (await em.getRepository(UserChannel).latestExternalId(user.id, channel)) ?? user.phone;
}
