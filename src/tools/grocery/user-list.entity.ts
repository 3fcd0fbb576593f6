import {
  Check, Collection, Entity, EntityRepositoryType, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique,
} from '@mikro-orm/core';
import { GroceryItem } from './grocery-item.entity.js';
import { User } from '../../entities/user.entity.js';
import { instantNow } from '../../entities/columns.js';
import { UserListRepository } from './user-list.repository.js';

/**
 * A named list of a user's ("to-do", "packing", "hardware store"), created on first use. The grocery list is not
 * one of these: its items are the list items without a list (list_id null), so groceries keep their categories,
 * merging and every query they had.
 */
@Entity({ tableName: 'user_lists', repository: () => UserListRepository })
@Unique({ properties: ['user', 'key'] })
@Check({ name: 'user_lists_name_not_blank', expression: 'length(trim(both from name)) > 0' })
export class UserList {
  [EntityRepositoryType]?: UserListRepository;
  [OptionalProps]?: 'createdAt' | 'items';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** As shown: "to-do", "packing", "hardware store". */
  @Property({ type: 'text' })
  name!: string;

  /** The name folded to letters and digits ("to do", "To-Do" and "todo" are one list): unique per user. */
  @Property({ type: 'text' })
  key!: string;

  @Property(instantNow())
  createdAt: Date = new Date();

  @OneToMany(() => GroceryItem, (item) => item.list)
  items = new Collection<GroceryItem>(this);
}
