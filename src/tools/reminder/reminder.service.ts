import type { Target } from '../../understanding/when-schema.js';
import { DateTime } from 'luxon';
import type { ConversationState } from '../../entities/conversation-state.entity.js';
import { toDate, type Sql } from '../../db/sql.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { formatLocal } from '../../time.js';
import { describeRepeat, nextOccurrence } from '../../understanding/recurrence.js';
import type { ToolContext } from '../types.js';
import type { ReminderStatus } from './reminder.entity.js';

/** A reminder as the tools read it: plain data from `ctx.sql`, not a managed entity. */
export interface ReminderRow {
  id: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  status: ReminderStatus;
  lastSentAt: Date | null;
  doneAt: Date | null;
}

const COLUMNS = 'id, text, due_at, rrule, status, last_sent_at, done_at';

interface RawReminder {
  id: number;
  text: string;
  due_at: string;
  rrule: string | null;
  status: ReminderStatus;
  last_sent_at: string | null;
  done_at: string | null;
}

function toRow(r: RawReminder): ReminderRow {
  const at = (v: string | null) => (v === null ? null : toDate(v));
  return {
    id: r.id, text: r.text, dueAt: toDate(r.due_at), rrule: r.rrule, status: r.status,
    lastSentAt: at(r.last_sent_at), doneAt: at(r.done_at),
  };
}

export interface NewReminder {
  userId: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  timezone: string;
  now: Date;
}

/** Every column the entity would write, so the row is the same as before (status pending, never sent). */
export async function insertReminder(sql: Sql, r: NewReminder): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `insert into reminders (user_id, text, due_at, rrule, timezone, status, last_sent_at, done_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'pending', null, null, $6, $6) returning id`,
    [r.userId, r.text, r.dueAt, r.rrule, r.timezone, r.now],
  );
  return row!.id;
}

export async function upcomingReminders(sql: Sql, userId: number, limit = 50): Promise<ReminderRow[]> {
  const rows = await sql<RawReminder>(
    `select ${COLUMNS} from reminders where user_id = $1 and status = 'pending' order by due_at, id limit $2`,
    [userId, limit],
  );
  return rows.map(toRow);
}

/** When a pending reminder next goes off in a range; a recurring one also says how it repeats. */
export interface ReminderOccurrence {
  text: string;
  at: Date;
  repeat?: string;
}

/**
 * The user's pending reminders that go off in [from, to), in time order. A recurring one is listed once, at its
 * first time in the range with how it repeats, so "this month" is not thirty lines of the same daily reminder.
 */
export async function remindersBetween(
  sql: Sql, userId: number, from: Date, to: Date, zone: string, limit = 40,
): Promise<ReminderOccurrence[]> {
  const rows = (await sql<RawReminder>(
    `select ${COLUMNS} from reminders where user_id = $1 and status = 'pending' and due_at < $3 and (due_at >= $2 or rrule is not null)
      order by due_at, id limit 200`,
    [userId, from, to],
  )).map(toRow);
  const out: ReminderOccurrence[] = [];
  for (const r of rows) {
    const at = r.rrule && r.dueAt.getTime() < from.getTime() ? nextOccurrence(r.rrule, zone, new Date(from.getTime() - 1)) : r.dueAt;
    if (!at || at.getTime() >= to.getTime()) continue;
    out.push(r.rrule ? { text: r.text, at, repeat: describeRepeat(r.rrule) } : { text: r.text, at });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, limit);
}

/**
 * The reminder that went off most recently: what "done" and "snooze" are about. "done" skips cancelled ones;
 * "snooze" must see them, or it would bring back an older one instead of saying this one was cancelled.
 */
export async function lastSentReminder(sql: Sql, userId: number, withCancelled = false): Promise<ReminderRow | null> {
  const [row] = await sql<RawReminder>(
    `select ${COLUMNS} from reminders where user_id = $1 and last_sent_at is not null ${withCancelled ? '' : "and status <> 'cancelled'"}
      order by last_sent_at desc, id desc limit 1`,
    [userId],
  );
  return row ? toRow(row) : null;
}

/**
 * Writes a changed status and/or due time. Like the entity's flush: nothing when nothing changed, and
 * updated_at stamped with the clock (its onUpdate hook), not the message's instant.
 */
export async function updateReminder(
  sql: Sql, row: ReminderRow, change: { status: ReminderStatus; dueAt?: Date; doneAt?: Date },
): Promise<void> {
  const dueAt = change.dueAt ?? row.dueAt;
  const doneAt = change.doneAt ?? row.doneAt;
  if (change.status === row.status && dueAt.getTime() === row.dueAt.getTime() && doneAt?.getTime() === row.doneAt?.getTime()) return;
  await sql(`update reminders set status = $2, due_at = $3, done_at = $4, updated_at = $5 where id = $1`,
    [row.id, change.status, dueAt, doneAt, new Date()]);
}

/** Marked done since it last went off (a one-off's status says so; a recurring one stays pending). */
export function doneSinceSent(r: ReminderRow): boolean {
  return r.status === 'done' || Boolean(r.doneAt && r.lastSentAt && r.doneAt.getTime() >= r.lastSentAt.getTime());
}

/** Ids of the last numbered list this conversation showed for `prefix` tools ("cancel 2" refers to it). */
export function lastListed(conversation: ConversationState, prefix: string): number[] | null {
  const results = Array.isArray(conversation.lastToolResult) ? conversation.lastToolResult : [];
  for (const r of results as { tool?: string; data?: { listed?: unknown } }[]) {
    if (r.tool?.startsWith(prefix) && Array.isArray(r.data?.listed)) return r.data.listed as number[];
  }
  return null;
}

/** Reminders in `statuses` chosen by list number or by words; several rows when the words are ambiguous. */
export async function pickReminders(ctx: ToolContext, pick: Target, statuses: ReminderStatus[]): Promise<ReminderRow[]> {
  const { sql, user, timezone: zone } = ctx;
  if (pick.number !== undefined) {
    const ids = lastListed(ctx.conversation, 'reminders.') ?? (await upcomingReminders(sql, user.id)).map((r) => r.id);
    const id = ids[pick.number - 1];
    if (id === undefined) return [];
    const rows = await sql<RawReminder>(`select ${COLUMNS} from reminders where id = $1 and user_id = $2 and status = any($3::text[])`, [id, user.id, statuses]);
    return rows.map(toRow);
  }
  const query = keywords(pick.words ?? '');
  if (!query.length && !pick.onDate && !pick.atTime) return [];
  // The 500 nearest to now, not the oldest: sent one-offs pile up over the years and must not crowd out recent ones.
  const rows = (await sql<RawReminder>(
    `select * from (select ${COLUMNS} from reminders where user_id = $1 and status = any($2::text[])
                     order by abs(extract(epoch from due_at - $3::timestamptz)) limit 500) nearest
      order by due_at, id`,
    [user.id, statuses, ctx.now],
  )).map(toRow);
  return rows.filter((r) => {
    const local = DateTime.fromJSDate(r.dueAt, { zone });
    return (!query.length || matchesWords(r.text, query)) && (!pick.onDate || local.toISODate() === pick.onDate) && (!pick.atTime || local.toFormat('HH:mm') === pick.atTime);
  });
}

export function describeReminder(r: ReminderRow, zone: string): string {
  const when = formatLocal(r.dueAt, zone);
  return r.rrule ? `${r.text} — ${when} (${describeRepeat(r.rrule)})` : `${r.text} — ${when}`;
}

export function numbered(rows: ReminderRow[], zone: string): string {
  return rows.map((r, i) => `${i + 1}. ${describeReminder(r, zone)}`).join('\n');
}
