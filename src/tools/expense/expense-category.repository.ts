import { EntityRepository } from '@mikro-orm/postgresql';
import type { ExpenseCategory } from './expense.entity.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';

/** The categories are seeded by a migration and never written: read once an hour per process, not once per expense. */
const CACHE: [string, number] = ['expense-categories', 60 * 60 * 1000];

export class ExpenseCategoryRepository extends EntityRepository<ExpenseCategory> {
  async idOf(name: CategoryName): Promise<number> {
    const all = await this.find({}, { fields: ['id', 'name'], cache: CACHE, disableIdentityMap: true });
    const category = all.find((c) => c.name === name);
    if (!category) throw new Error(`ExpenseCategory not found ({ name: '${name}' })`);
    return category.id;
  }
}
