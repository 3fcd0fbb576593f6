import { EntityRepository } from '@mikro-orm/postgresql';
import type { ChannelId, UserChannel } from './user-channel.entity.js';

/** A channel's address of a user (a Telegram chat) joined to that user. */
export interface ChannelLink {
  userId: number;
  phone: string;
}

/** How users are reached: the channels' links to them, found by the channel's own id for the person. */
export class UserChannelRepository extends EntityRepository<UserChannel> {
  /** Read for every update of a linked channel: one statement, no entity built. */
  async findLink(channel: ChannelId, externalId: string): Promise<ChannelLink | null> {
    const row = await this.createQueryBuilder('c')
      .select(['u.id', 'u.phoneNumber'])
      .join('c.user', 'u')
      .where({ channel, externalId })
      .execute<{ id: number; phone_number: string } | null>('get', false);
    return row ? { userId: row.id, phone: row.phone_number } : null;
  }

  /** Points this address at the user, taking it over from whoever had it. */
  async link(userId: number, channel: ChannelId, externalId: string, at: Date): Promise<void> {
    await this.createQueryBuilder()
      .insert({ user: userId, channel, externalId, active: true, lastSeenAt: at, createdAt: at })
      .onConflict(['channel', 'externalId'])
      .merge(['user', 'active', 'lastSeenAt']);
  }

  async unlink(channel: ChannelId, externalId: string): Promise<boolean> {
    return (await this.nativeDelete({ channel, externalId })) > 0;
  }

  /** The address cannot be reached (bot blocked, chat gone): nothing goes there until the person writes again. */
  async deactivate(channel: ChannelId, externalId: string, userId?: number): Promise<void> {
    await this.nativeUpdate({ channel, externalId, ...(userId === undefined ? {} : { user: userId }) }, { active: false });
  }

  /** The user's most recently seen address on `channel`, active or not. */
  async latestExternalId(userId: number, channel: ChannelId): Promise<string | null> {
    const row = await this.createQueryBuilder()
      .select('externalId')
      .where({ user: userId, channel })
      .orderBy({ lastSeenAt: 'desc' })
      .limit(1)
      .execute<{ externalId: string } | null>('get');
    return row?.externalId ?? null;
  }
}
