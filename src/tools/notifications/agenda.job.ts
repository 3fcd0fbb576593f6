import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { UserPreferences } from '../../entities/user.entity.js';
import { enqueueOutboundMany } from '../../outbox/enqueue.js';
import { runInBatches } from '../../scheduler/batches.js';
import type { Job, JobContext } from '../../scheduler/types.js';
import { agendaBody, agendaContent, isEmptyDay, nextAgendaAt } from './agenda.format.js';
import { atLocal, notBeforeFor, notificationSettings } from './notification.prefs.js';

interface ScheduleRow {
  user_id: number;
  next_ms: number;
  timezone: string;
  preferences: UserPreferences;
}

const CLAIM = `select s.user_id, (extract(epoch from s.next_at) * 1000)::float8 as next_ms, u.timezone, u.preferences
                 from agenda_schedules s join users u on u.id = s.user_id
                where s.next_at <= ? order by s.next_at limit ? for update of s skip locked`;

/**
 * One user's due agenda: sent for the local date it was due on (unique source agenda/user:date, so at most one
 * per user per local date), after quiet hours, skipped on empty days unless asked; then the next day is scheduled.
 * The date and time are re-read in the user's current zone, so a zone change moves the agenda with them.
 */
async function handle(em: EntityManager, row: ScheduleRow, ctx: JobContext): Promise<boolean> {
  const conn = em.getConnection();
  const trx = em.getTransactionContext();
  const pref = notificationSettings(row.preferences).agenda;
  if (!pref) {
    await conn.execute(`delete from agenda_schedules where user_id = ?`, [row.user_id], 'run', trx);
    return false;
  }
  const zone = row.timezone;
  const date = DateTime.fromMillis(row.next_ms, { zone }).toISODate()!;
  const due = atLocal(date, pref.time, zone);
  let sent = false;
  if (due.getTime() <= ctx.now.getTime() && ctx.now.getTime() - due.getTime() <= ctx.catchupHorizonHours * 3_600_000) {
    const content = await agendaContent(em, row.user_id, date, zone);
    if (!isEmptyDay(content) || pref.evenWhenEmpty) {
      const body = agendaBody(content, date, zone);
      const notBefore = notBeforeFor(ctx.now, zone, row.preferences);
      sent = (await enqueueOutboundMany(em, [{ userId: row.user_id, body, kind: 'agenda', sourceType: 'agenda', sourceId: `${row.user_id}:${date}`, occurrenceAt: null, notBefore }])) > 0;
    }
  }
  const next = due.getTime() > ctx.now.getTime() ? due : nextAgendaAt(new Date(Math.max(due.getTime(), ctx.now.getTime())), zone, pref.time);
  await conn.execute(`update agenda_schedules set next_at = ?, updated_at = ? where user_id = ?`, [next, ctx.now, row.user_id], 'run', trx);
  return sent;
}

export function createAgendaJob(opts: { batchSize?: number } = {}): Job {
  const batchSize = opts.batchSize ?? 200;
  return {
    name: 'daily-agenda',
    run: (ctx) =>
      runInBatches(ctx, batchSize, async (em) => {
        const rows: ScheduleRow[] = await em.getConnection().execute(CLAIM, [ctx.now, batchSize], 'all', em.getTransactionContext());
        let sent = 0;
        for (const row of rows) if (await handle(em, row, ctx)) sent += 1;
        return { claimed: rows.length, handled: sent };
      }),
  };
}
