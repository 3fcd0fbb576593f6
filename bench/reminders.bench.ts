import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import pg from 'pg';
import { initDb, type Database } from '../src/db/init-db.js';
import { createLogger } from '../src/logger.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import type { JobContext } from '../src/scheduler/types.js';
import { createDueRemindersJob } from '../src/tools/reminder/reminder.job.js';
import { loopbackChannel, type ProviderStats } from '../test/support/loopback-provider.js';
import { postgresCpuSeconds } from './db-cpu.js';
import { explainClaimsAtScale } from './reminders-explain.js';

/**
 * 100,000 reminders due in the same minute → outbox → a fake SMS provider on loopback (another process),
 * on the real PostgreSQL server; then EXPLAIN of the claims with 1M stored reminders and events.
 *   npm run bench:reminders [-- --reminders 100000 --users 20000 --skip-explain]
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_sched) is wiped; it is created when missing.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_sched';
const REMINDERS = arg('reminders', 100_000);
const USERS = arg('users', 20_000);

/** The service's defaults unless DISPATCH_BATCH / CONCURRENCY say otherwise. */
function dispatchTuning(): { batchSize?: number; concurrency?: number } {
  return { batchSize: Number(process.env.DISPATCH_BATCH) || undefined, concurrency: Number(process.env.CONCURRENCY) || undefined };
}

async function ensureDatabase(): Promise<void> {
  const target = new URL(URL_);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(URL_), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const name = target.pathname.slice(1);
  const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!found.rowCount) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  const db = new pg.Client({ connectionString: URL_ });
  await db.connect();
  await db.query('drop schema if exists public cascade; create schema public;');
  await db.end();
}

/** USERS users with an SMS channel; REMINDERS reminders due within the current minute, one in ten recurring daily. */
async function seed(db: Database, minute: Date): Promise<void> {
  const sql = (q: string, p: unknown[] = []) => db.orm.em.getConnection().execute(q, p);
  await sql(`insert into users (phone_number, timezone) select '+1555' || lpad(g::text, 7, '0'), 'America/New_York' from generate_series(1, ?) g`, [USERS]);
  await sql(`insert into user_channels (user_id, channel, external_id) select id, 'sms', phone_number from users`);
  await sql(
    `insert into reminders (user_id, text, due_at, rrule, timezone)
     select 1 + (g % ?), 'Bench reminder ' || g, ?::timestamptz + (g % 60) * interval '1 second',
            case when g % 10 = 0 then 'DTSTART;TZID=America/New_York:20261101T' || to_char(?::timestamptz at time zone 'America/New_York', 'HH24MI') || '00' || chr(10) || 'RRULE:FREQ=DAILY' end,
            'America/New_York'
       from generate_series(1, ?) g`,
    [USERS, minute, minute, REMINDERS],
  );
  await sql('analyze');
}

async function startProvider(): Promise<{ url: string; stats(): Promise<ProviderStats>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fake-provider.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  return {
    url,
    stats: async () => (await (await fetch(url)).json()) as ProviderStats,
    stop: () => child.kill('SIGTERM'),
  };
}

async function deliver(db: Database, providerUrl: string, stats: () => Promise<ProviderStats>) {
  const logger = createLogger({ level: 'error', silent: true });
  const clock = { now: () => new Date() };
  const channel = loopbackChannel('sms', providerUrl);
  const dispatcher = createDispatcher({ orm: db.orm, channels: [channel], clock, logger, maxAttempts: 6, ...dispatchTuning() });
  const job = createDueRemindersJob();
  let enqueuedMs = 0;
  // Times the hand-over to the outbox (the job) apart from the delivery that follows it in the same tick.
  const timed = { name: job.name, run: async (ctx: JobContext) => {
    const n = await job.run(ctx);
    if (!enqueuedMs) enqueuedMs = performance.now() - started;
    return n;
  } };
  const scheduler = createScheduler({ orm: db.orm, jobs: [timed], dispatcher, clock, logger, cronExpression: '* * * * *', catchupHorizonHours: 12 });
  const cpuBefore = postgresCpuSeconds();
  const started = performance.now();
  for (;;) {
    const report = await scheduler.tick();
    if (!report.jobs['due-reminders'] && !report.delivery.sent && !report.delivery.retried) break;
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = postgresCpuSeconds();
  channel.close();
  const provider = await stats();
  return {
    enqueueSeconds: Number((enqueuedMs / 1000).toFixed(2)),
    handedOverSeconds: Number(elapsed.toFixed(2)),
    perSecond: Math.round(provider.total / elapsed),
    databaseCpuSeconds: cpuBefore === null || cpuAfter === null ? null : Number((cpuAfter - cpuBefore).toFixed(1)),
    provider,
  };
}

async function main(): Promise<void> {
  await ensureDatabase();
  const db = await initDb({ config: { databaseUrl: URL_, dataDir: 'memory://', dbPoolMax: 10, migrateOnStart: true } });
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
  const seedStart = performance.now();
  await seed(db, minute);
  const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));
  const provider = await startProvider();
  try {
    const run = await deliver(db, provider.url, provider.stats);
    const sent: { n: number }[] = await db.orm.em.getConnection().execute(`select count(distinct (source_id, occurrence_at))::int as n from outbound_messages where status = 'sent'`);
    const result = {
      reminders: REMINDERS,
      users: USERS,
      seedSeconds,
      ...run,
      duplicates: run.provider.duplicates,
      missing: REMINDERS - run.provider.distinct,
      sentRows: sent[0]?.n,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!process.argv.includes('--skip-explain')) process.stdout.write(await explainClaimsAtScale(db, URL_));
  } finally {
    provider.stop();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
