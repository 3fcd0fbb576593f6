import { BigIntType, Entity, EntityRepositoryType, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from './user.entity.js';
import { channelIds, type ChannelId } from '../channels/index.js';
import { instantNow, optionalInstant, partialIndex } from './columns.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

export const OUTBOUND_KINDS = ['reminder', 'event', 'agenda', 'reply', 'system'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];
export const OUTBOUND_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'dead'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

/**
 * The outbox: every message we send that is not an inline webhook answer goes through a row here,
 * so a crash or restart never loses it. Unique (source_type, source_id, occurrence_at) makes enqueueing idempotent.
 */
@Entity({ tableName: 'outbound_messages', repository: () => OutboundMessageRepository })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['user', 'createdAt'] })
@Unique(partialIndex('outbound_messages', ['source_type', 'source_id', 'occurrence_at'], '"source_type" is not null', {
  unique: true, nullsNotDistinct: true, name: 'outbound_messages_source_unique',
}))
@Index(partialIndex('outbound_messages', ['provider_message_id'], '"provider_message_id" is not null'))
export class OutboundMessage {
  [EntityRepositoryType]?: OutboundMessageRepository;
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'segments';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** null: chosen at send time (the user's most recently used active channel). */
  @Enum({ type: 'text', items: () => channelIds(), nullable: true })
  channel?: ChannelId | null;

  @Property({ type: 'text', nullable: true })
  recipient?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ type: 'text', items: () => OUTBOUND_KINDS })
  kind!: OutboundKind;

  @Property({ type: 'text', nullable: true })
  sourceType?: string | null;

  @Property({ type: 'text', nullable: true })
  sourceId?: string | null;

  @Property(optionalInstant())
  occurrenceAt?: Date | null;

  @Enum({ type: 'text', items: () => OUTBOUND_STATUSES, default: 'queued' })
  status: OutboundStatus = 'queued';

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property(instantNow())
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'integer', nullable: true })
  segments?: number | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property(instantNow())
  updatedAt: Date = new Date();
}
