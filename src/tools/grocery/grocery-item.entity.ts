import { Check, Entity, EntityRepositoryType, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import { GROCERY_CATEGORIES, type GroceryCategory } from './grocery.categories.js';
import { instantNow } from '../../entities/columns.js';
import { GroceryRepository } from './grocery.repository.js';
import { UserList } from './user-list.entity.js';

/**
 * What a quantity may be, checked before any write (grocery.quantity.ts): the column's scale — numeric(12,3) with
 * CHECK (quantity > 0), so the smallest is 0.001 — and a cap that keeps every sum far inside the column.
 */
export const QUANTITY = { precision: 12, scale: 3, max: '1000000' } as const;

/**
 * One line of a user's list: the grocery list when `list` is null, else one of the user's named lists.
 * Quantity is a decimal string (numeric), null when unstated.
 */
@Entity({ tableName: 'grocery_items', repository: () => GroceryRepository })
@Check({ name: 'grocery_items_name_not_blank', expression: 'length(trim(both from name)) > 0' })
@Check({ name: 'grocery_items_quantity_positive', expression: 'quantity is null or quantity > 0' })
@Index({ properties: ['user', 'done'] })
@Index({ properties: ['list'] })
export class GroceryItem {
  [EntityRepositoryType]?: GroceryRepository;
  [OptionalProps]?: 'list' | 'quantity' | 'unit' | 'category' | 'done' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** null: the grocery list. Deleting a named list deletes its items. */
  @ManyToOne(() => UserList, { deleteRule: 'cascade', nullable: true })
  list?: UserList | null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'decimal', columnType: `numeric(${QUANTITY.precision},${QUANTITY.scale})`, nullable: true })
  quantity?: string | null;

  @Property({ type: 'text', nullable: true })
  unit?: string | null;

  @Enum({ type: 'text', items: () => GROCERY_CATEGORIES, default: 'other' })
  category: GroceryCategory = 'other';

  @Property({ type: 'boolean', default: false })
  done: boolean = false;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property({ ...instantNow(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
