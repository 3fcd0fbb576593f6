/**
 * One scheduler instance in its own process, for the multi-process tests and the bench:
 *   node --import tsx test/support/scheduler-worker.ts
 * Env: DATABASE_URL, PROVIDER_URL, CLOCK_OFFSET_MS (its clock runs ahead: a restart after a lease expired),
 * LEASE_MS, JOB_BATCH, DISPATCH_BATCH, CONCURRENCY. Prints "ready", waits for "go" on stdin, ticks until a
 * tick finds nothing to do, then prints one JSON line with what it did.
 */
import readline from 'node:readline';
import { initDb } from '../../src/db/init-db.js';
import { createLogger } from '../../src/logger.js';
import { createDispatcher } from '../../src/outbox/dispatcher.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { createDueRemindersJob } from '../../src/tools/reminder/reminder.job.js';
import { loopbackChannel } from './loopback-provider.js';

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

async function main(): Promise<void> {
  const offset = num('CLOCK_OFFSET_MS', 0);
  const clock = { now: () => new Date(Date.now() + offset) };
  const logger = createLogger({ level: 'error', silent: !env.WORKER_LOG });
  const db = await initDb({ config: { databaseUrl: env.DATABASE_URL, dataDir: 'memory://', dbPoolMax: num('POOL', 8), migrateOnStart: false } });
  const dispatcher = createDispatcher({
    orm: db.orm,
    channels: [loopbackChannel('sms', env.PROVIDER_URL!)],
    clock,
    logger,
    maxAttempts: 6,
    leaseMs: num('LEASE_MS', 5 * 60_000),
    batchSize: num('DISPATCH_BATCH', 200),
    concurrency: num('CONCURRENCY', 16),
  });
  const scheduler = createScheduler({
    orm: db.orm,
    jobs: [createDueRemindersJob({ batchSize: num('JOB_BATCH', 1000) })],
    dispatcher,
    clock,
    logger,
    cronExpression: '* * * * *',
    catchupHorizonHours: 12,
  });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once('line', () => resolve()));
  const done = { claimed: 0, sent: 0, retried: 0, dead: 0, ticks: 0 };
  for (;;) {
    const report = await scheduler.tick();
    done.ticks += 1;
    done.claimed += report.jobs['due-reminders'] ?? 0;
    done.sent += report.delivery.sent;
    done.retried += report.delivery.retried;
    done.dead += report.delivery.dead;
    if (!report.jobs['due-reminders'] && !report.delivery.sent && !report.delivery.retried && !report.delivery.dead) break;
  }
  process.stdout.write(`${JSON.stringify({ ...done, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  await db.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
