import { expect } from 'chai';
import fs from 'node:fs';
import { schemaDiff, testDb } from './support/db.js';

const snapshotFile = new URL('../migrations/.snapshot-errand.json', import.meta.url);

/** The entities are the schema: migrations must build exactly what they declare, and the snapshot must follow them. */
describe('schema: entities, migrations and snapshot agree', () => {
  it('the migrated database needs no change to match the entities', async () => {
    expect(await schemaDiff()).to.equal('');
  });

  it('notices a missing partial unique index (the check can fail)', async () => {
    const conn = testDb().orm.em.getConnection();
    const index = await conn.execute<{ indexdef: string }[]>(
      `select indexdef from pg_indexes where indexname = 'outbound_messages_source_unique'`,
    );
    expect(index).to.have.length(1);
    await conn.execute('drop index "outbound_messages_source_unique"');
    try {
      expect(await schemaDiff()).to.contain('outbound_messages_source_unique');
    } finally {
      await conn.execute(index[0]!.indexdef);
    }
    expect(await schemaDiff()).to.equal('');
  });

  it('the checked-in snapshot is the entities\' schema, so migration:create on an unchanged model creates nothing', () => {
    const snapshot = JSON.parse(fs.readFileSync(snapshotFile, 'utf8'));
    const target = JSON.parse(JSON.stringify(testDb().orm.schema.getTargetSchema()));
    expect(target, 'entities changed without a migration: run npm run migration:create').to.deep.equal(snapshot);
  });
});
