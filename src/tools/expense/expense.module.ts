import { groupByUser } from '../shared/by-user.js';
import Big from 'big.js';
import type { ToolModule } from '../types.js';
import { Expense, ExpenseCategory } from './expense.entity.js';
import { expenseRules } from './expense.rules.js';
import { expenseTools } from './expense.tool.js';
import { editExpenseTool } from './expense-edit.tool.js';

export const expenseModule: ToolModule = {
  name: 'expense',
  helpOrder: 40,
  tools: [...expenseTools, editExpenseTool],
  entities: [ExpenseCategory, Expense],
  rules: expenseRules,
  examples: ['spent 12.50 on lunch', '€15 museum', 'how much did I spend this week', 'what did I spend on food', 'last 5 expenses', 'undo'],
  dump: {
    key: 'expenses',
    async rows(em, userIds) {
      return groupByUser(await em.getRepository(Expense).ofUsers(userIds), (e) => ({
        id: e.id,
        amount: new Big(e.amount).toFixed(2),
        currency: e.currency.trim(),
        category: e.category,
        description: e.description,
        spentAt: e.spentAt.toISOString(),
      }));
    },
  },
};
