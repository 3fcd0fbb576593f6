import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

export interface UserPreferences {
  currency?: string;
  [key: string]: unknown;
}

@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?: 'name' | 'preferences' | 'optedOut' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  phoneNumber!: string;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'text' })
  timezone!: string;

  @Property({ type: 'json' })
  preferences: UserPreferences = {};

  @Property({ type: 'boolean' })
  optedOut: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
