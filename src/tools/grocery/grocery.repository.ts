import { EntityRepository, type QBFilterQuery } from '@mikro-orm/postgresql';
import type { GroceryItem } from './grocery-item.entity.js';
import type { GroceryCategory } from './grocery.categories.js';

/** A grocery_items row as the tools use it: plain data, quantity as the numeric's decimal text. */
export interface GroceryRow {
  id: number;
  name: string;
  quantity: string | null;
  unit: string | null;
  category: GroceryCategory;
  done: boolean;
}

/** A row of `cli dump`: its user's id beside it. */
export type UserGroceryRow = GroceryRow & { user: number };

type NewRow = Omit<GroceryRow, 'id' | 'done'>;

const ROW = ['id', 'name', 'quantity', 'unit', 'category', 'done'] as const;

/**
 * The grocery list's queries: the grocery tools and other modules (the daily agenda) ask here, never in SQL.
 * Rows are read as plain objects: the tools only show them or decide what to write, nothing is tracked.
 */
export class GroceryRepository extends EntityRepository<GroceryItem> {
  /** Items still to buy. */
  openCount(userId: number): Promise<number> {
    return this.count({ user: userId, done: false });
  }

  /** The whole list, oldest first. */
  list(userId: number): Promise<GroceryRow[]> {
    return this.rows({ user: userId });
  }

  /** Everything still on the list, and checked-off rows stored under one of `names`. */
  openOrNamed(userId: number, names: string[]): Promise<GroceryRow[]> {
    return this.rows({ user: userId, $or: [{ done: false }, { name: { $in: names } }] });
  }

  /** New rows in one statement; their ids, in the order given. */
  async insertRows(userId: number, rows: NewRow[], now: Date): Promise<number[]> {
    if (!rows.length) return [];
    const data = rows.map((r) => ({
      user: userId, name: r.name, quantity: r.quantity, unit: r.unit, category: r.category, done: false, createdAt: now, updatedAt: now,
    }));
    const result = await this.createQueryBuilder().insert(data);
    return result.rows!.map((r) => r.id as number);
  }

  /**
   * New quantity and unit of rows already on the list, set open again, in one statement: rows with different
   * values at once, as an upsert on the id (every row exists, so each one takes the update branch).
   */
  async reopenRows(userId: number, rows: GroceryRow[], at: Date): Promise<void> {
    if (!rows.length) return;
    const data = rows.map((r) => ({
      id: r.id, user: userId, name: r.name, quantity: r.quantity, unit: r.unit, category: r.category, done: false, updatedAt: at,
    }));
    await this.createQueryBuilder().insert(data).onConflict('id').merge(['quantity', 'unit', 'done', 'updatedAt']);
  }

  async checkOff(ids: number[], at: Date): Promise<void> {
    if (ids.length) await this.nativeUpdate({ id: { $in: ids } }, { done: true, updatedAt: at });
  }

  async removeIds(ids: number[]): Promise<void> {
    if (ids.length) await this.nativeDelete({ id: { $in: ids } });
  }

  async clear(userId: number, scope: 'checked' | 'all'): Promise<void> {
    await this.nativeDelete(scope === 'checked' ? { user: userId, done: true } : { user: userId });
  }

  /** Many users' rows in one statement, by user then oldest first (`cli dump`). */
  ofUsers(userIds: readonly number[]): Promise<UserGroceryRow[]> {
    return this.createQueryBuilder('g')
      .select(['user', ...ROW])
      .where({ user: { $in: [...userIds] } })
      .orderBy([{ user: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }])
      .execute<UserGroceryRow[]>('all');
  }

  private rows(where: QBFilterQuery<GroceryItem>): Promise<GroceryRow[]> {
    return this.createQueryBuilder('g')
      .select([...ROW])
      .where(where)
      .orderBy([{ createdAt: 'asc' }, { id: 'asc' }])
      .execute<GroceryRow[]>('all');
  }
}
