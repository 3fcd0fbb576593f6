import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { machine } from './lib/cpu.js';
import { load1 } from './lib/proc.js';
import { prepareCopy, quietNpmEnv } from './lib/startup-copy.js';
import { printReport, seconds, summarize, writeResult } from './lib/startup-report.js';
import { timedCommand, timedStart, type CommandSample, type StartSample } from './lib/startup-runs.js';

/**
 * `npm run bench:startup`: start-up as a newcomer meets it (issue 12, item 9), on a fresh copy of this checkout
 * that the bench prepares in a temporary directory (see startup-copy.ts), with the embedded database and default
 * settings but its own ports and data directories. This checkout's ./data, dist/ and caches are never touched.
 *
 *   cold   the copy's first `npm start`, on a new data directory (seeded from the template `npm ci` made)
 *   warm   `npm start` again on that data directory, --warm=5 times (median)
 *   cli    `npm run cli -- --bogus` (a usage error, exit 2) and `npm run cli -- send --from … TEXT` (first reply)
 *
 * Each figure carries the 1-minute load average before and after it: on a shared machine they move with the load.
 * --npm-ci prepares the copy with a real `npm ci` instead of hard links plus `npm run prepare`; --keep keeps it.
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const WARM = arg('warm', 5);
const CLI_RUNS = arg('cli', 3);
const TARGETS = { warmMs: 3_000, coldMs: 10_000, peakRssMb: 250 };
const PHONE = '+15555550123';

const root = path.resolve(import.meta.dirname, '..');
const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...quietNpmEnv };

console.error(`preparing a fresh copy of ${root} (load ${load1()})…`);
const copy = prepareCopy(root, { npmCi: process.argv.includes('--npm-ci'), env: baseEnv });
console.error(`  ${copy.dir}: ${copy.files} files, ${copy.install} in ${seconds(copy.installMs)}`);
const dataDir = path.join(copy.dir, 'data');
const appEnv = { ...baseEnv, DATA_DIR: dataDir };

try {
  console.error('cold start…');
  const cold = await timedStart(copy.dir, appEnv);
  const warm: StartSample[] = [];
  for (let i = 0; i < WARM; i++) {
    console.error(`warm start ${i + 1}/${WARM}…`);
    warm.push(await timedStart(copy.dir, appEnv));
  }
  const usage: CommandSample[] = [];
  const send: CommandSample[] = [];
  const missing = path.join(copy.dir, 'no-such-data');
  for (let i = 0; i < CLI_RUNS; i++) {
    console.error(`cli ${i + 1}/${CLI_RUNS}…`);
    usage.push(await timedCommand(copy.dir, ['run', 'cli', '--', '--bogus'], { ...baseEnv, DATA_DIR: missing }));
    send.push(await timedCommand(copy.dir, ['run', 'cli', '--', 'send', '--from', PHONE, `add milk ${i + 1}`], appEnv));
  }
  checkCli(usage, send, missing);
  const result = summarize({ cold, warm, usage, send }, TARGETS);
  printReport(result, { cold, warm, usage, send });
  const prepared = { install: copy.install, installMs: Math.round(copy.installMs), files: copy.files };
  const file = writeResult(root, { ...result, ...meta(), copy: prepared });
  console.log(`\nwrote ${path.relative(root, file)}`);
} finally {
  if (process.argv.includes('--keep')) console.error(`kept ${copy.dir}`);
  else fs.rmSync(copy.dir, { recursive: true, force: true });
}

function checkCli(usage: CommandSample[], send: CommandSample[], missing: string): void {
  const badUsage = usage.find((u) => u.code !== 2);
  if (badUsage) throw new Error(`cli --bogus exited ${badUsage.code}, expected 2 (a usage error)`);
  if (fs.existsSync(missing)) throw new Error('cli --bogus created a data directory');
  const noReply = send.find((s) => s.code !== 0 || typeof (s.firstJson as { reply?: unknown } | null)?.reply !== 'string');
  if (noReply) throw new Error(`cli send gave no reply: exit ${noReply.code}, ${JSON.stringify(noReply.firstJson)}`);
}

function meta() {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  return { commit: git(['rev-parse', '--short', 'HEAD']), dirty: git(['status', '--porcelain']) !== '', machine: machine() };
}
