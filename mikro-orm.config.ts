import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { allEntities } from './src/entities/all.js';

const migrationsPath = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The one ORM configuration for the app, the migration commands and the tests.
 * The connection URL is filled in by initDb: the real server's, or the embedded PGlite's loopback socket.
 */
export default defineConfig({
  entities: allEntities,
  extensions: [Migrator],
  discovery: { warnWhenNoEntities: false },
  preferTs: true,
  forceUtcTimezone: true,
  ignoreUndefinedInQuery: true,
  allowGlobalContext: false,
  debug: false,
  migrations: {
    tableName: 'mikro_orm_migrations',
    path: migrationsPath,
    pathTs: migrationsPath,
    glob: '!(*.d).{js,ts}',
    transactional: true,
    allOrNothing: true,
    // The snapshot is the entities' schema as of the newest migration; `migration:create` diffs the entities against
    // it. Only the migration commands write it (src/db/migration-cli.ts), never the app or the tests.
    snapshot: false,
    snapshotName: '.snapshot-errand',
    emit: 'ts',
    silent: true,
  },
});
