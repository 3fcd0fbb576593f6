import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { initDb } from '../../src/db/init-db.js';

/** Fake Twilio identity the server is configured with; signatures are real HMACs over PUBLIC_BASE_URL. */
export const ACCOUNT_SID = `AC${'be'.repeat(16)}`;
export const AUTH_TOKEN = 'b3nchb3nchb3nchb3nchb3nchb3nch00';
export const OUR_NUMBER = '+15550009999';
export const PUBLIC_BASE_URL = 'https://errand.bench.example';
export const SMS_PATH = '/webhooks/twilio/sms';

const base = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
export const ERRAND_DB = process.env.BENCH_ERRAND_DB ?? `${base}/bench_errand`;
export const FLOOR_DB = process.env.BENCH_FLOOR_DB ?? `${base}/bench_floor`;

/** Results and logs of every run go here (git-ignored). */
export const OUT_DIR = path.resolve('.bench');
fs.mkdirSync(OUT_DIR, { recursive: true });

/** Drops everything in the database's public schema and applies the migrations, as a fresh install would. */
export async function freshDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade; create schema public;');
  } finally {
    await client.end();
  }
  const db = await initDb({ config: { databaseUrl: url, dataDir: 'memory://', dbPoolMax: 2, migrateOnStart: true } });
  await db.close();
}

/** Creates the database on a fresh server (the bench databases are not made by anything else). */
async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** 'SM' + 32 hex digits, unique per run: a random run prefix and a counter. */
export function sidFactory(prefix = 'SM'): () => string {
  const run = randomBytes(6).toString('hex');
  let n = 0;
  return () => `${prefix}${run}${(n++).toString(16).padStart(20, '0')}`;
}

/** 1,000 (or `count`) distinct senders: +1 555 2xx xxxx. */
export function phones(count = 1000, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => `+1555${String(2_000_000 + offset + i).padStart(7, '0')}`);
}

export function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split('=')[1]) : Number(process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
  if (!Number.isFinite(value)) throw new Error(`--${name} expects a number`);
  return value;
}

export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function writeResult(name: string, data: unknown): string {
  const file = path.join(OUT_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  fs.writeFileSync(path.join(OUT_DIR, `${name}-latest.json`), JSON.stringify(data, null, 2));
  return file;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
