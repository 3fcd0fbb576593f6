import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { atLocal } from './notification.prefs.js';

interface AgendaEvent {
  title: string;
  start_ms: number;
  all_day: boolean;
  location: string | null;
}

interface AgendaReminder {
  text: string;
  due_ms: number;
}

export interface AgendaContent {
  events: AgendaEvent[];
  reminders: AgendaReminder[];
  groceries: number;
}

/** The next instant after `after` at local `time` in `zone` (today's if it is still ahead, else tomorrow's). */
export function nextAgendaAt(after: Date, zone: string, time: string): Date {
  const local = DateTime.fromJSDate(after, { zone });
  const today = atLocal(local.toISODate()!, time, zone);
  return today.getTime() > after.getTime() ? today : atLocal(local.plus({ days: 1 }).toISODate()!, time, zone);
}

/** Today's events, reminders still due today and the open grocery count, for one user and local date. */
export async function agendaContent(em: EntityManager, userId: number, date: string, zone: string): Promise<AgendaContent> {
  const from = atLocal(date, '00:00', zone);
  const to = atLocal(DateTime.fromISO(date).plus({ days: 1 }).toISODate()!, '00:00', zone);
  const conn = em.getConnection();
  const trx = em.getTransactionContext();
  const events: AgendaEvent[] = await conn.execute(
    `select title, (extract(epoch from start_at) * 1000)::float8 as start_ms, all_day, location from calendar_events
      where user_id = ? and start_at < ? and end_at > ? order by all_day desc, start_at, id limit 15`,
    [userId, to, from], 'all', trx,
  );
  const reminders: AgendaReminder[] = await conn.execute(
    `select text, (extract(epoch from due_at) * 1000)::float8 as due_ms from reminders
      where user_id = ? and status = 'pending' and due_at >= ? and due_at < ? order by due_at, id limit 15`,
    [userId, from, to], 'all', trx,
  );
  const [count] = (await conn.execute(`select count(*)::int as n from grocery_items where user_id = ? and not done`, [userId], 'all', trx)) as { n: number }[];
  return { events, reminders, groceries: count?.n ?? 0 };
}

export function isEmptyDay(c: AgendaContent): boolean {
  return !c.events.length && !c.reminders.length;
}

export function agendaBody(c: AgendaContent, date: string, zone: string): string {
  const lines = [`☀️ Your day — ${DateTime.fromISO(date, { zone }).toFormat('ccc LLL d')}`];
  for (const e of c.events) {
    const when = e.all_day ? 'All day' : formatLocal(new Date(e.start_ms), zone, { withDate: false });
    lines.push(`📅 ${when} ${e.title}${e.location ? ` @ ${e.location}` : ''}`);
  }
  for (const r of c.reminders) lines.push(`⏰ ${formatLocal(new Date(r.due_ms), zone, { withDate: false })} ${r.text}`);
  if (isEmptyDay(c)) lines.push('Nothing on your calendar and no reminders today. 🎉');
  if (c.groceries) lines.push(`🛒 ${c.groceries} item${c.groceries === 1 ? '' : 's'} on your grocery list`);
  return lines.join('\n');
}
