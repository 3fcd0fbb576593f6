import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './proc.js';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, OUT_DIR, PUBLIC_BASE_URL, sleep } from './setup.js';

export { freePort };

export interface ServerOptions {
  databaseUrl: string;
  twilioApiUrl: string;
  name: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  port?: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  port: number;
  logFile: string;
  /** Highest resident set size seen by the sampler (MB), and the kernel's own high-water mark. */
  peakRssMb(): number;
  rssMb(): number;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  resetPeak(): void;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<number | null>;
  /** SIGKILL, no shutdown at all. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}


/**
 * The real server (`src/main.ts`) in its own process: its event loop and heap are not shared with the
 * load generator, its RSS and CPU are its own, and it can be SIGKILLed or profiled like in production.
 */
export async function startServer(opts: ServerOptions): Promise<BenchServer> {
  const port = opts.port ?? (await freePort());
  const logFile = path.join(OUT_DIR, `server-${opts.name}.log`);
  const log = fs.openSync(logFile, 'a');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: opts.databaseUrl,
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: OUR_NUMBER,
    TWILIO_API_BASE_URL: opts.twilioApiUrl,
    TWILIO_VALIDATE_SIGNATURE: 'true',
    // 1,000 senders at up to ~1,000 messages/s is ~60 messages per sender per minute: above the default 20.
    MAX_MESSAGES_PER_SENDER_PER_MINUTE: '1000000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...opts.env,
  };
  const { flags, script } = startCommand();
  const child: ChildProcess = spawn(process.execPath, [...flags, ...(opts.nodeFlags ?? []), ...script], {
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readRss(child.pid!));
  }, 100);
  void exited.then(() => clearInterval(sampler));
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, exited, 60_000, logFile);
  return {
    url,
    port,
    pid: child.pid!,
    logFile,
    peakRssMb: () => Math.max(peak, readRss(child.pid!)) / 1024,
    rssMb: () => readRss(child.pid!) / 1024,
    cpuMs: () => readCpuMs(child.pid!),
    resetPeak: () => {
      peak = readRss(child.pid!);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}

/**
 * `npm start`'s command line (package.json), node flags included, so the bench measures what production runs;
 * node itself is this process's, with no npm in between. Flags given to startServer come after and win; the
 * script (and its arguments, such as the entry point scripts/run.mjs starts) come last.
 */
function startCommand(): { flags: string[]; script: string[] } {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (node !== 'node' || at === -1) throw new Error(`expected "node [flags] <script>" as the start script, got "${pkg.scripts.start}"`);
  return { flags: args.slice(0, at), script: args.slice(at) };
}

async function waitHealthy(url: string, exited: Promise<number | null>, timeoutMs: number, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited during start; see ${logFile}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server did not become ready within ${timeoutMs} ms; see ${logFile}`);
}

/** Resident set size in kB, from /proc (0 once the process is gone). */
function readRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function readCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return 0;
  }
}
