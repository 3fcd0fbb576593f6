import { EntityRepository } from '@mikro-orm/postgresql';
import type { GroceryItem } from './grocery-item.entity.js';

/** The grocery list's queries: the grocery tools and other modules (the daily agenda) ask here, never in SQL. */
export class GroceryRepository extends EntityRepository<GroceryItem> {
  /** Items still to buy. */
  openCount(userId: number): Promise<number> {
    return this.count({ user: userId, done: false });
  }
}
