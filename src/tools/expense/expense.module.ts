import Big from 'big.js';
import { toDate } from '../../db/sql.js';
import { rowsByUser } from '../dump-rows.js';
import type { ToolModule } from '../types.js';
import { Expense, ExpenseCategory } from './expense.entity.js';
import { expenseRules } from './expense.rules.js';
import { expenseTools } from './expense.tool.js';

interface ExpenseRow {
  id: number;
  user_id: number;
  /** numeric(12,2), as text */
  amount: string;
  currency: string;
  category: string;
  description: string | null;
  spent_at: string;
}

export const expenseModule: ToolModule = {
  name: 'expense',
  helpOrder: 40,
  tools: expenseTools,
  entities: [ExpenseCategory, Expense],
  rules: expenseRules,
  examples: ['spent 12.50 on lunch', '€15 museum', 'how much did I spend this week', 'what did I spend on food', 'last 5 expenses', 'undo'],
  dump: {
    key: 'expenses',
    rows: (em, userIds) =>
      rowsByUser<ExpenseRow>(
        em,
        `select e.id, e.user_id, e.amount, e.currency, c.name as category, e.description, e.spent_at
           from expenses e join expense_categories c on c.id = e.category_id
          where e.user_id = any($1) order by e.user_id, e.spent_at, e.id`,
        userIds,
        (e) => ({
          id: e.id,
          amount: new Big(e.amount).toFixed(2),
          currency: e.currency.trim(),
          category: e.category,
          description: e.description,
          spentAt: toDate(e.spent_at).toISOString(),
        }),
      ),
  },
};
