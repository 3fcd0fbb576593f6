import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an entry point (src/cli/main.ts, src/chat.ts) as its own Node process until it exits.
 * A small pool: the test database's embedded server accepts only a few connections.
 */
export interface RunOptions {
  DATABASE_URL?: string;
  stdin?: string;
  /** Closes the process's stdout after its first line, like `| head -1`. */
  firstLineOnly?: boolean;
}

export function runCli(script: string, args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', DATA_DIR: 'memory://', DB_POOL_MAX: '2', SCHEDULER_ENABLED: 'false' };
  // The test database is migrated already.
  if (opts.DATABASE_URL) Object.assign(env, { DATABASE_URL: opts.DATABASE_URL, MIGRATE_ON_START: 'false' });
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (opts.firstLineOnly && stdout.includes('\n')) child.stdout.destroy();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(opts.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
