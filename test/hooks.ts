import { closeTestDb, dbMode, openTestDb } from './support/db.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await openTestDb();
    console.log(`    database: ${dbMode()}`);
  },
  async afterAll() {
    await closeTestDb();
  },
};
