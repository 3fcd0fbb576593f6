import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import { keepAliveAgent } from '../lib/load.js';
import { webhookStream } from '../lib/messages.js';
import { freePort, startServer, type BenchServer } from '../lib/server.js';
import { ERRAND_DB, flag, freshDatabase, sleep, writeResult } from '../lib/setup.js';
import { deliverPaced, runFault, tally, tallyLine, TALLY_HEADER, verdict, waitForReplies } from './harness.js';

const log = (s: string) => console.error(s);

/**
 * The server process SIGKILLed in the middle of a steady load, then started again on the same port:
 * Twilio retries the webhooks that got no answer, and every acknowledged message gets its reply exactly
 * once (inline, or through the outbox after the recovery job finds it stored but unanswered).
 */
async function main(): Promise<void> {
  const rate = flag('rate', 50);
  const seconds = flag('seconds', 20);
  const killAt = flag('kill-at', 6);
  await freshDatabase(ERRAND_DB);
  const twilio = await startFakeTwilio();
  const port = await freePort();
  const env = { SCHEDULER_CRON: '*/2 * * * * *' };
  const start = (name: string) => startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name, env, port });
  let server: BenchServer = await start('fault-sigkill-1');
  const url = server.url;
  try {
    const agent = keepAliveAgent(256);
    const next = webhookStream({ seed: 13 });
    let downMs = 0;
    const crash = sleep(killAt * 1000).then(async () => {
      log(`SIGKILL to the server (pid ${server.pid}) at t=${killAt}s`);
      const killed = Date.now();
      await server.kill();
      server = await start('fault-sigkill-2');
      downMs = Date.now() - killed;
      log(`server answering again after ${downMs} ms`);
    });
    log(`load: ${rate} webhooks/s for ${seconds}s`);
    const load = deliverPaced(() => url, next, rate, seconds, agent);
    await crash;
    const done = await load;
    agent.destroy();
    // A reply claimed by the killed process stays 'sending' until its 5-minute lease ends, then is sent again.
    log('waiting for replies still owed (stranded messages are recovered after 2 min, claimed outbox rows after their 5-min lease)');
    await waitForReplies(ERRAND_DB, done, flag('wait', 420) * 1000, log);
    const t = await tally(ERRAND_DB, done, twilio);
    const result = { rate, seconds, killAt, downMs, tally: t };
    writeResult('fault-sigkill', result);
    console.log(`${TALLY_HEADER}\n${tallyLine('SIGKILL + restart', t)}`);
    console.log(JSON.stringify({ ...result, tally: { ...t, lostSids: t.lostSids.slice(0, 5), duplicatedSids: t.duplicatedSids.slice(0, 5) } }, null, 2));
    const ok = t.lost === 0 && t.duplicated === 0;
    verdict(ok);
  } finally {
    await server.stop();
    await twilio.close();
  }
}

runFault(main);
