import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { sleep } from '../lib/setup.js';

export interface Cluster {
  name: string;
  port: number;
  url: string;
  /** `pg_ctlcluster --skip-systemctl-redirect 15 <name> restart`, then waits for pg_isready. */
  restart(): Promise<number>;
  /** Brings it up if it is down (used by every exit path). */
  ensureUp(): Promise<void>;
  cleanup(): Promise<void>;
}

const VERSION = '15';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
// The restart must not block the event loop: the load and the /readyz probe keep running through the outage.
const runAsync = promisify(execFile);

export async function waitReady(port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await runAsync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)], { timeout: 10_000 });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`PostgreSQL on port ${port} is not ready after ${timeoutMs} ms`);
}

/**
 * The PostgreSQL 15 cluster a fault run restarts. By default a throwaway cluster of its own on a spare port
 * (created here, dropped at the end), so restarting it cannot break anyone else's connections to `main`;
 * `--cluster=main` restarts the shared one instead (port 5432, database bench_errand).
 */
export async function openCluster(opts: { shared: boolean; name?: string; port?: number; database: string }): Promise<Cluster> {
  const name = opts.shared ? 'main' : (opts.name ?? 'errand_fault');
  const port = opts.shared ? 5432 : (opts.port ?? 5439);
  const owned = !opts.shared;
  if (owned) {
    const existing = run('pg_lsclusters', ['-h']).split('\n').some((l) => l.split(/\s+/)[1] === name);
    if (existing) dropCluster(name);
    run('pg_createcluster', [VERSION, name, '-p', String(port), '--', '--auth-local=trust', '--auth-host=trust']);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'start']);
    await waitReady(port);
    run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qc', `create database ${opts.database}`]);
  }
  const ensureUp = async () => {
    try {
      run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]);
    } catch {
      try {
        run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'start']);
      } catch {
        // already starting
      }
      await waitReady(port);
    }
  };
  return {
    name,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${opts.database}`,
    async restart() {
      const started = Date.now();
      try {
        await runAsync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'restart'], { timeout: 60_000 });
      } finally {
        await ensureUp();
      }
      return Date.now() - started;
    },
    ensureUp,
    async cleanup() {
      await ensureUp();
      if (owned) dropCluster(name);
    },
  };
}

function dropCluster(name: string): void {
  try {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'stop', '-m', 'immediate']);
  } catch {
    // not running
  }
  run('pg_dropcluster', [VERSION, name]);
}
