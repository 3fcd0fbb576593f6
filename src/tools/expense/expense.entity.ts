import { Check, Entity, EntityRepositoryType, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import type { ExpenseCategory as CategoryName } from './expense.categories.js';
import { instant, instantNow } from '../../entities/columns.js';
import { ExpenseCategoryRepository } from './expense-category.repository.js';
import { ExpenseRepository } from './expense.repository.js';

/** Seeded by the migration; never written by the app. */
@Entity({ tableName: 'expense_categories', repository: () => ExpenseCategoryRepository })
export class ExpenseCategory {
  [EntityRepositoryType]?: ExpenseCategoryRepository;

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: CategoryName;
}

/** The amount column, numeric(12,2) with CHECK (amount > 0): what an amount may be (expense.amount.ts). */
export const AMOUNT = { precision: 12, scale: 2 } as const;

/** One amount spent; `amount` is a decimal string (numeric(12,2)), `spentAt` an instant in UTC. */
@Entity({ tableName: 'expenses', repository: () => ExpenseRepository })
@Check({ name: 'expenses_amount_positive', expression: 'amount > 0' })
@Check({ name: 'expenses_currency_check', expression: "currency ~ '^[A-Z]{3}$'" })
@Index({ properties: ['user', 'spentAt'] })
@Index({ properties: ['user', 'createdAt'] })
export class Expense {
  [EntityRepositoryType]?: ExpenseRepository;
  [OptionalProps]?: 'description' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'decimal', columnType: `numeric(${AMOUNT.precision},${AMOUNT.scale})` })
  amount!: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @ManyToOne(() => ExpenseCategory)
  category!: ExpenseCategory;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property(instant())
  spentAt!: Date;

  @Property(instantNow())
  createdAt: Date = new Date();
}
