import { DateTime } from 'luxon';
import { z } from 'zod';
import { told } from '../../understanding/told.js';
import { defineTool } from '../types.js';
import { EXPENSE_CATEGORIES } from './expense.categories.js';
import { amountProblem } from './expense.amount.js';
import { formatMoney } from './expense.money.js';
import { dayRange, monthRange, PERIODS, periodRange } from './expense.period.js';
import { currencyTotals, deleteLastExpense, logExpense, recentExpenses, totalsBetween, type ExpenseRow } from './expense.service.js';

const category = z.enum(EXPENSE_CATEGORIES);

export const logTool = defineTool({
  name: 'expense.log',
  description: 'Log money spent.',
  schema: z.object({
    /** Checked against the currency and the column by the tool, which tells the person what is allowed. */
    amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as 12.50'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    category,
    description: z.string().trim().max(300, told('An expense description can be up to 300 characters long.')).nullable(),
    spentAt: z.iso.datetime({ offset: true }).optional(),
  }),
  async execute(args, ctx) {
    const problem = amountProblem(args.amount, args.currency);
    if (problem) return { ok: false, reply: problem };
    const spentAt = args.spentAt ? new Date(args.spentAt) : ctx.now;
    const expense = await logExpense(ctx.em, ctx.user.id, { ...args, spentAt }, ctx.now);
    const what = args.description ? `${args.description} (${args.category})` : args.category;
    return {
      ok: true,
      reply: `💸 Logged ${formatMoney(expense.amount, expense.currency)} · ${what} — ${dayLabel(spentAt, ctx.now, ctx.timezone)}. Text "undo" to remove it.`,
      data: { expenseId: expense.id },
    };
  },
});

export const summaryTool = defineTool({
  name: 'expense.summary',
  description: 'Totals per currency and category for a period.',
  schema: z.object({
    period: z.enum(PERIODS),
    month: z.number().int().min(1).max(12).optional(),
    /** One local day ("on wednesday"), YYYY-MM-DD; overrides period and month. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    category: category.optional(),
  }),
  async execute({ period, month, date, category: only }, ctx) {
    const range = date
      ? dayRange(date, ctx.timezone)
      : month ? monthRange(month, ctx.now, ctx.timezone) : periodRange(period, ctx.now, ctx.timezone);
    const rows = await totalsBetween(ctx.em, ctx.user.id, range.from, range.to, only);
    const title = only ? `${range.label} on ${only}` : range.label;
    if (!rows.length) return { ok: true, reply: `💰 ${title}: no expenses logged.`, data: { totals: [] } };
    const totals = currencyTotals(rows)
      .sort((a, b) => Number(b.currency === ctx.defaultCurrency) - Number(a.currency === ctx.defaultCurrency));
    const lines = [`💰 ${title}:`];
    for (const t of totals) {
      lines.push(`${formatMoney(t.total, t.currency)} in ${t.count} expense${t.count === 1 ? '' : 's'}`);
      if (!only) {
        const cats = rows.filter((r) => r.currency === t.currency).map((r) => `${r.category} ${formatMoney(r.total, r.currency)}`);
        lines.push(`  ${cats.join(' · ')}`);
      }
    }
    return { ok: true, reply: lines.join('\n'), data: { totals } };
  },
});

export const recentTool = defineTool({
  name: 'expense.recent',
  description: 'The last N expenses.',
  schema: z.object({ limit: z.number().int().min(1).max(50) }),
  async execute({ limit }, ctx) {
    const rows = await recentExpenses(ctx.em, ctx.user.id, limit);
    if (!rows.length) return { ok: true, reply: 'No expenses logged yet. Try "spent 12.50 on lunch".' };
    const lines = rows.map((e, i) => `${i + 1}. ${DateTime.fromJSDate(e.spentAt, { zone: ctx.timezone }).toFormat('LLL d')} ${describe(e)}`);
    return { ok: true, reply: [`🧾 Last ${rows.length} expense${rows.length === 1 ? '' : 's'}:`, ...lines].join('\n') };
  },
});

export const deleteLastTool = defineTool({
  name: 'expense.deleteLast',
  description: 'Delete the most recently logged expense, or the most recent one whose description or category has `words` '
    + '("remove the gas one i logged").',
  schema: z.object({ words: z.string().trim().min(1).max(100).optional() }),
  async execute({ words }, ctx) {
    const deleted = await deleteLastExpense(ctx.em, ctx.user.id, words);
    if (!deleted) return { ok: false, reply: words ? `I couldn't find an expense for "${words}".` : 'There are no expenses to delete.' };
    const day = DateTime.fromJSDate(deleted.spentAt, { zone: ctx.timezone }).toFormat('ccc LLL d');
    return { ok: true, reply: `🗑️ Deleted ${describe(deleted)} from ${day}.` };
  },
});

function describe(e: ExpenseRow): string {
  const name = e.category;
  return `${formatMoney(e.amount, e.currency)} ${e.description ? `${e.description} (${name})` : name}`;
}

function dayLabel(at: Date, now: Date, zone: string): string {
  const day = DateTime.fromJSDate(at, { zone });
  const today = DateTime.fromJSDate(now, { zone });
  if (day.hasSame(today, 'day')) return `today, ${day.toFormat('ccc LLL d')}`;
  if (day.hasSame(today.minus({ days: 1 }), 'day')) return `yesterday, ${day.toFormat('ccc LLL d')}`;
  return day.toFormat('ccc LLL d');
}

export const expenseTools = [logTool, summaryTool, recentTool, deleteLastTool];
