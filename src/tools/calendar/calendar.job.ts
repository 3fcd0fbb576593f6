import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserPreferences } from '../../entities/user.entity.js';
import { enqueueOutboundMany, type SourcedOutbound } from '../../outbox/enqueue.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { formatLocal } from '../../time.js';
import { notBeforeFor } from '../notifications/notification.prefs.js';

interface AlertRow {
  id: number;
  user_id: number;
  title: string;
  location: string | null;
  start_ms: number;
  notify_minutes_before: number | null;
  user_zone: string;
  preferences: UserPreferences;
}

/** An index scan on calendar_events_notify_at_index (partial: alerts not yet handed over), in notify_at order. */
export const EVENT_ALERTS_CLAIM = `with claimed as (
    select id from calendar_events where notify_at is not null and notified_at is null and notify_at <= ?
     order by notify_at limit ? for update skip locked)
  select e.id, e.user_id, e.title, e.location, (extract(epoch from e.start_at) * 1000)::float8 as start_ms,
         e.notify_minutes_before, u.timezone as user_zone, u.preferences
    from claimed c join calendar_events e on e.id = c.id join users u on u.id = e.user_id`;

const MARK = `update calendar_events set notified_at = ? where id in (select value::int from jsonb_array_elements_text(?::jsonb))`;

/** "in 25 min", "in 1 h 30 min". */
export function inLabel(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `in ${h} h${m ? ` ${m} min` : ''}`;
}

/**
 * The alert for one event, or null when it would be useless: the event has started, or the user's quiet hours
 * last past its start. Only an event's own lead time ("remind me 10 min before") overrides quiet hours.
 */
export function eventAlert(row: AlertRow, now: Date): SourcedOutbound | null {
  const start = new Date(row.start_ms);
  const notBefore = row.notify_minutes_before !== null ? now : notBeforeFor(now, row.user_zone, row.preferences);
  if (start.getTime() <= notBefore.getTime()) return null;
  const where = row.location ? ` @ ${row.location}` : '';
  const body = `📅 ${row.title} at ${formatLocal(start, row.user_zone, { withDate: false })} (${inLabel(start.getTime() - notBefore.getTime())})${where}`;
  return { userId: row.user_id, body, kind: 'event', sourceType: 'event', sourceId: String(row.id), occurrenceAt: start, notBefore };
}

async function runBatch(em: EntityManager, ctx: JobContext, batchSize: number): Promise<number> {
  const conn = em.getConnection();
  const rows: AlertRow[] = await conn.execute(EVENT_ALERTS_CLAIM, [ctx.now, batchSize], 'all', em.getTransactionContext());
  if (!rows.length) return 0;
  const messages = rows.map((r) => eventAlert(r, ctx.now)).filter((m) => m !== null);
  await enqueueOutboundMany(em, messages);
  await conn.execute(MARK, [ctx.now, JSON.stringify(rows.map((r) => r.id))], 'run', em.getTransactionContext());
  return rows.length;
}

/** Event alerts → outbox, one transaction per batch; an alert is keyed by (event, start) so a moved event alerts again. */
export function createEventAlertsJob(opts: { batchSize?: number } = {}): Job {
  const batchSize = opts.batchSize ?? 1000;
  return {
    name: 'event-alerts',
    run: (ctx) => runInBatches(ctx, batchSize, async (em) => ({ claimed: await runBatch(em, ctx, batchSize) })),
  };
}
