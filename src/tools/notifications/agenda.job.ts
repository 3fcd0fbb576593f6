import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { enqueueOutboundMany } from '../../outbox/enqueue.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { AgendaSchedule } from './agenda-schedule.entity.js';
import type { DueAgenda } from './agenda-schedule.repository.js';
import { agendaBody, agendaContent, isEmptyDay, nextAgendaAt } from './agenda.format.js';
import { atLocal, notBeforeFor, notificationSettings } from './notification.prefs.js';

/**
 * One user's due agenda: sent for the local date it was due on (unique source agenda/user:date, so at most one
 * per user per local date), after quiet hours, skipped on empty days unless asked; then the next day is scheduled.
 * The date and time are re-read in the user's current zone, so a zone change moves the agenda with them.
 */
async function handle(em: EntityManager, row: DueAgenda, ctx: JobContext): Promise<boolean> {
  const schedules = em.getRepository(AgendaSchedule);
  const pref = notificationSettings(row.preferences).agenda;
  if (!pref) {
    await schedules.unschedule(row.userId);
    return false;
  }
  const zone = row.timezone;
  const date = DateTime.fromJSDate(row.nextAt, { zone }).toISODate()!;
  const due = atLocal(date, pref.time, zone);
  let sent = false;
  if (due.getTime() <= ctx.now.getTime() && ctx.now.getTime() - due.getTime() <= ctx.catchupHorizonHours * 3_600_000) {
    const content = await agendaContent(em, row.userId, date, zone);
    if (!isEmptyDay(content) || pref.evenWhenEmpty) {
      const body = agendaBody(content, date, zone);
      const notBefore = notBeforeFor(ctx.now, zone, row.preferences);
      sent = (await enqueueOutboundMany(em, [
        { userId: row.userId, body, kind: 'agenda', sourceType: 'agenda', sourceId: `${row.userId}:${date}`, occurrenceAt: null, notBefore },
      ])) > 0;
    }
  }
  const next = due.getTime() > ctx.now.getTime() ? due : nextAgendaAt(new Date(Math.max(due.getTime(), ctx.now.getTime())), zone, pref.time);
  await schedules.reschedule(row.userId, next, ctx.now);
  return sent;
}

export function createAgendaJob(opts: { batchSize?: number } = {}): Job {
  const batchSize = opts.batchSize ?? 200;
  return {
    name: 'daily-agenda',
    run: (ctx) =>
      runInBatches(ctx, batchSize, async (em) => {
        const rows = await em.getRepository(AgendaSchedule).claimDue(ctx.now, batchSize);
        let sent = 0;
        for (const row of rows) if (await handle(em, row, ctx)) sent += 1;
        return { claimed: rows.length, handled: sent };
      }),
  };
}
