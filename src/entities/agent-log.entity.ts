import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity.js';
import { instantNow } from './columns.js';

export const UNDERSTANDING_PATHS = ['rules', 'llm'] as const;
export type UnderstandingPath = (typeof UNDERSTANDING_PATHS)[number];

@Entity({ tableName: 'agent_logs' })
@Index({ properties: ['user', 'timestamp'] })
export class AgentLog {
  [OptionalProps]?: 'timestamp';

  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text', nullable: true })
  conversationId?: string | null;

  @Property({ type: new BigIntType('string'), nullable: true })
  messageId?: string | null;

  @Property({ type: 'text' })
  userInput!: string;

  @Property({ type: 'text' })
  agentResponse!: string;

  @Property({ type: 'text', nullable: true })
  toolCalled?: string | null;

  @Property({ type: 'json', nullable: true })
  toolOutput?: unknown;

  @Property({ type: 'json', nullable: true })
  memoryUsed?: unknown;

  @Enum({ type: 'text', items: () => UNDERSTANDING_PATHS })
  understanding!: UnderstandingPath;

  @Property({ type: 'integer' })
  latencyMs!: number;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property(instantNow())
  timestamp: Date = new Date();
}
