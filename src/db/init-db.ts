import { MikroORM, type Options } from '@mikro-orm/postgresql';
import baseConfig from '../../mikro-orm.config.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { EmbeddedPostgres } from './embedded.js';
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
    const { startEmbeddedPostgres } = await import('./embedded.js');
    embedded = await startEmbeddedPostgres(config.dataDir, config.dbPoolMax + 2);
    clientUrl = embedded.url;
  }
  try {
    const orm = await MikroORM.init({
      ...baseConfig,
      clientUrl,
      pool: { min: 0, max: config.dbPoolMax, idleTimeoutMillis: 30_000 },
      ...overrides,
    });
    if (!embedded) nameStatements(orm.em);
    if (config.migrateOnStart) {
      const applied = await orm.getMigrator().up();
      if (applied.length) logger?.info('applied migrations', { migrations: applied.map((m) => m.name) });
    }
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
