import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError, acquireDirLock } from '../src/db/dir-lock.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
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
