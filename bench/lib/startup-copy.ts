import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PreparedCopy {
  dir: string;
  /** Files copied from the checkout (tracked and untracked, not ignored). */
  files: number;
  /** How node_modules was made: hard links to this checkout's packages plus `npm run prepare`, or a real `npm ci`. */
  install: 'hardlink+prepare' | 'npm ci';
  /** Wall time of `npm run prepare` (build dist/, initdb the PGlite template) or of the whole `npm ci`. */
  installMs: number;
}

/** npm without the network chatter a newcomer's first run may or may not have: no update check, audit or funding. */
export const quietNpmEnv = { npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };

/**
 * A fresh copy of this checkout as a clone after `npm ci` has it: the working tree's files (so uncommitted edits
 * are measured too), no dist/, no data/, and a node_modules without .cache (no PGlite template, no build).
 * node_modules is hard-linked from this checkout (same files, no network, seconds) and then `npm run prepare`
 * runs as `npm ci` would run it; `npmCi` runs a real `npm ci` instead. Nothing in `root` is written.
 */
export function prepareCopy(root: string, opts: { npmCi?: boolean; env: NodeJS.ProcessEnv }): PreparedCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-bench-startup-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  const files = listed.split('\0').filter((f) => f && fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).isFile());
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  const started = performance.now();
  if (opts.npmCi) {
    run('npm', ['ci'], dir, opts.env);
  } else {
    linkNodeModules(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    run('npm', ['run', 'prepare'], dir, opts.env);
  }
  return { dir, files: files.length, install: opts.npmCi ? 'npm ci' : 'hardlink+prepare', installMs: performance.now() - started };
}

function linkNodeModules(from: string, to: string): void {
  if (!fs.existsSync(from)) throw new Error(`${from} does not exist: run npm ci in the checkout first (or pass --npm-ci)`);
  let linked = spawnSync('cp', ['-al', from, to], { stdio: 'inherit' });
  // Hard links need one file system; across two, a plain copy does (slower, same result).
  if (linked.status !== 0) {
    fs.rmSync(to, { recursive: true, force: true });
    linked = spawnSync('cp', ['-a', from, to], { stdio: 'inherit' });
  }
  if (linked.status !== 0) throw new Error(`could not copy ${from}`);
  // What the first `npm start` of a clone does not have yet: the build stamp's caches and the PGlite template.
  fs.rmSync(path.join(to, '.cache'), { recursive: true, force: true });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const done = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${done.stderr}`);
}
