import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { User } from './user.entity.js';

export type UnderstandingPath = 'rules' | 'llm';

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

  @Property({ type: 'text' })
  understanding!: UnderstandingPath;

  @Property({ type: 'integer' })
  latencyMs!: number;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  timestamp: Date = new Date();
}
