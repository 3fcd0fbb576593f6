import baseConfig from '../../mikro-orm.config.js';
import { createConfig, loadDotEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { initDb } from './init-db.js';

/**
 * `npm run migration:create|up|pending`, for the real server (DATABASE_URL) and the embedded database alike.
 * `create` diffs the entities against migrations/.snapshot-errand.json (the entities as of the newest migration)
 * and writes the snapshot anew with the migration, so the snapshot only ever comes from the entities.
 */
async function main(command: string | undefined, name: string | undefined): Promise<void> {
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: config.logLevel });
  const migrations = { ...baseConfig.migrations, snapshot: command === 'create' };
  const db = await initDb({ config: { ...config, migrateOnStart: false }, logger, overrides: { migrations } });
  try {
    const migrator = db.orm.getMigrator();
    if (command === 'create') {
      const pending = await migrator.getPendingMigrations();
      if (pending.length) throw new Error(`Apply pending migrations first (npm run migration:up): ${pending.map((m) => m.name).join(', ')}`);
      const result = await migrator.createMigration(undefined, false, false, name);
      console.log(result.diff.up.length ? `created ${result.fileName}` : 'no schema changes: nothing created');
    } else if (command === 'up') {
      const applied = await migrator.up();
      console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'already up to date');
    } else if (command === 'pending') {
      const pending = await migrator.getPendingMigrations();
      console.log(pending.length ? pending.map((m) => m.name).join('\n') : 'none pending');
    } else {
      throw new Error('usage: migration-cli create [name] | up | pending');
    }
  } finally {
    await db.close();
  }
}

main(process.argv[2], process.argv[3]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
