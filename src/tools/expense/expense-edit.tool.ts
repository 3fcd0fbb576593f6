import Big from 'big.js';
import { z } from 'zod';
import { told } from '../../understanding/told.js';
import { lastReference } from '../shared/reference.js';
import { defineTool } from '../types.js';
import { amountProblem } from './expense.amount.js';
import { EXPENSE_CATEGORIES } from './expense.categories.js';
import { Expense, ExpenseCategory } from './expense.entity.js';
import { formatMoney } from './expense.money.js';

const WHICH = 'Which expense? I can fix the one you just logged — e.g. after "spent 12 on lunch", text "make that $14.50".';

export const editExpenseTool = defineTool({
  name: 'expense.edit',
  description: 'Correct the expense just logged ("actually lunch was $14.50, fix that", "make that $20"): '
    + 'its amount, description or category.',
  schema: z.object({
    amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as 12.50').optional(),
    description: z.string().trim().min(1).max(300, told('An expense description can be up to 300 characters long.')).optional(),
    category: z.enum(EXPENSE_CATEGORIES).optional(),
  }),
  async execute(args, ctx) {
    const ref = lastReference(ctx.conversation.lastToolResult, 'expense');
    const repo = ctx.em.getRepository(Expense);
    const row = ref?.ids.length === 1 ? await repo.byId(ctx.user.id, ref.ids[0]!) : null;
    if (!row) return { ok: false, reply: WHICH };
    if (!args.amount && !args.description && !args.category) {
      return { ok: false, reply: 'What should I change it to? e.g. "make that $20".' };
    }
    const currency = row.currency.trim();
    if (args.amount) {
      const problem = amountProblem(args.amount, currency);
      if (problem) return { ok: false, reply: problem };
    }
    const amount = args.amount ? new Big(args.amount).toFixed(2) : undefined;
    const category = args.category ? await ctx.em.getRepository(ExpenseCategory).idOf(args.category) : undefined;
    await repo.edit(row.id, { amount, description: args.description, category });
    const name = args.description ?? row.description ?? args.category ?? row.category;
    const label = name.charAt(0).toUpperCase() + name.slice(1);
    const lines = [
      args.description && args.description !== row.description ? `💸 ${row.description ?? row.category} → ${args.description}` : '',
      args.category && args.category !== row.category ? `💸 ${label}: ${row.category} → ${args.category}` : '',
      amount && !new Big(amount).eq(row.amount)
        ? `💸 ${label}: ${formatMoney(row.amount, currency)} → ${formatMoney(amount, currency)}`
        : '',
    ].filter(Boolean);
    const reply = lines.length ? lines.join('\n') : `💸 ${label}: ${formatMoney(row.amount, currency)} (no change)`;
    return { ok: true, reply, data: { expenseId: row.id } };
  },
});
