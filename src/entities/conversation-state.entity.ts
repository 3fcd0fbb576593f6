import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { User } from './user.entity.js';
import type { ChannelId } from './user-channel.entity.js';
import { instantNow } from './columns.js';

/** An unfinished request waiting for one missing detail ("remind me to call mum" → "when?"). */
export interface PendingRequest {
  tool: string;
  args: Record<string, unknown>;
  missing: string;
  question: string;
  createdAt: string;
}

/** One user on one channel; a new conversation starts after CONVERSATION_IDLE_MINUTES of silence. */
@Entity({ tableName: 'conversation_states' })
@Index({ properties: ['user', 'createdAt'] })
@Index({ properties: ['user', 'channel', 'updatedAt'] })
export class ConversationState {
  [PrimaryKeyProp]?: 'conversationId';
  [OptionalProps]?: 'focusAreas' | 'stepCount' | 'lastToolResult' | 'pending' | 'userInput' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'text' })
  conversationId!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  channel!: ChannelId;

  @Property({ type: 'text', nullable: true })
  userInput?: string | null;

  @Property({ type: 'json', defaultRaw: `'[]'` })
  focusAreas: string[] = [];

  @Property({ type: 'integer', default: 0 })
  stepCount: number = 0;

  @Property({ type: 'json', nullable: true })
  lastToolResult?: unknown;

  @Property({ type: 'json', nullable: true })
  pending?: PendingRequest | null;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property(instantNow())
  updatedAt: Date = new Date();
}
