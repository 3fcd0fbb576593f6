import { Entity, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { User } from './user.entity.js';

export const CHANNEL_IDS = ['sms', 'telegram', 'console'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

/** One row per way a user reaches us; the most recently seen active one is where notifications go. */
@Entity({ tableName: 'user_channels' })
@Unique({ properties: ['channel', 'externalId'] })
export class UserChannel {
  [OptionalProps]?: 'active' | 'createdAt' | 'lastSeenAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  channel!: ChannelId;

  @Property({ type: 'text' })
  externalId!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
