import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { startLoopbackProvider, type LoopbackProvider } from '../support/loopback-provider.js';
import { sql } from '../support/pipeline.js';
import { spawnWorker } from '../support/worker-process.js';

const url = process.env.TEST_DATABASE_URL;

/** 1,000 reminders for 50 users, all due a second ago (database time: the workers use the wall clock). */
async function seedDueReminders(n = 1000): Promise<void> {
  await sql(`insert into users (phone_number, timezone) select '+1555100' || lpad(g::text, 4, '0'), 'America/New_York' from generate_series(1, 50) g`);
  await sql(`insert into reminders (user_id, text, due_at, timezone)
             select (select min(id) from users) + (g % 50), 'R' || g, now() - interval '1 second', 'America/New_York' from generate_series(1, $1) g`, [n]);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Separate processes need a server both can reach: these run on the real PostgreSQL only (CI sets TEST_DATABASE_URL).
(url ? describe : describe.skip)('scheduler on PostgreSQL: separate processes', function () {
  this.timeout(60_000);
  let provider: LoopbackProvider | undefined;
  beforeEach(resetDb);
  afterEach(async () => provider?.close());

  it('two scheduler processes on one database deliver 1,000 reminders due at once exactly once', async () => {
    await seedDueReminders();
    provider = await startLoopbackProvider({ delayMs: 3 });
    const env = { DATABASE_URL: url!, PROVIDER_URL: provider.url, JOB_BATCH: '100', DISPATCH_BATCH: '50' };
    const workers = [spawnWorker(env), spawnWorker(env)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const [a, b] = await Promise.all([workers[0]!.result, workers[1]!.result]);
    expect(provider.stats()).to.deep.equal({ total: 1000, distinct: 1000, duplicates: 0 });
    expect(a.claimed + b.claimed).to.equal(1000);
    expect(a.sent + b.sent).to.equal(1000);
    expect(a.sent, 'both processes sent').to.be.greaterThan(0);
    expect(b.sent, 'both processes sent').to.be.greaterThan(0);
    expect(await sql(`select status, count(*)::int as n from outbound_messages group by status`)).to.deep.equal([{ status: 'sent', n: 1000 }]);
    expect(await sql(`select id from reminders where status <> 'sent'`)).to.have.length(0);
  });

  it('after kill -9 of a worker mid-batch, a restart delivers every occurrence; duplicates only for rows it had in flight', async () => {
    await seedDueReminders();
    provider = await startLoopbackProvider({ delayMs: 15 });
    const env = { DATABASE_URL: url!, PROVIDER_URL: provider.url, LEASE_MS: '60000', DISPATCH_BATCH: '100', CONCURRENCY: '16' };
    const first = spawnWorker(env);
    await first.ready;
    first.go();
    await waitFor(() => provider!.stats().total >= 300, 30_000);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // Usually some rows are mid-send at the kill; if the kill fell between batches there are none, and then no
    // duplicate is allowed at all (the assertions below cover both cases).
    const inFlight = await sql<{ body: string }>(`select body from outbound_messages where status = 'sending'`);

    // The restart's clock is past the dead worker's lease (no sleeping for it).
    const second = spawnWorker({ ...env, CLOCK_OFFSET_MS: '61000' });
    await second.ready;
    second.go();
    await second.result;
    const stats = provider.stats();
    expect(stats.distinct).to.equal(1000);
    const duplicated = [...provider.counts.entries()].filter(([, n]) => n > 1).map(([text]) => text);
    const inFlightBodies = new Set(inFlight.map((r) => r.body));
    expect(duplicated.every((text) => inFlightBodies.has(text)), 'a duplicate is always a row in flight at the kill').to.equal(true);
    // Accepts are recorded in groups of `concurrency` (16); the hard bound is the batch the worker had claimed.
    expect(stats.duplicates).to.be.at.most(100);
    expect(await sql(`select status, count(*)::int as n from outbound_messages group by status`)).to.deep.equal([{ status: 'sent', n: 1000 }]);
  });
});
