import type { EntityManager } from '@mikro-orm/postgresql';
import Big from 'big.js';
import { keywords } from '../../understanding/wording.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';
import { Expense, ExpenseCategory } from './expense.entity.js';
import type { CategoryTotal, ExpenseRow } from './expense.repository.js';

export type { CategoryTotal, ExpenseRow } from './expense.repository.js';

export interface NewExpense {
  amount: string;
  currency: string;
  category: CategoryName;
  description: string | null;
  spentAt: Date;
}

export interface LoggedExpense {
  id: number;
  amount: string;
  currency: string;
}

/** The row as written: amount with two places, as the numeric(12,2) column stores it. */
export async function logExpense(em: EntityManager, userId: number, e: NewExpense, now: Date): Promise<LoggedExpense> {
  const amount = new Big(e.amount).toFixed(2);
  const category = await em.getRepository(ExpenseCategory).idOf(e.category);
  const id = await em.getRepository(Expense).insertOne({
    user: userId, amount, currency: e.currency, category, description: e.description, spentAt: e.spentAt, createdAt: now,
  });
  return { id, amount, currency: e.currency };
}

/** Sums exactly, grouped by currency and category: different currencies are never added together. */
export async function totalsBetween(
  em: EntityManager, userId: number, from: Date, to: Date, category?: CategoryName,
): Promise<CategoryTotal[]> {
  const rows = await em.getRepository(Expense).totalsBetween(userId, from, to, category);
  return rows.map((r) => ({ ...r, total: new Big(r.total).toFixed(2) }));
}

export function recentExpenses(em: EntityManager, userId: number, limit: number): Promise<ExpenseRow[]> {
  return em.getRepository(Expense).recent(userId, limit);
}

/** Removes the most recently logged expense (not the latest spent: "undo" means the last thing I told you). */
export async function deleteLastExpense(em: EntityManager, userId: number, words?: string): Promise<ExpenseRow | null> {
  const expenses = em.getRepository(Expense);
  const query = keywords(words ?? '');
  const last = query.length ? await expenses.lastLoggedMatching(userId, query) : await expenses.lastLogged(userId);
  if (last) await expenses.removeId(last.id);
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
