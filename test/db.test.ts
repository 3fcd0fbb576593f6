import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError, acquireDirLock } from '../src/db/dir-lock.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { keepExtendedQueriesTogether } from '../src/db/pglite-queue.js';
import { sql } from './support/pipeline.js';

describe('database', () => {
  it('migrations create every core table', async () => {
    const rows = await sql<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public'`);
    const tables = rows.map((r) => r.tablename);
    for (const t of ['users', 'user_channels', 'conversation_states', 'conversation_messages', 'agent_logs', 'outbound_messages']) {
      expect(tables).to.include(t);
    }
  });

  it('stores instants as timestamptz and checks message roles', async () => {
    const cols = await sql<{ data_type: string }>(`select data_type from information_schema.columns where table_name = 'conversation_messages' and column_name = 'timestamp'`);
    expect(cols[0]!.data_type).to.equal('timestamp with time zone');
    const checks = await sql<{ conname: string }>(`select conname from pg_constraint where conname = 'conversation_messages_role_check'`);
    expect(checks).to.have.length(1);
  });

  it('keeps each embedded connection\'s parameterised statement together up to its Sync', async () => {
    // pglite-socket serves every connection from one session; interleaved Parse/Bind of two connections break both.
    const processed: string[] = [];
    const item = (handlerId: number, type: string) => ({
      handlerId,
      message: new Uint8Array([type.charCodeAt(0)]),
      resolve: () => undefined,
      reject: () => undefined,
      onData: () => undefined,
    });
    const queue = {
      queue: [] as ReturnType<typeof item>[],
      processing: false,
      lastHandlerId: null as number | null,
      db: {
        isInTransaction: () => false,
        runExclusive: <T>(fn: () => Promise<T>) => fn(),
        execProtocolRawStream: async (message: Uint8Array) => processed.push(String.fromCharCode(message[0]!)),
      },
      processQueue: async () => undefined,
      clearQueueForHandler(handlerId: number) {
        this.queue = this.queue.filter((q) => q.handlerId !== handlerId);
      },
    };
    keepExtendedQueriesTogether(queue);
    const order = (ids: number[]) => processed.map((type, i) => `${ids[i]}${type}`).join(' ');
    queue.queue.push(item(1, 'P'), item(2, 'P'), item(2, 'B'), item(2, 'E'), item(2, 'S'), item(1, 'B'), item(1, 'E'), item(1, 'S'));
    const ids = [...queue.queue].sort((a, b) => a.handlerId - b.handlerId).map((q) => q.handlerId);
    await queue.processQueue();
    expect(order(ids)).to.equal('1P 1B 1E 1S 2P 2B 2E 2S');

    // A connection that goes away mid-batch does not hold the others up.
    processed.length = 0;
    queue.queue.push(item(3, 'P'), item(4, 'Q'));
    await queue.processQueue();
    expect(processed).to.deep.equal(['P']);
    queue.clearQueueForHandler(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(processed).to.deep.equal(['P', 'Q']);
  });

  it('keeps a second process out of an embedded data directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-lock-'));
    fs.writeFileSync(path.join(dir, 'errand.lock'), String(process.ppid));
    expect(() => acquireDirLock(dir)).to.throw(DataDirLockedError, /in use by another Errand process/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes over a stale lock left by a crashed process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-lock-'));
    fs.writeFileSync(path.join(dir, 'errand.lock'), '999999999');
    const lock = acquireDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'errand.lock'), 'utf8')).to.equal(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'errand.lock'))).to.equal(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('persists the embedded database on disk across restarts', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-data-'));
    const { default: pg } = await import('pg');
    const first = await startEmbeddedPostgres(dir, 2);
    let client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('create table kept (v text)');
    await client.query('insert into kept values ($1)', ['still here']);
    await client.end();
    await first.close();
    const second = await startEmbeddedPostgres(dir, 2);
    client = new pg.Client({ connectionString: second.url });
    await client.connect();
    const { rows } = await client.query('select v from kept');
    await client.end();
    await second.close();
    expect(rows).to.deep.equal([{ v: 'still here' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
