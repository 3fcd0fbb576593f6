import { expect } from 'chai';
import { initDb, type Database } from '../src/db/init-db.js';
import { emptyServerDatabase } from './support/db.js';
import { groceryModule } from '../src/tools/grocery/grocery.module.js';
import { listsModule } from '../src/tools/grocery/lists.module.js';

const BEFORE_LISTS = 'Migration20261130220000_entity_names';

/** A database of its own, migrated step by step: embedded in memory, or a sibling of TEST_DATABASE_URL. */
async function freshDb(): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL ? `${process.env.TEST_DATABASE_URL}_migration` : undefined;
  if (server) await emptyServerDatabase(server);
  return initDb({ config: { databaseUrl: server, dataDir: 'memory://', dbPoolMax: 4, migrateOnStart: false } });
}

describe('migration named_lists: grocery rows stay the grocery list', function () {
  this.timeout(120_000);
  let db: Database;
  const run = <T = Record<string, unknown>>(query: string) => db.orm.em.getConnection().execute<T[]>(query);

  before(async () => {
    db = await freshDb();
    await db.orm.getMigrator().up({ to: BEFORE_LISTS });
    await run(`insert into users (phone_number, timezone) values ('+15551230001', 'UTC'), ('+15551230002', 'UTC')`);
    await run(`insert into grocery_items (user_id, name, quantity, unit, category, done) values
      (1, 'milk', null, null, 'dairy', false), (1, 'eggs', 2, 'dozen', 'dairy', true), (2, 'nails', 100, null, 'other', false)`);
    await db.orm.getMigrator().up();
  });
  after(async () => db?.close());

  it('keeps every row, on the grocery list, with its quantity, category and state', async () => {
    const rows = await run(
      'select user_id, name, quantity::text as quantity, unit, category, done, list_id from grocery_items order by id');
    expect(rows).to.deep.equal([
      { user_id: 1, name: 'milk', quantity: null, unit: null, category: 'dairy', done: false, list_id: null },
      { user_id: 1, name: 'eggs', quantity: '2.000', unit: 'dozen', category: 'dairy', done: true, list_id: null },
      { user_id: 2, name: 'nails', quantity: '100.000', unit: null, category: 'other', done: false, list_id: null },
    ]);
  });

  it('dumps them as groceryItems, and no named lists', async () => {
    const em = db.orm.em.fork();
    const groceries = await groceryModule.dump!.rows(em, [1, 2]);
    expect((groceries.get(1) as { name: string }[]).map((r) => r.name)).to.deep.equal(['milk', 'eggs']);
    expect((groceries.get(2) as { name: string }[]).map((r) => r.name)).to.deep.equal(['nails']);
    expect([...(await listsModule.dump!.rows(em, [1, 2])).keys()]).to.deep.equal([]);
  });

  it('down again: named lists go with their items, groceries stay', async () => {
    await run(`insert into user_lists (user_id, name, key) values (1, 'packing', 'packing')`);
    await run(`insert into grocery_items (user_id, list_id, name, category) values (1, 1, 'sunscreen', 'household')`);
    await db.orm.getMigrator().down({ to: BEFORE_LISTS });
    const names = (await run<{ name: string }>('select name from grocery_items order by id')).map((r) => r.name);
    expect(names).to.deep.equal(['milk', 'eggs', 'nails']);
    expect(await run(`select 1 from pg_tables where tablename = 'user_lists'`)).to.deep.equal([]);
    await db.orm.getMigrator().up();
    expect(await run('select list_id from grocery_items where list_id is not null')).to.deep.equal([]);
  });
});
