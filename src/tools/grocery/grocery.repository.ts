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

/** A row of `cli dump`: its user's id beside it (and its list's, for a named list's item). */
export type UserGroceryRow = GroceryRow & { user: number };
export type UserListItemRow = UserGroceryRow & { list: number };

/** Which list a query reads or writes: null is the grocery list, a number one of the user's named lists. */
export type ListId = number | null;

type NewRow = Omit<GroceryRow, 'id' | 'done'>;

const ROW = ['id', 'name', 'quantity', 'unit', 'category', 'done'] as const;

/**
 * The grocery list's queries: the grocery tools and other modules (the daily agenda) ask here, never in SQL.
 * Rows are read as plain objects: the tools only show them or decide what to write, nothing is tracked.
 */
export class GroceryRepository extends EntityRepository<GroceryItem> {
  /** Groceries still to buy. */
  openCount(userId: number, list: ListId = null): Promise<number> {
    return this.count({ user: userId, list, done: false });
  }

  /** The whole list, oldest first. */
  list(userId: number, list: ListId = null): Promise<GroceryRow[]> {
    return this.rows({ user: userId, list });
  }

  /** Everything still on the list, and checked-off rows stored under one of `names`. */
  openOrNamed(userId: number, names: string[], list: ListId = null): Promise<GroceryRow[]> {
    return this.rows({ user: userId, list, $or: [{ done: false }, { name: { $in: names } }] });
  }

  /** One row by id, when it is this user's. */
  async byId(userId: number, id: number): Promise<(GroceryRow & { list: ListId }) | null> {
    const [row] = await this.createQueryBuilder('g')
      .select([...ROW, 'list'])
      .where({ id, user: userId })
      .execute<(GroceryRow & { list: ListId })[]>('all');
    return row ?? null;
  }

  async setQuantity(id: number, quantity: string, unit: string | null, at: Date): Promise<void> {
    await this.nativeUpdate({ id }, { quantity, unit, updatedAt: at });
  }

  /** New rows in one statement; their ids, in the order given. */
  async insertRows(userId: number, rows: NewRow[], now: Date, list: ListId = null): Promise<number[]> {
    if (!rows.length) return [];
    const data = rows.map((r) => ({
      user: userId, list, name: r.name, quantity: r.quantity, unit: r.unit, category: r.category, done: false, createdAt: now,
      updatedAt: now,
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

  async clear(userId: number, scope: 'checked' | 'all', list: ListId = null): Promise<void> {
    await this.nativeDelete(scope === 'checked' ? { user: userId, list, done: true } : { user: userId, list });
  }

  /** The items of all the user's named lists, with their list's id (counts for "what are my lists"). */
  namedListItems(userId: number): Promise<UserListItemRow[]> {
    return this.createQueryBuilder('g')
      .select(['user', 'list', ...ROW])
      .where({ user: userId, list: { $ne: null } })
      .orderBy([{ createdAt: 'asc' }, { id: 'asc' }])
      .execute<UserListItemRow[]>('all');
  }

  /** Many users' grocery rows in one statement, by user then oldest first (`cli dump`). */
  ofUsers(userIds: readonly number[]): Promise<UserGroceryRow[]> {
    return this.createQueryBuilder('g')
      .select(['user', ...ROW])
      .where({ user: { $in: [...userIds] }, list: null })
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
