import pg from 'pg';
import type { Database } from '../src/db/init-db.js';
import { CalendarEvent } from '../src/tools/calendar/calendar.entity.js';
import { Reminder } from '../src/tools/reminder/reminder.entity.js';

const STORED = 1_000_000;

/**
 * Tops the bench database up to 1M reminders and 1M calendar events (mostly history: sent, done, notified;
 * a fifth still ahead; 5,000 of each due now) and returns EXPLAIN ANALYZE of both claims, rolled back.
 */
export async function explainClaimsAtScale(db: Database, url: string): Promise<string> {
  const conn = db.orm.em.getConnection();
  const sql = (q: string, p: unknown[] = []) => conn.execute(q, p);
  const [{ n }] = (await sql(`select count(*)::int as n from reminders`)) as [{ n: number }];
  const users = `(select count(*) from users)`;
  await sql(
    `insert into reminders (user_id, text, due_at, timezone, status, last_sent_at)
     select 1 + (g % ${users}), 'History ' || g,
            case when g % 5 = 0 then now() + (g % 1000) * interval '1 hour' when g % 200 = 1 then now() - interval '1 minute' else now() - (g % 1000) * interval '1 hour' end,
            'America/New_York',
            case when g % 5 = 0 or g % 200 = 1 then 'pending' when g % 5 = 1 then 'done' else 'sent' end,
            case when g % 5 = 0 then null else now() end
       from generate_series(1, ?) g`,
    [Math.max(0, STORED - n)],
  );
  await sql(
    `insert into calendar_events (user_id, title, start_at, end_at, notify_at, notified_at)
     select 1 + (g % ${users}), 'Event ' || g, s, s + interval '1 hour',
            case when g % 5 = 0 or g % 200 = 1 then s - interval '30 minutes' end,
            case when g % 5 = 0 or g % 200 = 1 then null else s - interval '30 minutes' end
       from (select g, case when g % 5 = 0 then now() + (g % 1000) * interval '1 hour' when g % 200 = 1 then now() + interval '10 minutes'
                            else now() - (g % 1000) * interval '1 hour' end as s
               from generate_series(1, ?) g) x`,
    [STORED],
  );
  await sql('analyze');
  const out: string[] = [`\nStored: ${STORED.toLocaleString('en-US')} reminders, ${STORED.toLocaleString('en-US')} calendar events\n`];
  // One client: the claim locks rows (FOR UPDATE), so it runs in a transaction that is rolled back.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The claims' text as the repositories build it (a lock mode needs a transaction, even only to build the query).
  const claims = await db.orm.em.fork().transactional(async (em) => [
    ['due reminders', em.getRepository(Reminder).claimQuery(new Date(), 1000).getFormattedQuery()],
    ['event alerts', em.getRepository(CalendarEvent).claimQuery(new Date(), 1000).getFormattedQuery()],
  ] as const);
  for (const [name, claim] of claims) {
    await client.query('begin');
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${claim}`);
    await client.query('rollback');
    out.push(`\n-- claim: ${name} (limit 1000)\n${plan.rows.map((p) => p['QUERY PLAN']).join('\n')}\n`);
  }
  await client.end();
  return out.join('');
}
