import { Check, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { instantNow } from './columns.js';

export interface UserPreferences {
  currency?: string;
  [key: string]: unknown;
}

@Entity({ tableName: 'users' })
@Check({ name: 'users_phone_number_e164', expression: "phone_number ~ '^\\+[1-9][0-9]{6,14}$'" })
export class User {
  [OptionalProps]?: 'name' | 'preferences' | 'optedOut' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  phoneNumber!: string;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'text', default: 'UTC' })
  timezone!: string;

  @Property({ type: 'json', defaultRaw: `'{}'` })
  preferences: UserPreferences = {};

  @Property({ type: 'boolean', default: false })
  optedOut: boolean = false;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property({ ...instantNow(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
