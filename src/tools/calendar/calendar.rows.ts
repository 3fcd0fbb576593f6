import { toDate, type Sql } from '../../db/sql.js';

/** An event as the tools read it: plain data from `ctx.sql`, not a managed entity. */
export interface EventRow {
  id: number;
  title: string;
  startAt: Date;
  endAt: Date;
  allDay: boolean;
  location: string | null;
  notifyMinutesBefore: number | null;
}

interface RawEvent {
  id: number;
  title: string;
  start_at: string;
  end_at: string;
  all_day: boolean;
  location: string | null;
  notify_minutes_before: number | null;
}

const COLUMNS = 'id, title, start_at, end_at, all_day, location, notify_minutes_before';

function toRow(r: RawEvent): EventRow {
  return { id: r.id, title: r.title, startAt: toDate(r.start_at), endAt: toDate(r.end_at), allDay: r.all_day, location: r.location, notifyMinutesBefore: r.notify_minutes_before };
}

/** `select` + `where …` (with its own $n) on the user's events, as rows. */
export async function selectEvents(sql: Sql, where: string, params: unknown[]): Promise<EventRow[]> {
  return (await sql<RawEvent>(`select ${COLUMNS} from calendar_events where ${where}`, params)).map(toRow);
}

/**
 * Timed events of user $1 sharing time with [$2, $3), other than event $4, read in the statement's snapshot
 * (before its own write). None when the new span is all-day ($5): birthdays and holidays never clash.
 */
const CLASH = `clash as (
    select ${COLUMNS} from calendar_events
     where user_id = $1 and not $5::boolean and not all_day and start_at < $3::timestamptz and end_at > $2::timestamptz
       and id is distinct from $4::int)`;
const CLASHES = `coalesce((select json_agg(to_json(clash) order by start_at) from clash), '[]'::json) as clashes`;

export interface Span {
  start: Date;
  end: Date;
  allDay: boolean;
  notifyAt: Date | null;
}

export interface NewEvent extends Span {
  userId: number;
  title: string;
  description: string | null;
  location: string | null;
  notifyMinutesBefore: number | null;
  now: Date;
}

/** Inserts every column the entity would write and returns its id with the events it overlaps: one statement. */
export async function insertEvent(sql: Sql, e: NewEvent): Promise<{ id: number; clashes: EventRow[] }> {
  const [row] = await sql<{ id: number; clashes: RawEvent[] }>(
    `with ${CLASH}, added as (
       insert into calendar_events (user_id, title, description, start_at, end_at, location, all_day, notify_minutes_before,
                                    notify_at, notified_at, created_at, updated_at)
       values ($1, $6, $7, $2, $3, $8, $5, $9, $10, null, $11, $11) returning id)
     select (select id from added), ${CLASHES}`,
    [e.userId, e.start, e.end, null, e.allDay, e.title, e.description, e.location, e.notifyMinutesBefore, e.notifyAt, e.now],
  );
  return { id: row!.id, clashes: row!.clashes.map(toRow) };
}

/**
 * Moves an event (a fresh alert: notified_at cleared) and returns what it now overlaps: one statement.
 * Like the entity's flush it writes nothing when nothing changed, and stamps updated_at with the clock.
 */
export async function moveEvent(sql: Sql, userId: number, id: number, to: Span): Promise<EventRow[]> {
  const [row] = await sql<{ clashes: RawEvent[] }>(
    `with ${CLASH}, moved as (
       update calendar_events set start_at = $2, end_at = $3, all_day = $5, notify_at = $6, notified_at = null, updated_at = $7
        where id = $4 and (start_at, end_at, all_day, notify_at, notified_at)
              is distinct from ($2::timestamptz, $3::timestamptz, $5::boolean, $6::timestamptz, null::timestamptz))
     select ${CLASHES}`,
    [userId, to.start, to.end, id, to.allDay, to.notifyAt, new Date()],
  );
  return row!.clashes.map(toRow);
}

export async function deleteEvent(sql: Sql, id: number): Promise<void> {
  await sql('delete from calendar_events where id = $1', [id]);
}
