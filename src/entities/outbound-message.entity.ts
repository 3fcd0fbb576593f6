import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { User } from './user.entity.js';
import type { ChannelId } from './user-channel.entity.js';

export type OutboundKind = 'reminder' | 'event' | 'agenda' | 'reply' | 'system';
export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead';

/**
 * The outbox: every message we send that is not an inline webhook answer goes through a row here,
 * so a crash or restart never loses it. Unique (source_type, source_id, occurrence_at) makes enqueueing idempotent.
 */
@Entity({ tableName: 'outbound_messages' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboundMessage {
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'segments';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** null: chosen at send time (the user's most recently used active channel). */
  @Property({ type: 'text', nullable: true })
  channel?: ChannelId | null;

  @Property({ type: 'text', nullable: true })
  recipient?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  kind!: OutboundKind;

  @Property({ type: 'text', nullable: true })
  sourceType?: string | null;

  @Property({ type: 'text', nullable: true })
  sourceId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  occurrenceAt?: Date | null;

  @Property({ type: 'text' })
  status: OutboundStatus = 'queued';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'integer', nullable: true })
  segments?: number | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
