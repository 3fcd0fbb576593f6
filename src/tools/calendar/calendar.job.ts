import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueOutboundMany, type SourcedOutbound } from '../../outbox/enqueue.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { formatLocal } from '../../time.js';
import { notBeforeFor } from '../notifications/notification.prefs.js';
import { CalendarEvent } from './calendar.entity.js';
import type { DueAlert } from './calendar.repository.js';

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
export function eventAlert(row: DueAlert, now: Date): SourcedOutbound | null {
  const start = row.startAt;
  const notBefore = row.notifyMinutesBefore !== null ? now : notBeforeFor(now, row.userZone, row.preferences);
  if (start.getTime() <= notBefore.getTime()) return null;
  const where = row.location ? ` @ ${row.location}` : '';
  const body = `📅 ${row.title} at ${formatLocal(start, row.userZone, { withDate: false })} (${inLabel(start.getTime() - notBefore.getTime())})${where}`;
  return { userId: row.userId, body, kind: 'event', sourceType: 'event', sourceId: String(row.id), occurrenceAt: start, notBefore };
}

async function runBatch(em: EntityManager, ctx: JobContext, batchSize: number): Promise<number> {
  const repo = em.getRepository(CalendarEvent);
  const rows = await repo.claimAlerts(ctx.now, batchSize);
  if (!rows.length) return 0;
  const messages = rows.map((r) => eventAlert(r, ctx.now)).filter((m) => m !== null);
  await enqueueOutboundMany(em, messages);
  await repo.markNotified(rows.map((r) => r.id), ctx.now);
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
