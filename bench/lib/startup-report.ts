import fs from 'node:fs';
import path from 'node:path';
import { median } from './proc.js';
import type { CommandSample, StartSample } from './startup-runs.js';

export interface StartupRuns {
  cold: StartSample;
  warm: StartSample[];
  usage: CommandSample[];
  send: CommandSample[];
}

export interface Targets {
  warmMs: number;
  coldMs: number;
  peakRssMb: number;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const round = Math.round;
const loads = (samples: { load: [number, number] }[]) => {
  const all = samples.flatMap((s) => s.load);
  return `${Math.min(...all).toFixed(1)}–${Math.max(...all).toFixed(1)}`;
};

/** The figures of one run, each with the load it was measured at, and which targets they meet. */
export function summarize({ cold, warm, usage, send }: StartupRuns, targets: Targets) {
  const peakRssMb = Math.max(cold.peakRssMb, ...warm.map((s) => s.peakRssMb));
  const warmMs = median(warm.map((s) => s.readyMs));
  return {
    at: new Date().toISOString(),
    targets,
    met: { cold: cold.readyMs <= targets.coldMs, warm: warmMs <= targets.warmMs, peakRss: peakRssMb <= targets.peakRssMb },
    cold: {
      readyMs: round(cold.readyMs),
      npmMs: cold.npmMs && round(cold.npmMs),
      serverCpuMs: cold.serverCpuMs,
      mainThreadCpuMs: cold.mainThreadCpuMs,
      peakRssMb: round(cold.peakRssMb),
      load: loads([cold]),
    },
    warm: {
      medianMs: round(warmMs),
      readyMs: warm.map((s) => round(s.readyMs)),
      medianNpmMs: round(median(warm.map((s) => s.npmMs ?? NaN))),
      medianServerCpuMs: median(warm.map((s) => s.serverCpuMs)),
      medianMainThreadCpuMs: median(warm.map((s) => s.mainThreadCpuMs)),
      peakRssMb: round(Math.max(...warm.map((s) => s.peakRssMb))),
      load: loads(warm),
    },
    peakRssMb: round(peakRssMb),
    cliUsage: { medianMs: round(median(usage.map((u) => u.exitMs))), medianCpuMs: median(usage.map((u) => u.cpuMs)), load: loads(usage) },
    cliSend: {
      medianFirstReplyMs: round(median(send.map((s) => s.firstJsonMs!))),
      medianExitMs: round(median(send.map((s) => s.exitMs))),
      medianCpuMs: median(send.map((s) => s.cpuMs)),
      load: loads(send),
    },
    samples: { cold, warm, usage, send },
  };
}

export type StartupSummary = ReturnType<typeof summarize>;

export function printReport(r: StartupSummary, runs: StartupRuns): void {
  const target = (met: boolean, limit: string) => `≤ ${limit}: ${met ? 'met' : 'missed'}`;
  const rows = [
    ['cold start → /readyz 200', seconds(r.cold.readyMs), seconds(r.cold.serverCpuMs), `${r.cold.peakRssMb} MB`, r.cold.load,
      target(r.met.cold, seconds(r.targets.coldMs))],
    [`warm start → /readyz 200 (median of ${r.warm.readyMs.length})`,
      `${seconds(r.warm.medianMs)} (${r.warm.readyMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')})`,
      seconds(r.warm.medianServerCpuMs), `${r.warm.peakRssMb} MB`, r.warm.load, target(r.met.warm, seconds(r.targets.warmMs))],
    [`cli --bogus → exit 2 (median of ${runs.usage.length})`, seconds(r.cliUsage.medianMs), seconds(r.cliUsage.medianCpuMs), '—',
      r.cliUsage.load, ''],
    [`cli send → first reply (median of ${runs.send.length})`,
      `${seconds(r.cliSend.medianFirstReplyMs)} (exit ${seconds(r.cliSend.medianExitMs)})`, seconds(r.cliSend.medianCpuMs), '—',
      r.cliSend.load, ''],
  ];
  console.log('\n| figure | wall time | CPU | peak RSS | load avg (1 min) | target |\n|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log("\nCPU: the server's node process until ready (starts); npm and all it ran, to exit (cli).");
  const main = `${seconds(r.cold.mainThreadCpuMs)} cold, ${seconds(r.warm.medianMainThreadCpuMs)} warm`;
  console.log(`of which the server's main thread: ${main}`);
  const npm = `${seconds(r.cold.npmMs ?? NaN)} cold, ${seconds(r.warm.medianNpmMs)} warm`;
  console.log(`npm's own start (until it printed the script line): ${npm}`);
  console.log(`peak RSS (VmHWM) over all starts: ${r.peakRssMb} MB (${target(r.met.peakRss, `${r.targets.peakRssMb} MB`)})`);
  const warmMid = [...runs.warm].sort((a, b) => a.readyMs - b.readyMs)[runs.warm.length >> 1]!;
  console.log(`\ncold start's lines:\n${stages(runs.cold)}\n\nmedian warm start's lines:\n${stages(warmMid)}`);
}

function stages(sample: StartSample): string {
  return sample.lines.filter((l) => l.line.trim()).map((l) => `  +${seconds(l.ms)}  ${l.line.slice(0, 150)}`).join('\n');
}

/** .bench/startup-<time>.json and .bench/startup-latest.json in the checkout (git-ignored). */
export function writeResult(root: string, result: { at: string } & Record<string, unknown>): string {
  const outDir = path.join(root, '.bench');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `startup-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(outDir, 'startup-latest.json'), JSON.stringify(result, null, 2));
  return file;
}
