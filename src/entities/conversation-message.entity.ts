import { BigIntType, Entity, EntityRepositoryType, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ConversationState } from './conversation-state.entity.js';
import { User } from './user.entity.js';
import type { ChannelId } from './user-channel.entity.js';
import { instantNow, partialIndex } from './columns.js';
import { ConversationMessageRepository } from './conversation-message.repository.js';

export const MESSAGE_ROLES = ['user', 'assistant', 'tool', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
/**
 * Inbound messages move received → processed | failed; other roles stay null. A message beyond the sender's flood
 * limit is `held` until the scheduler answers it (held → received → processed) once the sender's minute has passed.
 */
export const MESSAGE_STATUSES = ['received', 'processed', 'failed', 'held'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

@Entity({ tableName: 'conversation_messages', repository: () => ConversationMessageRepository })
@Index({ properties: ['conversation', 'timestamp'] })
@Index({ properties: ['conversation', 'id'] })
@Unique(partialIndex('conversation_messages', ['channel', 'provider_message_id'], '"provider_message_id" is not null', { unique: true }))
@Index(partialIndex('conversation_messages', ['in_reply_to'], '"in_reply_to" is not null'))
@Index(partialIndex('conversation_messages', ['user_id', 'id'], `"status" = 'held'`, {
  name: 'conversation_messages_held_user_id_id_index',
}))
@Index(partialIndex('conversation_messages', ['timestamp'], `"status" = 'received'`, {
  name: 'conversation_messages_received_timestamp_index',
}))
export class ConversationMessage {
  [OptionalProps]?: 'messageType' | 'metadata' | 'timestamp' | 'status' | 'recoveryAttempts';
  [EntityRepositoryType]?: ConversationMessageRepository;

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => ConversationState, { fieldName: 'conversation_id', deleteRule: 'cascade' })
  conversation!: ConversationState;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  channel!: ChannelId;

  @Enum({ type: 'text', items: () => MESSAGE_ROLES })
  role!: MessageRole;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'text', default: 'text' })
  messageType: string = 'text';

  @Property({ type: 'text', nullable: true })
  toolName?: string | null;

  @Property({ type: 'boolean', nullable: true })
  toolSuccess?: boolean | null;

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Enum({ type: 'text', items: () => MESSAGE_STATUSES, nullable: true })
  status?: MessageStatus | null;

  /** The inbound message this row answers, so a redelivered webhook gets the same reply. */
  @ManyToOne(() => ConversationMessage, {
    fieldName: 'in_reply_to', mapToPk: true, nullable: true, deleteRule: 'cascade', updateRule: 'no action',
  })
  inReplyTo?: string | null;

  @Property(instantNow())
  timestamp: Date = new Date();

  @Property({ type: 'json', nullable: true })
  metadata?: Record<string, unknown> | null;

  /** Times the stranded-message recovery picked this message up; past a bound it is marked failed. */
  @Property({ type: 'integer', default: 0 })
  recoveryAttempts: number = 0;
}
