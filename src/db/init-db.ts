import { MikroORM, type Options } from '@mikro-orm/postgresql';
import baseConfig from '../../mikro-orm.config.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { EmbeddedPostgres } from './embedded.js';
import { explainConnectError, showDatabaseUrl } from './connect-error.js';
import { elapsed } from '../elapsed.js';
import { nameStatements } from './sql.js';

export interface Database {
  orm: MikroORM;
  mode: 'server' | 'embedded';
  /** Pings the database; false when it does not answer. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface InitDbOptions {
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolMax' | 'migrateOnStart'>;
  logger?: Logger;
  overrides?: Partial<Options>;
}

export async function initDb({ config, logger, overrides }: InitDbOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let clientUrl = config.databaseUrl;
  if (!clientUrl) {
    // Loaded only here: PGlite (and its WASM build) costs ~25 MB of a server's memory that talks to a real PostgreSQL.
    const { openEmbeddedDatabase } = await import('./embedded.js');
    embedded = await openEmbeddedDatabase(config, logger);
    clientUrl = embedded.url;
  } else {
    logger?.info(`connecting to PostgreSQL at ${showDatabaseUrl(clientUrl)}…`);
  }
  const started = performance.now();
  try {
    const orm = await MikroORM.init({
      ...baseConfig,
      clientUrl,
      pool: { min: 0, max: config.dbPoolMax, idleTimeoutMillis: 30_000 },
      ensureDatabase: false,
      ...overrides,
    });
    await ensureDatabase(orm, embedded ? undefined : clientUrl, logger);
    if (!embedded) nameStatements(orm.em);
    logger?.info(`connected to the database (${elapsed(started)})`);
    if (config.migrateOnStart) await migrate(orm, logger);
    return {
      orm,
      mode: embedded ? 'embedded' : 'server',
      isReady: async () => {
        try {
          await orm.em.getConnection().execute('select 1');
          return true;
        } catch {
          return false;
        }
      },
      close: async () => {
        await orm.close(true);
        await embedded?.close();
      },
    };
  } catch (err) {
    await embedded?.close();
    throw err;
  }
}

/**
 * The first connection. MikroORM would create a missing database without a word and print the driver's error
 * for an unreachable server; here the creation is logged and a failure names DATABASE_URL.
 */
async function ensureDatabase(orm: MikroORM, serverUrl: string | undefined, logger: Logger | undefined): Promise<void> {
  try {
    if ((await orm.schema.ensureDatabase()) && serverUrl) {
      const name = orm.config.get('dbName');
      logger?.info(`DATABASE_URL names database "${name}", which did not exist: created it`, { url: showDatabaseUrl(serverUrl) });
    }
  } catch (err) {
    await orm.close(true);
    throw serverUrl ? explainConnectError(err, serverUrl) : err;
  }
}

async function migrate(orm: MikroORM, logger?: Logger): Promise<void> {
  const started = performance.now();
  const applied = await orm.getMigrator().up();
  if (!applied.length) logger?.info('migrations: 0 pending');
  else logger?.info(`migrations: applied ${applied.length} (${elapsed(started)})`, { migrations: applied.map((m) => m.name) });
}
