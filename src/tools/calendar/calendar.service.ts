import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConversationState } from '../../entities/conversation-state.entity.js';
import type { User } from '../../entities/user.entity.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { startOfLocalDay, isoDate, localNow } from '../../understanding/dates.js';
import { lastListed } from '../reminder/reminder.service.js';
import type { ToolContext, ToolResult } from '../types.js';
import { CalendarEvent } from './calendar.entity.js';
import { agenda, describeEvent } from './calendar.format.js';

/** Events that intersect [from, to): a multi-day or all-day event shows on each of its days. */
export function eventsBetween(em: EntityManager, user: User, from: Date, to: Date, limit = 100): Promise<CalendarEvent[]> {
  return em.find(CalendarEvent, { user, startAt: { $lt: to }, endAt: { $gt: from } }, { orderBy: { startAt: 'asc', id: 'asc' }, limit });
}

/** Timed events that share some time with [start, end); all-day events (birthdays, holidays) never clash. */
export async function overlapping(em: EntityManager, user: User, start: Date, end: Date, excludeId?: number): Promise<CalendarEvent[]> {
  const rows = await em.find(CalendarEvent, { user, allDay: false, startAt: { $lt: end }, endAt: { $gt: start } }, { orderBy: { startAt: 'asc' } });
  return rows.filter((r) => r.id !== excludeId);
}

export interface EventPick {
  number?: number;
  words?: string;
  onDate?: string;
  atTime?: string;
}

export function describePick(p: EventPick): string {
  return [p.words, p.onDate, p.atTime].filter(Boolean).join(' ') || `#${p.number}`;
}

function fits(e: CalendarEvent, query: string[], pick: EventPick, zone: string): boolean {
  const local = DateTime.fromJSDate(e.startAt, { zone });
  return (!query.length || matchesWords(e.title, query))
    && (!pick.onDate || local.toISODate() === pick.onDate)
    && (!pick.atTime || (!e.allDay && local.toFormat('HH:mm') === pick.atTime));
}

/** Events picked by number in the last calendar list, or by words — upcoming ones first, then past ones. */
export async function pickEvents(ctx: ToolContext, pick: EventPick): Promise<CalendarEvent[]> {
  const { em, user } = ctx;
  if (pick.number !== undefined) {
    const ids = lastListed(ctx.conversation as ConversationState, 'calendar.');
    const id = ids?.[pick.number - 1];
    const row = id === undefined ? null : await em.findOne(CalendarEvent, { id, user });
    return row ? [row] : [];
  }
  const query = keywords(pick.words ?? '');
  if (!query.length && !pick.onDate && !pick.atTime) return [];
  const today = startOfLocalDay(isoDate(localNow({ now: ctx.now, timezone: ctx.timezone })), ctx.timezone);
  const upcoming = await em.find(CalendarEvent, { user, endAt: { $gt: today } }, { orderBy: { startAt: 'asc' }, limit: 500 });
  const hits = upcoming.filter((e) => fits(e, query, pick, ctx.timezone));
  if (hits.length) return hits;
  const past = await em.find(CalendarEvent, { user, endAt: { $lte: today } }, { orderBy: { startAt: 'desc' }, limit: 200 });
  return past.filter((e) => fits(e, query, pick, ctx.timezone)).slice(0, 1);
}

export function whichEvent(rows: CalendarEvent[], zone: string, verb: string): ToolResult {
  return { ok: false, reply: `Which one should I ${verb}?\n${agenda(rows, zone)}\nReply e.g. "${verb} 1".`, data: { listed: rows.map((r) => r.id) } };
}

/** Deletes the event picked by words, date or time; null when none matches (so a caller can say it found nothing). */
export async function deleteEventsByWords(ctx: ToolContext, pick: EventPick): Promise<ToolResult | null> {
  const rows = await pickEvents(ctx, { ...pick, number: undefined });
  if (!rows.length) return null;
  if (rows.length > 1) return whichEvent(rows, ctx.timezone, 'delete');
  const [row] = rows as [CalendarEvent];
  ctx.em.remove(row);
  await ctx.em.flush();
  return { ok: true, reply: `🗑️ Deleted from your calendar: ${describeEvent(row, ctx.timezone)}`, data: { id: row.id } };
}
