import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { CalendarEvent } from '../calendar/calendar.entity.js';
import type { CalendarRepository } from '../calendar/calendar.repository.js';
import { GroceryItem } from '../grocery/grocery-item.entity.js';
import { Reminder } from '../reminder/reminder.entity.js';
import type { ReminderRepository } from '../reminder/reminder.repository.js';
import { atLocal } from './notification.prefs.js';

type AgendaEvent = Awaited<ReturnType<CalendarRepository['forDay']>>[number];
type AgendaReminder = Awaited<ReturnType<ReminderRepository['dueBetween']>>[number];

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

/** Today's events, reminders still due today and the open grocery count, for one user and local date: each tool's repository says. */
export async function agendaContent(em: EntityManager, userId: number, date: string, zone: string): Promise<AgendaContent> {
  const from = atLocal(date, '00:00', zone);
  const to = atLocal(DateTime.fromISO(date).plus({ days: 1 }).toISODate()!, '00:00', zone);
  const events = await em.getRepository(CalendarEvent).forDay(userId, from, to);
  const reminders = await em.getRepository(Reminder).dueBetween(userId, from, to);
  const groceries = await em.getRepository(GroceryItem).openCount(userId);
  return { events, reminders, groceries };
}

export function isEmptyDay(c: AgendaContent): boolean {
  return !c.events.length && !c.reminders.length;
}

export function agendaBody(c: AgendaContent, date: string, zone: string): string {
  const lines = [`☀️ Your day — ${DateTime.fromISO(date, { zone }).toFormat('ccc LLL d')}`];
  for (const e of c.events) {
    const when = e.allDay ? 'All day' : formatLocal(e.startAt, zone, { withDate: false });
    lines.push(`📅 ${when} ${e.title}${e.location ? ` @ ${e.location}` : ''}`);
  }
  for (const r of c.reminders) lines.push(`⏰ ${formatLocal(r.dueAt, zone, { withDate: false })} ${r.text}`);
  if (isEmptyDay(c)) lines.push('Nothing on your calendar and no reminders today. 🎉');
  if (c.groceries) lines.push(`🛒 ${c.groceries} item${c.groceries === 1 ? '' : 's'} on your grocery list`);
  return lines.join('\n');
}
