import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface WorkerReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  ticks: number;
  maxRssMb: number;
}

export interface WorkerProcess {
  child: ChildProcess;
  ready: Promise<void>;
  /** The worker's final JSON line; rejects when it exits without one. */
  result: Promise<WorkerReport>;
  go(): void;
}

/** Spawns test/support/scheduler-worker.ts as a separate Node process (its own pool, its own event loop). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/scheduler-worker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  let last = '';
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else last = line;
    });
    child.once('exit', () => reject(new Error(`worker exited before it was ready: ${stderr}`)));
  });
  const result = new Promise<WorkerReport>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0 && last) resolve(JSON.parse(last) as WorkerReport);
      else reject(new Error(`worker exited (${code ?? signal}): ${stderr}`));
    });
  });
  ready.catch(() => undefined);
  result.catch(() => undefined);
  return { child, ready, result, go: () => child.stdin!.write('go\n') };
}
