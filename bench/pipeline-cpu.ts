import { createConfig } from '../src/config.js';
import { createErrand } from '../src/errand.js';
import { createLogger } from '../src/logger.js';
import { round } from './lib/load.js';
import { textPicker } from './lib/messages.js';
import { ERRAND_DB, flag, freshDatabase, phones, sidFactory, writeResult } from './lib/setup.js';

/**
 * The pipeline alone, in-process: `handleInbound` for the benchmark mix from 1,000 senders at a fixed
 * concurrency, no HTTP. Reports this process's CPU per message (the figure the server's throughput is bound
 * by) and messages per second. Run with `node --cpu-prof --import tsx` to see where the CPU goes.
 */
async function main(): Promise<void> {
  const concurrency = flag('connections', 16);
  const total = flag('messages', 6000);
  await freshDatabase(ERRAND_DB);
  const config = createConfig({ DATABASE_URL: ERRAND_DB, SCHEDULER_ENABLED: 'false', MAX_MESSAGES_PER_SENDER_PER_MINUTE: '1000000', MIGRATE_ON_START: 'false' });
  const errand = await createErrand({ config, logger: createLogger({ silent: true }), channels: [] });
  const from = phones(1000);
  const only = process.argv.find((a) => a.startsWith('--text='))?.slice(7);
  const mixed = textPicker(42);
  const pick = only ? () => ({ text: only }) : mixed;
  const sid = sidFactory();
  let sent = 0;
  const send = async () => {
    const i = sent++;
    const result = await errand.handleInbound({ channel: 'sms', phone: from[i % from.length]!, text: pick().text, providerMessageId: sid(), receivedAt: new Date() });
    if (result.outcome !== 'replied') throw new Error(`message ${i}: ${result.outcome}`);
  };
  const run = async (n: number) => {
    const end = sent + n;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (sent < end) await send();
    }));
  };
  await run(Math.min(2000, total)); // every sender exists, the JIT is warm
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run(total);
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const result = { text: only ?? 'mix', messages: total, concurrency, perSecond: round(total / seconds), cpuMsPerMessage: round((cpu.user + cpu.system) / 1000 / total, 3) };
  console.log(JSON.stringify(result));
  writeResult('pipeline-cpu', result);
  await errand.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
