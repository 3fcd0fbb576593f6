import Big from 'big.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../../entities/user.entity.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';
import { Expense, ExpenseCategory } from './expense.entity.js';

export interface NewExpense {
  amount: string;
  currency: string;
  category: CategoryName;
  description: string | null;
  spentAt: Date;
}

export interface CategoryTotal {
  currency: string;
  category: CategoryName;
  total: string;
  count: number;
}

export async function logExpense(em: EntityManager, user: User, e: NewExpense, now: Date): Promise<Expense> {
  const category = await em.findOneOrFail(ExpenseCategory, { name: e.category });
  const expense = em.create(Expense, {
    user,
    amount: new Big(e.amount).toFixed(2),
    currency: e.currency,
    category,
    description: e.description,
    spentAt: e.spentAt,
    createdAt: now,
  });
  await em.flush();
  return expense;
}

/** Sums in SQL (exact numeric), grouped by currency and category: different currencies are never added together. */
export async function totalsBetween(em: EntityManager, user: User, from: Date, to: Date, category?: CategoryName): Promise<CategoryTotal[]> {
  const rows: { currency: string; category: CategoryName; total: string; count: number }[] = await em.getConnection().execute(
    `select e.currency, c.name as category, sum(e.amount)::text as total, count(*)::int as count
       from expenses e join expense_categories c on c.id = e.category_id
      where e.user_id = ? and e.spent_at >= ? and e.spent_at < ? ${category ? 'and c.name = ?' : ''}
      group by e.currency, c.name
      order by e.currency, sum(e.amount) desc, c.name`,
    [user.id, from, to, ...(category ? [category] : [])],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim(), total: new Big(r.total).toFixed(2) }));
}

export async function recentExpenses(em: EntityManager, user: User, limit: number): Promise<Expense[]> {
  return em.find(Expense, { user }, { orderBy: { spentAt: 'desc', id: 'desc' }, limit, populate: ['category'] });
}

/** The most recently logged expense (not the latest spent_at: "undo" means the last thing I told you). */
export async function deleteLastExpense(em: EntityManager, user: User): Promise<Expense | null> {
  const last = await em.findOne(Expense, { user }, { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['category'] });
  if (!last) return null;
  em.remove(last);
  await em.flush();
  return last;
}

/** Per-currency totals of grouped rows, summed exactly. */
export function currencyTotals(rows: CategoryTotal[]): { currency: string; total: string; count: number }[] {
  const byCurrency = new Map<string, { total: Big; count: number }>();
  for (const row of rows) {
    const current = byCurrency.get(row.currency) ?? { total: new Big(0), count: 0 };
    byCurrency.set(row.currency, { total: current.total.plus(row.total), count: current.count + row.count });
  }
  return [...byCurrency].map(([currency, v]) => ({ currency, total: v.total.toFixed(2), count: v.count }));
}
