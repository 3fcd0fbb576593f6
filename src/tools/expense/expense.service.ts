import Big from 'big.js';
import { toDate, type Sql } from '../../db/sql.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';

export interface NewExpense {
  amount: string;
  currency: string;
  category: CategoryName;
  description: string | null;
  spentAt: Date;
}

/** An expenses row with its category's name; amount is the numeric's decimal text. */
export interface ExpenseRow {
  id: number;
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

/** The row as written: amount with two places, as the numeric(12,2) column stores it. */
export async function logExpense(sql: Sql, userId: number, e: NewExpense, now: Date): Promise<{ id: number; amount: string; currency: string }> {
  const amount = new Big(e.amount).toFixed(2);
  const [row] = await sql<{ id: number }>(
    `insert into expenses (user_id, amount, currency, category_id, description, spent_at, created_at)
     select $1::int, $2::numeric, $3::char(3), c.id, $5::text, $6::timestamptz, $7::timestamptz from expense_categories c where c.name = $4
     returning id`,
    [userId, amount, e.currency, e.category, e.description, e.spentAt, now],
  );
  if (!row) throw new Error(`ExpenseCategory not found ({ name: '${e.category}' })`);
  return { id: row.id, amount, currency: e.currency };
}

/** Sums in SQL (exact numeric), grouped by currency and category: different currencies are never added together. */
export async function totalsBetween(sql: Sql, userId: number, from: Date, to: Date, category?: CategoryName): Promise<CategoryTotal[]> {
  const rows = await sql<CategoryTotal>(
    `select e.currency, c.name as category, sum(e.amount)::text as total, count(*)::int as count
       from expenses e join expense_categories c on c.id = e.category_id
      where e.user_id = $1 and e.spent_at >= $2 and e.spent_at < $3 ${category ? 'and c.name = $4' : ''}
      group by e.currency, c.name
      order by e.currency, sum(e.amount) desc, c.name`,
    [userId, from, to, ...(category ? [category] : [])],
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim(), total: new Big(r.total).toFixed(2) }));
}

const ROW = 'e.id, e.amount, e.currency, c.name as category, e.description, e.spent_at';

function expenseRow(r: Omit<ExpenseRow, 'spentAt'> & { spent_at: string }): ExpenseRow {
  return { id: r.id, amount: r.amount, currency: r.currency, category: r.category, description: r.description, spentAt: toDate(r.spent_at) };
}

export async function recentExpenses(sql: Sql, userId: number, limit: number): Promise<ExpenseRow[]> {
  const rows = await sql<Omit<ExpenseRow, 'spentAt'> & { spent_at: string }>(
    `select ${ROW} from expenses e join expense_categories c on c.id = e.category_id
      where e.user_id = $1 order by e.spent_at desc, e.id desc limit $2`,
    [userId, limit],
  );
  return rows.map(expenseRow);
}

/** The most recently logged expense (not the latest spent_at: "undo" means the last thing I told you). */
export async function deleteLastExpense(sql: Sql, userId: number): Promise<ExpenseRow | null> {
  const [row] = await sql<Omit<ExpenseRow, 'spentAt'> & { spent_at: string }>(
    `delete from expenses e using expense_categories c
      where e.id = (select id from expenses where user_id = $1 order by created_at desc, id desc limit 1) and c.id = e.category_id
      returning ${ROW}`,
    [userId],
  );
  return row ? expenseRow(row) : null;
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
