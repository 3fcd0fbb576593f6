import { expect } from 'chai';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../src/entities/index.js';
import { Expense, ExpenseCategory } from '../src/tools/expense/expense.entity.js';
import type { ExpenseCategory as CategoryName } from '../src/tools/expense/expense.categories.js';
import { GroceryItem } from '../src/tools/grocery/grocery-item.entity.js';
import { resetDb, testDb } from './support/db.js';

/** The repositories' set-based statements, where the pipeline tests would not notice a row out of place. */
describe('grocery and expense repositories', () => {
  beforeEach(resetDb);

  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => testDb().orm.em.fork().transactional(work);
  const newUser = (phone: string) => testDb().orm.em.fork().insert(User, { phoneNumber: phone, timezone: 'UTC' });

  it('inserts many grocery rows in one statement and gives back their ids in order', async () => {
    const userId = await newUser('+15551230001');
    const names = Array.from({ length: 30 }, (_, i) => `item ${i}`);
    const newRows = names.map((name) => ({ name, quantity: null, unit: null, category: 'other' as const }));
    const ids = await inTransaction((em) => em.getRepository(GroceryItem).insertRows(userId, newRows, new Date()));
    const rows = await testDb().orm.em.fork().find(GroceryItem, {}, { fields: ['name'], orderBy: { id: 'asc' } });
    expect(ids).to.deep.equal(rows.map((r) => r.id));
    expect(rows.map((r) => r.name)).to.deep.equal(names);
  });

  it('reopens rows with their own quantities in one statement and writes no new row', async () => {
    const userId = await newUser('+15551230001');
    const other = await newUser('+15551230002');
    await inTransaction(async (em) => {
      const repo = em.getRepository(GroceryItem);
      const [milk, eggs] = await repo.insertRows(userId, [
        { name: 'milk', quantity: '1', unit: 'l', category: 'dairy' },
        { name: 'eggs', quantity: null, unit: null, category: 'dairy' },
      ], new Date());
      await repo.insertRows(other, [{ name: 'milk', quantity: '5', unit: null, category: 'dairy' }], new Date());
      await repo.checkOff([milk!, eggs!], new Date());
      const rows = await repo.list(userId);
      await repo.reopenRows(userId, rows.map((r) => ({ ...r, quantity: r.name === 'milk' ? '2.5' : '12', unit: null })), new Date());
    });
    const em = testDb().orm.em.fork();
    expect(await em.getRepository(GroceryItem).list(userId)).to.deep.equal([
      { id: 1, name: 'milk', quantity: '2.500', unit: null, category: 'dairy', done: false },
      { id: 2, name: 'eggs', quantity: '12.000', unit: null, category: 'dairy', done: false },
    ]);
    expect(await em.count(GroceryItem)).to.equal(3);
    expect(await em.getRepository(GroceryItem).openCount(other)).to.equal(1);
  });

  it('totals by currency, then by the larger sum, then by category name, exactly', async () => {
    const userId = await newUser('+15551230001');
    const spent = new Date('2026-11-10T12:00:00Z');
    await inTransaction(async (em) => {
      const log = async (amount: string, currency: string, category: CategoryName) =>
        em.getRepository(Expense).insertOne({
          user: userId, amount, currency, category: await em.getRepository(ExpenseCategory).idOf(category), description: null,
          spentAt: spent, createdAt: spent,
        });
      await log('0.10', 'USD', 'food');
      await log('0.20', 'USD', 'food');
      await log('0.30', 'USD', 'travel');
      await log('0.30', 'USD', 'health');
      await log('5.00', 'EUR', 'other');
    });
    const totals = await testDb().orm.em.fork().getRepository(Expense)
      .totalsBetween(userId, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(totals).to.deep.equal([
      { currency: 'EUR', category: 'other', total: '5.00', count: 1 },
      { currency: 'USD', category: 'food', total: '0.30', count: 2 },
      { currency: 'USD', category: 'health', total: '0.30', count: 1 },
      { currency: 'USD', category: 'travel', total: '0.30', count: 1 },
    ]);
  });

  it('refuses a category the table does not hold', async () => {
    const em = testDb().orm.em.fork();
    const error = await em.getRepository(ExpenseCategory).idOf('snacks' as CategoryName).catch((e: Error) => e);
    expect(String(error)).to.contain("ExpenseCategory not found ({ name: 'snacks' })");
  });
});

