import type { Options } from '@mikro-orm/postgresql';
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import baseConfig from '../mikro-orm.config.js';
import { initDb, type Database } from '../src/db/init-db.js';
import { entitiesOf } from '../src/entities/all.js';
import { User } from '../src/entities/index.js';
import { toolModules } from '../src/tools/index.js';
import type { ToolModule } from '../src/tools/types.js';
import { emptyServerDatabase, schemaDiff } from './support/db.js';
import { Bookmark } from './support/example-tool/bookmark.entity.js';
import { bookmarkModule } from './support/example-tool/bookmark.module.js';
import { consoleMessage, makePipeline } from './support/pipeline.js';

const root = path.resolve(import.meta.dirname, '..');

/** The registry with one more line, where a new module goes: before help, whose hints are the fallback. */
function registryWith(module: ToolModule): ToolModule[] {
  const modules = [...toolModules];
  modules.splice(modules.findIndex((m) => m.name === 'help'), 0, module);
  return modules;
}

/** The checked-in migrations and snapshot, copied where the example's migration may be generated beside them. */
function copyMigrations(dir: string): void {
  for (const file of fs.readdirSync(path.join(root, 'migrations'))) {
    if (file.endsWith('.ts') || file === `${baseConfig.migrations!.snapshotName}.json`) {
      fs.copyFileSync(path.join(root, 'migrations', file), path.join(dir, file));
    }
  }
  // Loaded like migrations/: as ES modules, importing @mikro-orm/migrations from this checkout's node_modules.
  fs.writeFileSync(path.join(dir, '..', 'package.json'), JSON.stringify({ type: 'module' }));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, '..', 'node_modules'));
}

/** A database of its own: an embedded one in `dir` (a copy of the PGlite template), or `<test database>_example_tool`. */
async function openFreshDb(dir: string, overrides: Partial<Options>): Promise<Database> {
  let databaseUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `${url.pathname}_example_tool`;
    databaseUrl = url.toString();
    await emptyServerDatabase(databaseUrl);
  }
  return initDb({ config: { databaseUrl, dataDir: path.join(dir, 'data'), dbPoolMax: 4, migrateOnStart: false }, overrides });
}

/** Tables a statement creates or changes ("create index … on x" and "alter table x" included). */
function tablesTouched(statement: string): string[] {
  return [...statement.matchAll(/\b(?:create table|alter table|on|drop table|truncate)\s+"(\w+)"/gi)].map((m) => m[1]!);
}

describe('a new tool is one folder + one registry line + a generated migration (issue 13)', function () {
  this.timeout(120_000);
  const modules = registryWith(bookmarkModule);
  let dir: string;
  let migrationsDir: string;
  let db: Database;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errand-example-tool-'));
    migrationsDir = path.join(dir, 'migrations');
    fs.mkdirSync(migrationsDir);
    copyMigrations(migrationsDir);
    db = await openFreshDb(dir, {
      entities: entitiesOf(modules),
      migrations: { ...baseConfig.migrations, path: migrationsDir, pathTs: migrationsDir, snapshot: true },
    });
  });

  after(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates a migration (snapshot on) that creates the new table and touches no other', async () => {
    const before = new Set(fs.readdirSync(migrationsDir));
    const { fileName, diff } = await db.orm.migrator.createMigration(undefined, false, false, 'bookmarks');
    expect(fileName).to.match(/^Migration\d{14}_bookmarks\.ts$/);
    expect(fs.readdirSync(migrationsDir).filter((f) => !before.has(f))).to.deep.equal([fileName]);
    const statements = diff.up.filter(Boolean);
    expect(statements.filter((s) => /^create table/i.test(s)).flatMap(tablesTouched)).to.deep.equal(['bookmarks']);
    expect(statements.flatMap(tablesTouched).every((t) => t === 'bookmarks'), statements.join('\n')).to.equal(true);
    expect(statements.join('\n')).to.include('"bookmarks_user_id_url_unique"').and.include('references "users" ("id")');
    expect(diff.down.filter(Boolean)).to.deep.equal(['drop table if exists "bookmarks" cascade;']);
    const snapshot = JSON.parse(fs.readFileSync(path.join(migrationsDir, `${baseConfig.migrations!.snapshotName}.json`), 'utf8'));
    expect(snapshot.tables.map((t: { name: string }) => t.name)).to.include('bookmarks');
    const again = await db.orm.migrator.createMigration(undefined, false, false, 'unchanged');
    expect(again.fileName, 'a second migration:create on the same model').to.equal('');
  });

  it('runs with the existing migrations on a fresh database, which then matches every entity', async () => {
    const applied = await db.orm.migrator.up();
    const names = fs.readdirSync(path.join(root, 'migrations')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    const generated = applied.map((m) => m.name).filter((name) => !names.includes(name));
    expect(applied.map((m) => m.name)).to.include.members(names);
    expect(generated).to.have.length(1);
    expect(generated[0]).to.match(/^Migration\d{14}_bookmarks$/);
    expect(await schemaDiff(db.orm)).to.equal('');
  });

  it('answers a message through the pipeline by writing the entity, and echoes it', async () => {
    const handle = makePipeline({ orm: db.orm, modules });
    const phone = '+15551230042';
    const saved = await handle(consoleMessage('bookmark https://example.com/errand Errand docs', { phone }));
    expect(saved.reply).to.equal('🔖 Bookmarked Errand docs — https://example.com/errand');
    const again = await handle(consoleMessage('bookmark https://example.com/errand', { phone }));
    expect(again.reply).to.equal('🔖 https://example.com/errand is already in your bookmarks');
    const listed = await handle(consoleMessage('bookmarks', { phone }));
    expect(listed.reply).to.equal('🔖 Your bookmarks:\n1. Errand docs — https://example.com/errand');

    const em = db.orm.em.fork();
    const user = await em.findOneOrFail(User, { phoneNumber: phone });
    const rows = await em.find(Bookmark, { user }, { disableIdentityMap: true });
    expect(rows.map((r) => ({ url: r.url, title: r.title, createdAt: r.createdAt.toISOString() }))).to.deep.equal([
      { url: 'https://example.com/errand', title: 'Errand docs', createdAt: '2026-11-23T14:00:00.000Z' },
    ]);
  });
});
