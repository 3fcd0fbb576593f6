import type { MikroORM } from '@mikro-orm/postgresql';
import { initDb, type Database } from '../../src/db/init-db.js';

let db: Database | undefined;

/** One database for the whole run: embedded PGlite in memory, or TEST_DATABASE_URL (wiped first). */
export async function openTestDb(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL || undefined;
  if (url) await emptyServerDatabase(url);
  db = await initDb({ config: { databaseUrl: url, dataDir: 'memory://', dbPoolMax: 8, migrateOnStart: true } });
  return db;
}

/** Drops everything in the server database's public schema (creating the database if need be). */
export async function emptyServerDatabase(url: string): Promise<void> {
  const bootstrap = await initDb({ config: { databaseUrl: url, dataDir: 'memory://', dbPoolMax: 2, migrateOnStart: false } });
  await bootstrap.orm.em.getConnection().execute('drop schema if exists public cascade; create schema public;');
  await bootstrap.close();
}

/** What the ORM would change to make the database match its entities: empty when migrations and entities agree. */
export async function schemaDiff(orm: MikroORM = testDb().orm): Promise<string> {
  return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
}

export function testDb(): Database {
  if (!db) throw new Error('test database is not open (test/hooks.ts opens it)');
  return db;
}

export async function closeTestDb(): Promise<void> {
  await db?.close();
  db = undefined;
}

/** Empties every table but the migrations log. */
export async function resetDb(): Promise<void> {
  const conn = testDb().orm.em.getConnection();
  const rows: { tablename: string }[] = await conn.execute(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations'`,
  );
  const seeded = new Set(['expense_categories']);
  const tables = rows.map((r) => r.tablename).filter((t) => !seeded.has(t));
  if (tables.length) await conn.execute(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
}

export function dbMode(): string {
  return process.env.TEST_DATABASE_URL ? 'postgresql server' : 'embedded PGlite';
}
