import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cmdline, cpuMs, descendants, freePort, load1, reapedChildrenCpuMs, statusKb } from './proc.js';
import { machineBusy } from './cpu.js';

/** One line the process printed, with the milliseconds since the command was spawned. */
export interface TimedLine {
  ms: number;
  line: string;
}

export interface StartSample {
  /** From spawning `npm start` to the first 200 from GET /readyz (polled every 50 ms). */
  readyMs: number;
  /** The server's node process (not npm's, not the shell's): VmHWM and VmRSS when /readyz first answered. */
  peakRssMb: number;
  rssMb: number;
  /** Until npm printed the script's command line: npm's own start, before node runs the server. */
  npmMs: number | null;
  /** CPU time (user + system, all its threads) the server's node process had used when /readyz first answered. */
  serverCpuMs: number;
  /** The part of it on the main thread (JavaScript, module loading, PGlite's WASM); the rest is GC and compiler threads. */
  mainThreadCpuMs: number;
  /** 1-minute load average when the start began and when it was ready; busy share of all cores meanwhile. */
  load: [number, number];
  machineBusyPct: number;
  lines: TimedLine[];
}

export interface CommandSample {
  /** From spawning the command to its exit. */
  exitMs: number;
  /** From spawning it to the first stdout line that is a JSON object (the CLI's reply or error). */
  firstJsonMs: number | null;
  /** CPU time of npm and everything it ran (the CLI's node process included), user + system. */
  cpuMs: number;
  code: number | null;
  firstJson: unknown;
  load: [number, number];
  machineBusyPct: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns `command`, stamping each output line with its time since spawn. */
function spawnTimed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: TimedLine[] = [];
  const stdoutLines: TimedLine[] = [];
  for (const [stream, sinks] of [[child.stdout, [lines, stdoutLines]], [child.stderr, [lines]]] as const) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const ms = performance.now() - started;
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      for (const line of parts) for (const sink of sinks) sink.push({ ms, line: line.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  }
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) =>
    child.once('close', (code) => resolve({ code, ms: performance.now() - started })),
  );
  return { child, started, lines, stdoutLines, exited };
}

/**
 * `npm start` in `cwd` with its own port and data directory, until /readyz answers 200; then SIGTERM to the server
 * and a wait for a clean exit (the embedded database is closed before the next start opens it).
 */
export async function timedStart(cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<StartSample> {
  const port = await freePort();
  const loadBefore = load1();
  const busy = machineBusy();
  const run = spawnTimed('npm', ['start'], cwd, { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let gone = false;
  void run.exited.then(() => (gone = true));
  let readyMs: number | null = null;
  while (readyMs === null) {
    if (gone) throw new Error(`npm start exited before it was ready:\n${tail(run.lines)}`);
    if (performance.now() - run.started > timeoutMs) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) readyMs = performance.now() - run.started;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (readyMs === null) await sleep(50);
  }
  const server = descendants(run.child.pid!).find((pid) => isNode(pid) && cmdline(pid).includes('scripts/run.mjs'));
  const sample = {
    peakRssMb: server ? statusKb(server, 'VmHWM') / 1024 : NaN,
    rssMb: server ? statusKb(server, 'VmRSS') / 1024 : NaN,
    serverCpuMs: server ? cpuMs(server) : NaN,
    mainThreadCpuMs: server ? cpuMs(server, server) : NaN,
    load: [loadBefore, load1()] as [number, number],
    machineBusyPct: busy(),
  };
  await stop(run.child.pid!, server, run.exited);
  if (readyMs === null) throw new Error(`not ready within ${timeoutMs} ms:\n${tail(run.lines)}`);
  if (!server) throw new Error(`found no server process under npm (pid ${run.child.pid})`);
  const npmMs = run.lines.find((l) => l.line.startsWith('> node '))?.ms ?? null;
  return { readyMs, npmMs, ...sample, lines: run.lines };
}

async function stop(npmPid: number, server: number | undefined, exited: Promise<unknown>): Promise<void> {
  try {
    process.kill(server ?? -npmPid, 'SIGTERM');
  } catch {
    // already gone
  }
  const killer = setTimeout(() => {
    try {
      process.kill(-npmPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 30_000);
  await exited;
  clearTimeout(killer);
}

/** `npm <args>` to its exit, noting when its first JSON line appeared on stdout. */
export async function timedCommand(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<CommandSample> {
  const loadBefore = load1();
  const busy = machineBusy();
  const cpuBefore = reapedChildrenCpuMs();
  const run = spawnTimed('npm', args, cwd, env);
  const { code, ms } = await run.exited;
  const cpu = reapedChildrenCpuMs() - cpuBefore;
  const first = run.stdoutLines.find(({ line }) => line.trimStart().startsWith('{'));
  return {
    exitMs: ms,
    firstJsonMs: first?.ms ?? null,
    cpuMs: cpu,
    code,
    firstJson: first ? JSON.parse(first.line) : null,
    load: [loadBefore, load1()],
    machineBusyPct: busy(),
  };
}

/** The node process itself, not the shell npm runs the script line with (whose command line names the script too). */
function isNode(pid: number): boolean {
  try {
    return path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).startsWith('node');
  } catch {
    return false;
  }
}

function tail(lines: TimedLine[]): string {
  return lines.slice(-20).map((l) => l.line).join('\n');
}
