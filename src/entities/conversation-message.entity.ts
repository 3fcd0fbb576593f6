import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { ConversationState } from './conversation-state.entity.js';
import { User } from './user.entity.js';
import type { ChannelId } from './user-channel.entity.js';

export type MessageRole = 'user' | 'assistant' | 'tool' | 'system';
/** Inbound messages move received → processed | failed; other roles stay null. */
export type MessageStatus = 'received' | 'processed' | 'failed';

@Entity({ tableName: 'conversation_messages' })
@Index({ properties: ['conversation', 'timestamp'] })
@Index({ properties: ['conversation', 'id'] })
export class ConversationMessage {
  [OptionalProps]?: 'messageType' | 'metadata' | 'timestamp' | 'status' | 'recoveryAttempts';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => ConversationState, { fieldName: 'conversation_id', deleteRule: 'cascade' })
  conversation!: ConversationState;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  channel!: ChannelId;

  @Property({ type: 'text' })
  role!: MessageRole;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'text' })
  messageType: string = 'text';

  @Property({ type: 'text', nullable: true })
  toolName?: string | null;

  @Property({ type: 'boolean', nullable: true })
  toolSuccess?: boolean | null;

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'text', nullable: true })
  status?: MessageStatus | null;

  /** The inbound message this row answers, so a redelivered webhook gets the same reply. */
  @Property({ type: new BigIntType('string'), nullable: true })
  inReplyTo?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  timestamp: Date = new Date();

  @Property({ type: 'json', nullable: true })
  metadata?: Record<string, unknown> | null;

  /** Times the stranded-message recovery picked this message up; past a bound it is marked failed. */
  @Property({ type: 'integer', default: 0 })
  recoveryAttempts: number = 0;
}
