import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import type { GroceryCategory } from './grocery.categories.js';

/**
 * What a quantity may be, checked before any write (grocery.quantity.ts): the column's scale — numeric(12,3) with
 * CHECK (quantity > 0), so the smallest is 0.001 — and a cap that keeps every sum far inside the column.
 */
export const QUANTITY = { precision: 12, scale: 3, max: '1000000' } as const;

/** One line of a user's grocery list; quantity is a decimal string (numeric), null when unstated. */
@Entity({ tableName: 'grocery_items' })
@Index({ properties: ['user', 'done'] })
export class GroceryItem {
  [OptionalProps]?: 'quantity' | 'unit' | 'category' | 'done' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'decimal', columnType: `numeric(${QUANTITY.precision},${QUANTITY.scale})`, nullable: true })
  quantity?: string | null;

  @Property({ type: 'text', nullable: true })
  unit?: string | null;

  @Property({ type: 'text' })
  category: GroceryCategory = 'other';

  @Property({ type: 'boolean' })
  done: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
