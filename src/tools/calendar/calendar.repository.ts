import { EntityRepository, LockMode, type QBFilterQuery } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-rows.js';
import { DateTime } from 'luxon';
import type { UserPreferences } from '../../entities/user.entity.js';
import { isoDate, localNow, startOfLocalDay } from '../../understanding/dates.js';
import type { Target } from '../../understanding/when-schema.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import type { CalendarEvent } from './calendar.entity.js';

/** An event as the tools read it: plain data, not a managed entity. */
export interface EventRow {
  id: number;
  title: string;
  startAt: Date;
  endAt: Date;
  allDay: boolean;
  location: string | null;
  notifyMinutesBefore: number | null;
}

const ROW = ['id', 'title', 'startAt', 'endAt', 'allDay', 'location', 'notifyMinutesBefore'] as const;

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

/** What deleting by words found: the one event it deleted, or the several it could mean (none: nothing matched). */
export interface DeletedByWords {
  deleted: EventRow | null;
  candidates: EventRow[];
}

/** An event whose alert is due, with its owner's zone and preferences, as the scheduler claims it. */
export interface DueAlert {
  id: number;
  userId: number;
  title: string;
  location: string | null;
  startAt: Date;
  notifyMinutesBefore: number | null;
  userZone: string;
  preferences: UserPreferences;
}

type Where = QBFilterQuery<CalendarEvent>;
type Order = Record<string, 'asc' | 'desc'>;

function fits(e: EventRow, query: string[], pick: Target, zone: string): boolean {
  const local = DateTime.fromJSDate(e.startAt, { zone });
  return (!query.length || matchesWords(e.title, query))
    && (!pick.onDate || local.toISODate() === pick.onDate)
    && (!pick.atTime || (!e.allDay && local.toFormat('HH:mm') === pick.atTime));
}

/** The calendar's queries: calendar tools, reminder tools ("cancel dentist"), the daily agenda and the dump ask here. */
export class CalendarRepository extends EntityRepository<CalendarEvent> {
  /** Plain rows (no entities, no identity map): what every list, pick and reply reads. */
  protected rows(where: Where, orderBy: Order, limit?: number): Promise<EventRow[]> {
    const qb = this.createQueryBuilder().select([...ROW]).where(where).orderBy(orderBy);
    if (limit !== undefined) qb.limit(limit);
    return plainRows(qb);
  }

  /** Timed events of the user sharing time with [start, end), other than `except`. None for an all-day span: birthdays never clash. */
  clashes(userId: number, span: Pick<Span, 'start' | 'end' | 'allDay'>, except?: number): Promise<EventRow[]> {
    if (span.allDay) return Promise.resolve([]);
    const where: Where = { user: userId, allDay: false, startAt: { $lt: span.end }, endAt: { $gt: span.start } };
    return this.rows(except === undefined ? where : { ...where, id: { $ne: except } }, { startAt: 'asc', id: 'asc' });
  }

  /** Inserts every column the entity would write; returns its id with the events it overlaps. */
  async add(e: NewEvent): Promise<{ id: number; clashes: EventRow[] }> {
    const clashes = await this.clashes(e.userId, e);
    const id = await this.insert({
      user: e.userId, title: e.title, description: e.description, startAt: e.start, endAt: e.end, location: e.location, allDay: e.allDay,
      notifyMinutesBefore: e.notifyMinutesBefore, notifyAt: e.notifyAt, notifiedAt: null, createdAt: e.now, updatedAt: e.now,
    });
    return { id: id as number, clashes };
  }

  /**
   * Moves an event (a fresh alert: notified_at cleared) and returns what it now overlaps. Like the entity's flush it
   * writes nothing when nothing changed, and stamps updated_at with the clock.
   */
  async move(userId: number, id: number, to: Span): Promise<EventRow[]> {
    const clashes = await this.clashes(userId, to, id);
    const notifyAtDiffers: Where = to.notifyAt === null
      ? { notifyAt: { $ne: null } }
      : { $or: [{ notifyAt: { $ne: to.notifyAt } }, { notifyAt: null }] };
    const differs: Where[] = [
      { startAt: { $ne: to.start } }, { endAt: { $ne: to.end } }, { allDay: { $ne: to.allDay } }, notifyAtDiffers, { notifiedAt: { $ne: null } },
    ];
    await this.nativeUpdate(
      { id, $or: differs },
      { startAt: to.start, endAt: to.end, allDay: to.allDay, notifyAt: to.notifyAt, notifiedAt: null, updatedAt: new Date() },
    );
    return clashes;
  }

  async remove(id: number): Promise<void> {
    await this.nativeDelete({ id });
  }

  /** Deletes those of `ids` that are the user's; returns how many. */
  removeIds(userId: number, ids: readonly number[]): Promise<number> {
    return this.nativeDelete({ id: { $in: [...ids] }, user: userId });
  }

  async retitle(id: number, title: string): Promise<void> {
    await this.nativeUpdate({ id }, { title, updatedAt: new Date() });
  }

  /** The user's events among `ids`, by start. */
  byIds(userId: number, ids: readonly number[]): Promise<EventRow[]> {
    return this.rows({ id: { $in: [...ids] }, user: userId }, { startAt: 'asc', id: 'asc' });
  }

  /** The next `count` events within a year: not started yet, or all-day ones still running. */
  upcoming(userId: number, now: Date, count: number): Promise<EventRow[]> {
    const horizon = new Date(now.getTime() + 366 * 86_400_000);
    return this.rows(
      { user: userId, startAt: { $lt: horizon }, endAt: { $gt: now }, $or: [{ startAt: { $gte: now } }, { allDay: true }] },
      { startAt: 'asc', id: 'asc' },
      count,
    );
  }

  /** Events that intersect [from, to): a multi-day or all-day event shows on each of its days. */
  between(userId: number, from: Date, to: Date, limit = 100): Promise<EventRow[]> {
    return this.rows({ user: userId, startAt: { $lt: to }, endAt: { $gt: from } }, { startAt: 'asc', id: 'asc' }, limit);
  }

  async byId(userId: number, id: number): Promise<EventRow | null> {
    const [row] = await this.rows({ id, user: userId }, { id: 'asc' });
    return row ?? null;
  }

  /** Events picked by words, local date or time — those not over before today first, else the latest past one. */
  async byWords(userId: number, pick: Target, now: Date, zone: string): Promise<EventRow[]> {
    const query = keywords(pick.words ?? '');
    if (!query.length && !pick.onDate && !pick.atTime) return [];
    const today = startOfLocalDay(isoDate(localNow({ now, timezone: zone })), zone);
    const upcoming = await this.rows({ user: userId, endAt: { $gt: today } }, { startAt: 'asc' }, 500);
    const hits = upcoming.filter((e) => fits(e, query, pick, zone));
    if (hits.length) return hits;
    const past = await this.rows({ user: userId, endAt: { $lte: today } }, { startAt: 'desc' }, 200);
    return past.filter((e) => fits(e, query, pick, zone)).slice(0, 1);
  }

  /** Deletes the event picked by words, date or time when exactly one matches. */
  async deleteByWords(userId: number, pick: Target, now: Date, zone: string): Promise<DeletedByWords> {
    const rows = await this.byWords(userId, { ...pick, number: undefined }, now, zone);
    if (rows.length !== 1) return { deleted: null, candidates: rows };
    await this.remove(rows[0]!.id);
    return { deleted: rows[0]!, candidates: rows };
  }

  /** The events of a day as the daily agenda lists them: all-day ones first. */
  forDay(userId: number, from: Date, to: Date, limit = 15): Promise<Pick<EventRow, 'title' | 'startAt' | 'allDay' | 'location'>[]> {
    return plainRows(this.createQueryBuilder().select(['title', 'startAt', 'allDay', 'location'])
      .where({ user: userId, startAt: { $lt: to }, endAt: { $gt: from } })
      .orderBy({ allDay: 'desc', startAt: 'asc', id: 'asc' }).limit(limit));
  }

  /** Many users' events for `cli dump`, in one statement, ordered by user, start and id. */
  ofUsers(userIds: readonly number[]): Promise<(Pick<EventRow, 'id' | 'title' | 'startAt' | 'endAt' | 'location'> & { user: number })[]> {
    return plainRows(this.createQueryBuilder().select(['id', 'user', 'title', 'startAt', 'endAt', 'location'])
      .where({ user: { $in: [...userIds] } })
      .orderBy({ user: 'asc', startAt: 'asc', id: 'asc' }));
  }

  /**
   * Locks up to `limit` events whose alert is due by `now`, in notify_at order (the partial calendar_events_notify_at_index),
   * with their owner's zone; FOR UPDATE OF the events only, SKIP LOCKED. Needs a transaction.
   */
  claimAlerts(now: Date, limit: number): Promise<DueAlert[]> {
    return plainRows(this.claimQuery(now, limit));
  }

  /** The claim's query, unexecuted (bench:reminders explains it). */
  claimQuery(now: Date, limit: number) {
    return this.createQueryBuilder('e')
      .select(['e.id', 'e.title', 'e.location', 'e.startAt', 'e.notifyMinutesBefore'])
      .join('e.user', 'u')
      .addSelect(['u.id as userId', 'u.timezone as userZone', 'u.preferences as preferences'])
      .where({ notifyAt: { $ne: null, $lte: now }, notifiedAt: null })
      .orderBy({ notifyAt: 'asc' })
      .limit(limit)
      .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE, ['e']);
  }

  async markNotified(ids: readonly number[], now: Date): Promise<void> {
    if (ids.length) await this.nativeUpdate({ id: { $in: [...ids] } }, { notifiedAt: now });
  }

  /**
   * After the user changes the default lead time (null: alerts off), for their upcoming timed events that use it and
   * have not alerted yet: start minus the lead time, or none when that has already passed. Returns how many.
   */
  async rescheduleDefaultAlerts(userId: number, minutes: number | null, now: Date): Promise<number> {
    const where: Where = { user: userId, notifyMinutesBefore: null, notifiedAt: null, allDay: false, startAt: { $gt: now } };
    if (minutes === null) return this.nativeUpdate(where, { notifyAt: null });
    const rows: Pick<EventRow, 'id' | 'startAt'>[] = await plainRows(this.createQueryBuilder().select(['id', 'startAt']).where(where));
    if (!rows.length) return 0;
    const at = (r: Pick<EventRow, 'startAt'>) => new Date(r.startAt.getTime() - minutes * 60_000);
    await this.em.getDriver().nativeUpdateMany(
      this.getEntityName(),
      rows.map((r) => ({ id: r.id })),
      rows.map((r) => ({ notifyAt: at(r).getTime() <= now.getTime() ? null : at(r) })),
      { ctx: this.em.getTransactionContext() },
    );
    return rows.length;
  }
}
