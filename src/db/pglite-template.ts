import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { elapsed } from '../elapsed.js';
import { isAlive } from './dir-lock.js';

/**
 * A new PGlite data directory costs an initdb: 5–40 s and ~700 MB of memory in WASM. Every new one is the same
 * files, so initdb runs once per PGlite version into a template next to the package
 * (node_modules/.cache/errand/pglite-<version>, made by `npm ci` through `prepare`), and a new data directory is
 * a copy of it. Only a complete template ever exists under that name (it is renamed into place when done).
 */
export function pgliteTemplatePath(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return path.join(dir, '..', '..', '.cache', 'errand', `pglite-${version}`);
}

const isDatabase = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

export interface TemplateOptions {
  log(line: string): void;
  template?: string;
}

/** The template's path, made first if need be; null when it cannot be made (a read-only node_modules, say). */
export async function ensurePgliteTemplate({ log, template = pgliteTemplatePath() }: TemplateOptions): Promise<string | null> {
  if (isDatabase(template)) return template;
  const tmp = `${template}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(template), { recursive: true });
    removeAbandoned(template);
    log(`running initdb once for PGlite into ${template} (new databases are copies of it)…`);
    const started = performance.now();
    await (await PGlite.create(tmp)).close();
    moveIntoPlace(tmp, template);
    log(`initdb done in ${elapsed(started)}`);
    return template;
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    log(`could not prepare the PGlite template (${String(err)}); a new database runs its own initdb`);
    return null;
  }
}

/**
 * Makes `dbPath` a copy of the template when it holds no database yet (absent or empty). The copy is made beside
 * it and renamed, so an interrupted copy never looks like a database. The caller holds the data directory's lock.
 */
export function seedFromTemplate(template: string, dbPath: string): void {
  const parent = path.dirname(dbPath);
  const seedPrefix = `${path.basename(dbPath)}.seed-`;
  for (const leftover of fs.readdirSync(parent).filter((name) => name.startsWith(seedPrefix))) {
    fs.rmSync(path.join(parent, leftover), { recursive: true, force: true });
  }
  const seed = path.join(parent, `${seedPrefix}${process.pid}`);
  fs.cpSync(template, seed, { recursive: true });
  if (fs.existsSync(dbPath)) fs.rmdirSync(dbPath); // empty, or it would not be seeded
  fs.renameSync(seed, dbPath);
}

export function needsInitdb(dbPath: string): boolean {
  return !isDatabase(dbPath) && (!fs.existsSync(dbPath) || fs.readdirSync(dbPath).length === 0);
}

/** Half-made templates of processes that died making them (40 MB each); a living one's is left alone. */
export function removeAbandoned(template: string): void {
  const prefix = `${path.basename(template)}.tmp-`;
  for (const name of fs.readdirSync(path.dirname(template))) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && (pid === process.pid || !isAlive(pid))) {
      fs.rmSync(path.join(path.dirname(template), name), { recursive: true, force: true });
    }
  }
}

function moveIntoPlace(tmp: string, template: string): void {
  try {
    fs.renameSync(tmp, template);
  } catch (err) {
    // Another process made it meanwhile: theirs is as good as ours.
    if (!isDatabase(template)) throw err;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
