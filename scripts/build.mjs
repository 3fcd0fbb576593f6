// Compiles src/, migrations/ and mikro-orm.config.ts to dist/ (one .js per .ts, transpiled by esbuild: no type
// check, that is `npm run typecheck`), so `npm start`, the chat and the CLI run on plain node instead of
// transforming ~170 TypeScript files through tsx at every start. Plain JavaScript: it must run before anything
// is built. `node scripts/build.mjs` builds when dist/ is stale; `--force` always; `--pglite-template` also
// prepares the embedded database's template (src/db/pglite-template.ts), which `npm ci` does through `prepare`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const SOURCE_DIRS = ['src', 'migrations'];
const SOURCE_FILES = ['mikro-orm.config.ts', 'tsconfig.json', 'package.json', 'scripts/build.mjs'];

/** Files the running code reads beside its modules (the trained intent model). */
const isAsset = (name) => name.endsWith('.model.json');

function listSources(dir) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ((e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) || isAsset(e.name)))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .filter((file) => !file.split(path.sep).includes('training')); // training data is read by scripts only
}

function inputs() {
  return [...SOURCE_DIRS.flatMap(listSources), ...SOURCE_FILES].sort();
}

/** Names, sizes and modification times of every input: a deleted or renamed file changes it too. */
function fingerprint(files) {
  const hash = crypto.createHash('sha1');
  for (const file of files) {
    const stat = fs.statSync(path.join(root, file));
    hash.update(`${file}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function isStale() {
  try {
    return fs.readFileSync(stampFile, 'utf8') !== fingerprint(inputs());
  } catch {
    return true;
  }
}

/** Builds into a fresh folder and swaps it in, so a process starting meanwhile never sees half a build. */
export async function build() {
  const files = inputs();
  const stamp = fingerprint(files);
  const { build: esbuild } = await import('esbuild');
  const tmp = `${distDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir: tmp,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const asset of files.filter((f) => isAsset(path.basename(f)))) fs.cpSync(path.join(root, asset), path.join(tmp, asset));
  fs.writeFileSync(path.join(tmp, '.build-stamp'), stamp);
  const old = `${distDir}.old-${process.pid}`;
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  try {
    fs.renameSync(tmp, distDir);
  } catch (err) {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    fs.rmSync(tmp, { recursive: true, force: true }); // another process swapped in the same build meanwhile
  }
  fs.rmSync(old, { recursive: true, force: true });
}

export async function buildIfStale() {
  if (!isStale()) return false;
  await build();
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const started = performance.now();
  const built = args.includes('--force') ? (await build(), true) : await buildIfStale();
  console.log(built ? `built dist/ in ${Math.round(performance.now() - started)} ms` : 'dist/ is up to date');
  if (args.includes('--pglite-template')) {
    const { ensurePgliteTemplate } = await import(pathToFileURL(path.join(distDir, 'src/db/pglite-template.js')).href);
    const template = await ensurePgliteTemplate({ log: (line) => console.log(line) });
    if (!template) process.exitCode = 1;
  }
}
