import fs from 'node:fs';
import os from 'node:os';

/** Whole-machine CPU counters (all cores) from /proc/stat, in jiffies. */
function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Starts measuring; the returned function gives the machine's busy share (0–100 %) since then. */
export function machineBusy(): () => number {
  const start = machineTicks();
  return () => {
    const end = machineTicks();
    return Math.round(((end.busy - start.busy) / Math.max(1, end.total - start.total)) * 1000) / 10;
  };
}

export function machine(): { cpus: number; model: string; memoryGb: number; node: string; platform: string } {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
}
