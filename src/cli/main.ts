import { CLI_USAGE, parseCliArgs, UsageError } from './args.js';
import { isClosedOutput, jsonLine } from './output.js';

/**
 * Scriptable access to the same pipeline as the webhooks. stdout carries only JSON lines; logs go to stderr.
 * The commands and their output are in CLI_USAGE (src/cli/args.ts).
 */
async function main(argv: string[]): Promise<void> {
  const command = parseCliArgs(argv);
  if (command.name === 'help') return void process.stdout.write(CLI_USAGE);
  // Loaded only now: a mistyped command line is answered at once, before the ORM and the pipeline load.
  const { runCli } = await import('./run.js');
  await runCli(command);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (isClosedOutput(err)) return;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(err instanceof UsageError ? `${message}\n\n${CLI_USAGE}` : `${message}\n`);
  process.stdout.write(jsonLine({ error: message }));
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
