import { ConfigError, createConfig, loadDotEnv } from './config.js';
import { DataDirLockedError } from './db/dir-lock.js';
import { StartupError } from './startup-error.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: config.logLevel, json: config.nodeEnv === 'production' });
  // Said before the bulk of the code loads, so a start-up is never silent.
  logger.info(`starting Errand (node ${process.version}, pid ${process.pid})…`);
  const { createErrand } = await import('./errand.js');
  const errand = await createErrand({ config, logger });
  await errand.listen();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    const force = setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2_000);
    force.unref();
    errand.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof StartupError) console.error(err.message);
  else console.error('Errand failed to start:', err);
  process.exit(1);
});
