import pg from 'pg';
import { createConfig } from '../src/config.js';
import { initDb } from '../src/db/init-db.js';
import { LockMode } from '@mikro-orm/postgresql';
import { User } from '../src/entities/index.js';
import { round } from './lib/load.js';
import { ERRAND_DB, writeResult } from './lib/setup.js';

/**
 * What one statement costs in the server's CPU through each layer Errand uses: MikroORM entity calls,
 * the ORM connection's raw execute, and the bare `pg` driver. Sequential, one connection, after a warm-up.
 * Needs a migrated bench_errand with at least one user (run `npm run bench:inbound` first).
 */
async function main(): Promise<void> {
  const db = await initDb({ config: createConfig({ DATABASE_URL: ERRAND_DB, MIGRATE_ON_START: 'false', DB_POOL_MAX: '2' }) });
  const pool = new pg.Pool({ connectionString: ERRAND_DB, max: 2 });
  const [user] = (await pool.query('select id from users order by id limit 1')).rows as { id: number }[];
  if (!user) throw new Error('bench_errand has no users: run npm run bench:inbound first');
  const conn = db.orm.em.getConnection();
  const reused = db.orm.em.fork();
  const cases: [string, () => Promise<unknown>][] = [
    ['MikroORM em.fork() alone (no statement)', async () => db.orm.em.fork()],
    ['MikroORM findOne(User, id, { refresh }) on one reused fork', () => reused.findOne(User, user.id, { refresh: true })],
    ['MikroORM em.fork().createQueryBuilder(User).where({ id }).execute()', () => db.orm.em.fork().createQueryBuilder(User).where({ id: user.id }).execute()],
    ['MikroORM em.fork().findOne(User, id)', () => db.orm.em.fork().findOne(User, user.id)],
    ['MikroORM fork().transactional(findOne … for update)', () => db.orm.em.fork().transactional((tx) => tx.findOne(User, user.id, { lockMode: LockMode.PESSIMISTIC_WRITE }))],
    ['MikroORM connection.execute(raw select)', () => conn.execute('select * from users where id = ?', [user.id])],
    ['pg pool.query(raw select)', () => pool.query('select * from users where id = $1', [user.id])],
    ['pg begin + select for update + commit', async () => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        await c.query('select * from users where id = $1 for update', [user.id]);
        await c.query('commit');
      } finally {
        c.release();
      }
    }],
  ];
  const rows: { case: string; cpuUs: number; wallUs: number }[] = [];
  for (const [name, fn] of cases) {
    for (let i = 0; i < 200; i++) await fn();
    const n = 2000;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const c = process.cpuUsage(c0);
    rows.push({ case: name, cpuUs: round((c.user + c.system) / n, 0), wallUs: round(((performance.now() - t0) * 1000) / n, 0) });
  }
  await pool.end();
  await db.close();
  console.log('| statement through | client CPU per call | wall per call |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.case} | ${r.cpuUs} µs | ${r.wallUs} µs |`);
  writeResult('orm-overhead', rows);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
