import { startLoopbackProvider } from '../test/support/loopback-provider.js';

/** The bench's SMS provider in its own process: prints its URL, counts what it accepts (GET / for stats). */
const provider = await startLoopbackProvider({ delayMs: Number(process.env.PROVIDER_DELAY_MS ?? 0) });
process.stdout.write(`${provider.url}\n`);
process.on('SIGTERM', () => void provider.close().then(() => process.exit(0)));
