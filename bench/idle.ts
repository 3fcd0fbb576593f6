import { startFakeTwilio } from '../test/support/fake-twilio.js';
import { startServer } from './lib/server.js';
import { ERRAND_DB, flag, freshDatabase, sleep } from './lib/setup.js';

/**
 * Resident set of the idle server against the real PostgreSQL server: when /readyz first answers, and after
 * `--settle` seconds. `--node-flag=…` passes a flag to the server's node; `--hold` keeps it running (pid
 * printed) until Enter, to look at /proc/<pid>/smaps or send it signals.
 */
const settle = flag('settle', 5);
const nodeFlags = process.argv.filter((a) => a.startsWith('--node-flag=')).map((a) => a.slice('--node-flag='.length));
await freshDatabase(ERRAND_DB);
const twilio = await startFakeTwilio();
const server = await startServer({ databaseUrl: ERRAND_DB, twilioApiUrl: twilio.url, name: 'idle', nodeFlags });
const atReady = server.rssMb();
await sleep(settle * 1000);
console.log(JSON.stringify({ pid: server.pid, nodeFlags, rssAtReadyMb: Math.round(atReady), rssSettledMb: Math.round(server.rssMb()) }));
if (process.argv.includes('--hold')) await new Promise((resolve) => process.stdin.once('data', resolve));
await server.stop();
await twilio.close();
