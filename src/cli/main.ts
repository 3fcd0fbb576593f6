import { parseCliArgs, UsageError } from './args.js';

/**
 * Scriptable access to the same pipeline as the webhooks. stdout carries only JSON lines; logs go to stderr.
 *   send --from +15551230001 [--at ISO] "text"   → {"reply": "..."}
 *   replay FILE.jsonl                            → one {"from","text","reply"} line per input line
 *   dump --from +15551230001                     → the user's stored rows
 */
async function main(argv: string[]): Promise<void> {
  const command = await parseCliArgs(argv);
  // Loaded only once the command line is known to be good: a mistyped one is answered at once, opening nothing.
  const [{ createConfig, loadDotEnv }, { createLogger }, { createErrand }, { runCliCommand }] = await Promise.all([
    import('../config.js'),
    import('../logger.js'),
    import('../errand.js'),
    import('./commands.js'),
  ]);
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  const errand = await createErrand({ config, logger, channels: [] });
  try {
    await runCliCommand(errand, command);
  } finally {
    await errand.stop();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message}\n`);
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
