import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, Index } from '@mikro-orm/core';
import { User } from './user.entity.js';
import { instantNow } from './columns.js';
import { UserChannelRepository } from './user-channel.repository.js';
import { channelIds, type ChannelId } from '../channels/index.js';

/** The ids come from the channel registry; re-exported for the modules that name a channel column's type. */
export type { ChannelId };

/** One row per way a user reaches us; the most recently seen active one is where notifications go. */
@Entity({ tableName: 'user_channels', repository: () => UserChannelRepository })
@Unique({ properties: ['channel', 'externalId'] })
@Index({ properties: ['user', 'lastSeenAt'] })
export class UserChannel {
  [EntityRepositoryType]?: UserChannelRepository;
  [OptionalProps]?: 'active' | 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ type: 'text', items: () => channelIds() })
  channel!: ChannelId;

  @Property({ type: 'text' })
  externalId!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property(instantNow())
  lastSeenAt: Date = new Date();

  @Property(instantNow())
  createdAt: Date = new Date();
}
