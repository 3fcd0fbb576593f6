import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import fs from 'node:fs';
import path from 'node:path';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { keepExtendedQueriesTogether } from './pglite-queue.js';

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite and serves it on a loopback port so the ordinary postgresql driver talks to it:
 * the app has one database code path whether it runs embedded or against a real server.
 * `dataDir` "memory://" keeps everything in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirLock | undefined;
  let dbPath = dataDir;
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
    dbPath = path.join(dataDir, 'pglite');
  }
  try {
    const db = await PGlite.create(inMemory ? undefined : dbPath);
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
