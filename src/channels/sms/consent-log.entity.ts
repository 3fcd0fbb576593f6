import { BigIntType, Entity, EntityRepositoryType, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { instantNow } from '../../entities/columns.js';
import { ConversationMessage } from '../../entities/conversation-message.entity.js';
import { channelIds, type ChannelId } from '../index.js';
import { User } from '../../entities/user.entity.js';
import { ConsentLogRepository } from './consent-log.repository.js';

export const CONSENT_ACTIONS = ['opt_out', 'opt_in'] as const;
export const CONSENT_SOURCES = ['keyword', 'provider_opt_out', 'provider_error'] as const;

/** Who opted out of (or back into) messages, when, by which keyword, on which channel. */
@Entity({ tableName: 'consent_log', repository: () => ConsentLogRepository })
@Index({ properties: ['user', 'createdAt'] })
export class ConsentLog {
  [EntityRepositoryType]?: ConsentLogRepository;
  [OptionalProps]?: 'keyword' | 'message' | 'createdAt';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ type: 'text', items: () => channelIds() })
  channel!: ChannelId;

  @Enum({ type: 'text', items: () => CONSENT_ACTIONS })
  action!: (typeof CONSENT_ACTIONS)[number];

  @Property({ type: 'text', nullable: true })
  keyword?: string | null;

  @Enum({ type: 'text', items: () => CONSENT_SOURCES })
  source!: (typeof CONSENT_SOURCES)[number];

  @ManyToOne(() => ConversationMessage, { nullable: true, deleteRule: 'set null', updateRule: 'no action' })
  message?: ConversationMessage | null;

  @Property(instantNow())
  createdAt: Date = new Date();
}
