import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { keepAliveAgent } from '../lib/load.js';
import { webhookStream } from '../lib/messages.js';
import { startServer } from '../lib/server.js';
import { flag, freshDatabase, hasFlag, sleep, writeResult } from '../lib/setup.js';
import { deliverPaced, runFault, tally, tallyLine, TALLY_HEADER, verdict, waitForReplies } from './harness.js';
import { openCluster } from './pg-cluster.js';

const log = (s: string) => console.error(s);

/**
 * PostgreSQL restarted in the middle of a steady load: webhooks during the outage must get 503 (Twilio
 * retries them with the #rc= override), /readyz must say so, the service must reconnect by itself, and
 * every accepted message must be answered exactly once.
 */
async function main(): Promise<void> {
  const rate = flag('rate', 50);
  const seconds = flag('seconds', 20);
  const restartAt = flag('restart-at', 6);
  const cluster = await openCluster({ shared: hasFlag('cluster=main'), database: hasFlag('cluster=main') ? 'bench_errand' : 'errand_fault' });
  const bail = () => void cluster.ensureUp().finally(() => process.exit(1));
  process.once('SIGINT', bail);
  process.once('SIGTERM', bail);
  const twilio = await startFakeTwilio();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await freshDatabase(cluster.url);
    server = await startServer({ databaseUrl: cluster.url, twilioApiUrl: twilio.url, name: 'fault-pg-restart', env: { SCHEDULER_CRON: '*/2 * * * * *' } });
    const url = server.url;
    const readyz: { at: number; status: number }[] = [];
    let probing = true;
    const t0 = Date.now();
    const probe = (async () => {
      while (probing) {
        const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
        readyz.push({ at: Date.now() - t0, status });
        await sleep(100);
      }
    })();
    const agent = keepAliveAgent(256);
    const next = webhookStream({ seed: 11 });
    let restartMs = 0;
    const restart = sleep(restartAt * 1000).then(async () => {
      log(`restarting PostgreSQL cluster ${cluster.name} at t=${restartAt}s`);
      restartMs = await cluster.restart();
      log(`PostgreSQL answered pg_isready again after ${restartMs} ms`);
    });
    log(`load: ${rate} webhooks/s for ${seconds}s`);
    const load = deliverPaced(() => url, next, rate, seconds, agent);
    await restart;
    const done = await load;
    probing = false;
    await probe;
    agent.destroy();
    log('waiting for replies still owed through the outbox (a message stored but unanswered is recovered after 2 min)');
    await waitForReplies(cluster.url, done, flag('wait', 200) * 1000, log);
    const t = await tally(cluster.url, done, twilio);
    const outage = readyz.filter((r) => r.status !== 200);
    const afterRestart = await fetch(`${url}/readyz`).then((r) => r.status);
    const result = {
      cluster: cluster.name,
      rate,
      seconds,
      restartMs,
      readyz: { probes: readyz.length, notReady: outage.length, firstNotReadyAt: outage[0]?.at, lastNotReadyAt: outage[outage.length - 1]?.at, afterRestart },
      tally: t,
    };
    writeResult('fault-pg-restart', result);
    console.log(`${TALLY_HEADER}\n${tallyLine('PostgreSQL restart', t)}`);
    console.log(JSON.stringify({ ...result, tally: { ...t, lostSids: t.lostSids.slice(0, 5), duplicatedSids: t.duplicatedSids.slice(0, 5) } }, null, 2));
    const ok = t.lost === 0 && t.duplicated === 0 && outage.length > 0 && afterRestart === 200 && (t.statuses['500'] ?? 0) === 0;
    verdict(ok);
  } finally {
    await server?.stop();
    await twilio.close();
    await cluster.cleanup();
  }
}

runFault(main);
