import pg from 'pg';
import { sleep } from './setup.js';

export interface DbStats {
  commits: number;
  inserted: number;
  updated: number;
  returned: number;
  fetched: number;
  blocksRead: number;
  blocksHit: number;
}

/** The database's own counters (pg_stat_database); they reach the view within a second of each commit. */
export async function dbStats(url: string): Promise<DbStats> {
  await sleep(1200);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [r] } = await client.query(
      `select xact_commit, tup_inserted, tup_updated, tup_returned, tup_fetched, blks_read, blks_hit from pg_stat_database where datname = current_database()`,
    );
    return {
      commits: Number(r.xact_commit),
      inserted: Number(r.tup_inserted),
      updated: Number(r.tup_updated),
      returned: Number(r.tup_returned),
      fetched: Number(r.tup_fetched),
      blocksRead: Number(r.blks_read),
      blocksHit: Number(r.blks_hit),
    };
  } finally {
    await client.end();
  }
}

export function perMessage(before: DbStats, after: DbStats, messages: number): Record<keyof DbStats, number> {
  const out = {} as Record<keyof DbStats, number>;
  for (const key of Object.keys(before) as (keyof DbStats)[]) out[key] = Math.round(((after[key] - before[key]) / Math.max(1, messages)) * 10) / 10;
  return out;
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CPU time (ms) used so far by every backend process connected to the database (other databases' backends excluded). */
export async function backendCpuMs(url: string): Promise<Map<number, number>> {
  const pids = await withClient(url, async (c) => {
    const { rows } = await c.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    return rows.map((r) => r.pid);
  });
  const fs = await import('node:fs');
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // the backend ended meanwhile
    }
  }
  return out;
}

/** CPU the database's backends used between two snapshots (a backend that appeared in between counts from zero). */
export function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}
