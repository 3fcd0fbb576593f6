import { EntityRepository, raw } from '@mikro-orm/postgresql';
import { matchesWords } from '../../understanding/wording.js';
import type { Expense } from './expense.entity.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';

/** An expenses row with its category's name; amount is the numeric's decimal text. */
export interface ExpenseRow {
  id: number;
  amount: string;
  currency: string;
  category: CategoryName;
  description: string | null;
  spentAt: Date;
}

/** A row of `cli dump`: its user's id beside it. */
export type UserExpenseRow = ExpenseRow & { user: number };

export interface CategoryTotal {
  currency: string;
  category: CategoryName;
  /** Exact sum (numeric), as decimal text. */
  total: string;
  count: number;
}

export interface NewExpenseRow {
  user: number;
  /** Decimal text with two places. */
  amount: string;
  currency: string;
  category: number;
  description: string | null;
  spentAt: Date;
  createdAt: Date;
}

const ROW = ['e.id', 'e.amount', 'e.currency', 'c.name as category', 'e.description', 'e.spentAt'];

/** The expense tools' queries; rows come back as plain objects (they are only shown). */
export class ExpenseRepository extends EntityRepository<Expense> {
  /** The new row's id. */
  insertOne(row: NewExpenseRow): Promise<number> {
    return this.insert(row);
  }

  /** Sums in the database (exact numeric), grouped by currency and category: different currencies are never added. */
  async totalsBetween(userId: number, from: Date, to: Date, category?: CategoryName): Promise<CategoryTotal[]> {
    const rows = await this.createQueryBuilder('e')
      .join('e.category', 'c')
      .select(['e.currency', 'c.name as category', raw('sum(e.amount) as total'), raw('count(*) as count')])
      .where({ user: userId, spentAt: { $gte: from, $lt: to }, ...(category ? { category: { name: category } } : {}) })
      .groupBy(['e.currency', 'c.name'])
      .orderBy([{ currency: 'asc' }, { [raw('sum(e.amount)')]: 'desc' }, { category: { name: 'asc' } }])
      .execute<{ currency: string; category: CategoryName; total: string; count: string }[]>('all', false);
    return rows.map((r) => ({ ...r, currency: r.currency.trim(), count: Number(r.count) }));
  }

  /** The latest by when they were spent. */
  recent(userId: number, limit: number): Promise<ExpenseRow[]> {
    return this.rows()
      .where({ user: userId })
      .orderBy([{ spentAt: 'desc' }, { id: 'desc' }])
      .limit(limit)
      .execute<ExpenseRow[]>('all');
  }

  /** The most recently logged (not the latest spent: "undo" means the last thing I told you). */
  async lastLogged(userId: number): Promise<ExpenseRow | null> {
    const [row] = await this.rows()
      .where({ user: userId })
      .orderBy([{ createdAt: 'desc' }, { id: 'desc' }])
      .limit(1)
      .execute<ExpenseRow[]>('all');
    return row ?? null;
  }

  async byId(userId: number, id: number): Promise<ExpenseRow | null> {
    const [row] = await this.rows().where({ id, user: userId }).execute<ExpenseRow[]>('all');
    return row ?? null;
  }

  /** A correction in place ("make that $20"): only the given columns change. */
  async edit(id: number, change: { amount?: string; description?: string | null; category?: number }): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await this.nativeUpdate({ id }, set);
  }

  /** The most recently logged of the last 100 whose description or category has all of `words`. */
  async lastLoggedMatching(userId: number, words: string[]): Promise<ExpenseRow | null> {
    const rows = await this.rows()
      .where({ user: userId })
      .orderBy([{ createdAt: 'desc' }, { id: 'desc' }])
      .limit(100)
      .execute<ExpenseRow[]>('all');
    return rows.find((r) => matchesWords(`${r.description ?? ''} ${r.category}`, words)) ?? null;
  }

  async removeId(id: number): Promise<void> {
    await this.nativeDelete({ id });
  }

  /** Many users' rows in one statement, by user then when spent (`cli dump`). */
  ofUsers(userIds: readonly number[]): Promise<UserExpenseRow[]> {
    return this.rows('e.user')
      .where({ user: { $in: [...userIds] } })
      .orderBy([{ user: 'asc' }, { spentAt: 'asc' }, { id: 'asc' }])
      .execute<UserExpenseRow[]>('all');
  }

  private rows(...more: string[]) {
    return this.createQueryBuilder('e').join('e.category', 'c').select([...more, ...ROW]);
  }
}
