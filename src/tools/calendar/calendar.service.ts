import type { Target } from '../../understanding/when-schema.js';
import { DateTime } from 'luxon';
import type { Sql } from '../../db/sql.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { startOfLocalDay, isoDate, localNow } from '../../understanding/dates.js';
import { lastListed } from '../reminder/reminder.service.js';
import type { ToolContext, ToolResult } from '../types.js';
import { agenda, describeEvent } from './calendar.format.js';
import { deleteEvent, selectEvents, type EventRow } from './calendar.rows.js';

/** The next `count` events within a year: not started yet, or all-day ones still running. */
export function upcomingEvents(sql: Sql, userId: number, now: Date, count: number): Promise<EventRow[]> {
  const horizon = new Date(now.getTime() + 366 * 86_400_000);
  return selectEvents(sql, 'user_id = $1 and start_at < $2 and end_at > $3 and (start_at >= $3 or all_day) order by start_at, id limit $4', [userId, horizon, now, count]);
}

/** Events that intersect [from, to): a multi-day or all-day event shows on each of its days. */
export function eventsBetween(sql: Sql, userId: number, from: Date, to: Date, limit = 100): Promise<EventRow[]> {
  return selectEvents(sql, 'user_id = $1 and start_at < $2 and end_at > $3 order by start_at, id limit $4', [userId, to, from, limit]);
}

function fits(e: EventRow, query: string[], pick: Target, zone: string): boolean {
  const local = DateTime.fromJSDate(e.startAt, { zone });
  return (!query.length || matchesWords(e.title, query))
    && (!pick.onDate || local.toISODate() === pick.onDate)
    && (!pick.atTime || (!e.allDay && local.toFormat('HH:mm') === pick.atTime));
}

/** Events picked by number in the last calendar list, or by words — upcoming ones first, then past ones. */
export async function pickEvents(ctx: ToolContext, pick: Target): Promise<EventRow[]> {
  const { sql, user } = ctx;
  if (pick.number !== undefined) {
    const ids = lastListed(ctx.conversation, 'calendar.');
    const id = ids?.[pick.number - 1];
    return id === undefined ? [] : selectEvents(sql, 'id = $1 and user_id = $2', [id, user.id]);
  }
  const query = keywords(pick.words ?? '');
  if (!query.length && !pick.onDate && !pick.atTime) return [];
  const today = startOfLocalDay(isoDate(localNow({ now: ctx.now, timezone: ctx.timezone })), ctx.timezone);
  const upcoming = await selectEvents(sql, 'user_id = $1 and end_at > $2 order by start_at limit 500', [user.id, today]);
  const hits = upcoming.filter((e) => fits(e, query, pick, ctx.timezone));
  if (hits.length) return hits;
  const past = await selectEvents(sql, 'user_id = $1 and end_at <= $2 order by start_at desc limit 200', [user.id, today]);
  return past.filter((e) => fits(e, query, pick, ctx.timezone)).slice(0, 1);
}

export function whichEvent(rows: EventRow[], zone: string, verb: string): ToolResult {
  return { ok: false, reply: `Which one should I ${verb}?\n${agenda(rows, zone)}\nReply e.g. "${verb} 1".`, data: { listed: rows.map((r) => r.id) } };
}

/** Deletes the event picked by words, date or time; null when none matches (so a caller can say it found nothing). */
export async function deleteEventsByWords(ctx: ToolContext, pick: Target): Promise<ToolResult | null> {
  const rows = await pickEvents(ctx, { ...pick, number: undefined });
  if (!rows.length) return null;
  if (rows.length > 1) return whichEvent(rows, ctx.timezone, 'delete');
  const [row] = rows as [EventRow];
  await deleteEvent(ctx.sql, row.id);
  return { ok: true, reply: `🗑️ Deleted from your calendar: ${describeEvent(row, ctx.timezone)}`, data: { id: row.id } };
}
