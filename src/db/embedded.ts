import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { keepExtendedQueriesTogether } from './pglite-queue.js';
import { elapsed } from '../elapsed.js';
import { ensurePgliteTemplate, needsInitdb, seedFromTemplate } from './pglite-template.js';

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL's default 128 MB of shared buffers are all touched at start in WASM memory (PGlite alone is then ~290 MB
 * resident instead of ~165 MB); a personal assistant's working set is a few MB, and pages outside the buffers are
 * still in the OS's file cache. (npm start also keeps PGlite's WASM on V8's baseline compiler, another −35 MB:
 * --no-wasm-tier-up --no-wasm-dynamic-tiering; BENCHMARKS.md, "Start-up".)
 */
const STARTUP_SETTINGS = ['-c', 'shared_buffers=16MB'];

/** The embedded database as the app configures it (a few connections beyond the ORM's pool for the migrator). */
export async function openEmbeddedDatabase(
  config: Pick<Config, 'dataDir' | 'dbPoolMax'>,
  logger?: Logger,
): Promise<EmbeddedPostgres> {
  const started = performance.now();
  logger?.info(`opening the embedded database in ${config.dataDir}…`);
  const embedded = await startEmbeddedPostgres(config.dataDir, config.dbPoolMax + 2, logger);
  logger?.info(`embedded database open (${elapsed(started)})`);
  return embedded;
}

/**
 * Starts PGlite and serves it on a loopback port so the ordinary postgresql driver talks to it:
 * the app has one database code path whether it runs embedded or against a real server.
 * `dataDir` "memory://" keeps everything in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number, logger?: Logger): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirLock | undefined;
  let dbPath = dataDir;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
    dbPath = path.join(dataDir, 'pglite');
  }
  try {
    if (!inMemory && needsInitdb(dbPath)) await createFromTemplate(dbPath, logger);
    const startParams = [...PGlite.defaultStartParams, ...STARTUP_SETTINGS];
    const db = await PGlite.create(inMemory ? undefined : dbPath, { startParams });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    keepExtendedQueriesTogether((server as unknown as { queryQueue: Parameters<typeof keepExtendedQueriesTogether>[0] }).queryQueue);
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    return {
      url: `postgresql://postgres@${host}:${port}/postgres`,
      close: async () => {
        await server.stop();
        await db.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function createFromTemplate(dbPath: string, logger?: Logger): Promise<void> {
  const template = await ensurePgliteTemplate({ log: (line) => logger?.info(line) });
  if (!template) return;
  const started = performance.now();
  seedFromTemplate(template, dbPath);
  logger?.info(`new database: copied the PGlite template into ${dbPath} (${elapsed(started)})`);
}
