import { EntityRepository, LockMode, type QBFilterQuery as FilterQuery } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-rows.js';
import type { UserPreferences } from '../../entities/user.entity.js';
import { describeRepeat, nextOccurrence } from '../../understanding/recurrence.js';
import type { Reminder, ReminderStatus } from './reminder.entity.js';

/** A reminder as the tools read it: plain data, not a managed entity. */
export interface ReminderRow {
  id: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  status: ReminderStatus;
  lastSentAt: Date | null;
  doneAt: Date | null;
}

const ROW = ['id', 'text', 'dueAt', 'rrule', 'status', 'lastSentAt', 'doneAt'] as const;

export interface NewReminder {
  userId: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  timezone: string;
  now: Date;
}

/** When a pending reminder next goes off in a range; a recurring one also says how it repeats. */
export interface ReminderOccurrence {
  text: string;
  at: Date;
  repeat?: string;
}

/** A reminder the dump shows. */
export interface DumpedReminder {
  id: number;
  user: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  status: ReminderStatus;
}

/** A due reminder as the scheduler claims it, with its owner's zone and preferences. */
export interface DueReminder {
  id: number;
  userId: number;
  text: string;
  dueAt: Date;
  rrule: string | null;
  userZone: string;
  preferences: UserPreferences;
}

/** What a batch does to each reminder it handed over: a one-off is sent, a recurring one moves to its next time. */
export interface Advance {
  id: number;
  status: 'pending' | 'sent';
  dueAt: Date;
}

type Where = FilterQuery<Reminder>;
type Order = Record<string, 'asc' | 'desc'>;

/** The reminders' queries: reminder tools, the calendar's agenda, the daily agenda and the dump ask here. */
export class ReminderRepository extends EntityRepository<Reminder> {
  /** Plain rows (no entities, no identity map): what every list, pick and reply reads. */
  protected rows(where: Where, orderBy: Order, limit?: number): Promise<ReminderRow[]> {
    const qb = this.createQueryBuilder().select([...ROW]).where(where).orderBy(orderBy);
    if (limit !== undefined) qb.limit(limit);
    return plainRows(qb);
  }

  /** Every column the entity would write, so the row is the same as before (status pending, never sent). */
  async add(r: NewReminder): Promise<number> {
    const id = await this.insert({
      user: r.userId, text: r.text, dueAt: r.dueAt, rrule: r.rrule, timezone: r.timezone, status: 'pending',
      lastSentAt: null, doneAt: null, createdAt: r.now, updatedAt: r.now,
    });
    return id as number;
  }

  upcoming(userId: number, limit = 50): Promise<ReminderRow[]> {
    return this.rows({ user: userId, status: 'pending' }, { dueAt: 'asc', id: 'asc' }, limit);
  }

  /** One of the user's reminders by id, if it is in one of `statuses`. */
  async byId(userId: number, id: number, statuses: ReminderStatus[]): Promise<ReminderRow | null> {
    const [row] = await this.rows({ id, user: userId, status: { $in: statuses } }, { id: 'asc' });
    return row ?? null;
  }

  /**
   * The `limit` reminders in `statuses` whose due time is nearest to `now`, in due order: sent one-offs pile up over
   * the years and must not crowd out recent ones. Read as the nearest on either side, then the nearest of both.
   */
  async nearest(userId: number, statuses: ReminderStatus[], now: Date, limit = 500): Promise<ReminderRow[]> {
    const where = { user: userId, status: { $in: statuses } };
    const ahead = await this.rows({ ...where, dueAt: { $gte: now } }, { dueAt: 'asc', id: 'asc' }, limit);
    const behind = await this.rows({ ...where, dueAt: { $lt: now } }, { dueAt: 'desc', id: 'desc' }, limit);
    const away = (r: ReminderRow) => Math.abs(r.dueAt.getTime() - now.getTime());
    const picked = [...ahead, ...behind].sort((a, b) => away(a) - away(b)).slice(0, limit);
    return picked.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
  }

  /**
   * The reminder that went off most recently: what "done" and "snooze" are about. "done" skips cancelled ones;
   * "snooze" must see them, or it would bring back an older one instead of saying this one was cancelled.
   */
  async lastSent(userId: number, withCancelled = false): Promise<ReminderRow | null> {
    const sent: Where = { user: userId, lastSentAt: { $ne: null } };
    const where: Where = withCancelled ? sent : { ...sent, status: { $ne: 'cancelled' } };
    const [row] = await this.rows(where, { lastSentAt: 'desc', id: 'desc' }, 1);
    return row ?? null;
  }

  /**
   * Writes a changed status and/or due time. Like the entity's flush: nothing when nothing changed, and
   * updated_at stamped with the clock (its onUpdate hook), not the message's instant.
   */
  async change(row: ReminderRow, change: { status: ReminderStatus; dueAt?: Date; doneAt?: Date }): Promise<void> {
    const dueAt = change.dueAt ?? row.dueAt;
    const doneAt = change.doneAt ?? row.doneAt;
    if (change.status === row.status && dueAt.getTime() === row.dueAt.getTime() && doneAt?.getTime() === row.doneAt?.getTime()) return;
    await this.nativeUpdate({ id: row.id }, { status: change.status, dueAt, doneAt, updatedAt: new Date() });
  }

  /** A correction in place ("make that 7pm", "change the title to …"): the new text and/or due time. */
  async edit(id: number, change: { text?: string; dueAt?: Date }): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    await this.nativeUpdate({ id }, { ...set, updatedAt: new Date() });
  }

  /** Cancels those of `ids` that are the user's and still pending; returns how many. */
  cancelIds(userId: number, ids: readonly number[]): Promise<number> {
    return this.nativeUpdate({ id: { $in: [...ids] }, user: userId, status: 'pending' }, { status: 'cancelled', updatedAt: new Date() });
  }

  /** The user's reminders among `ids` that are in one of `statuses`, in due order. */
  byIds(userId: number, ids: readonly number[], statuses: ReminderStatus[]): Promise<ReminderRow[]> {
    return this.rows({ id: { $in: [...ids] }, user: userId, status: { $in: statuses } }, { dueAt: 'asc', id: 'asc' });
  }

  /**
   * The user's pending reminders that go off in [from, to), in time order. A recurring one is listed once, at its
   * first time in the range with how it repeats, so "this month" is not thirty lines of the same daily reminder.
   */
  async occurrencesBetween(userId: number, from: Date, to: Date, zone: string, limit = 40): Promise<ReminderOccurrence[]> {
    const rows = await this.rows(
      { user: userId, status: 'pending', dueAt: { $lt: to }, $or: [{ dueAt: { $gte: from } }, { rrule: { $ne: null } }] },
      { dueAt: 'asc', id: 'asc' },
      200,
    );
    const out: ReminderOccurrence[] = [];
    for (const r of rows) {
      const at = r.rrule && r.dueAt.getTime() < from.getTime() ? nextOccurrence(r.rrule, zone, new Date(from.getTime() - 1)) : r.dueAt;
      if (!at || at.getTime() >= to.getTime()) continue;
      out.push(r.rrule ? { text: r.text, at, repeat: describeRepeat(r.rrule) } : { text: r.text, at });
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, limit);
  }

  /** Pending reminders due in [from, to) as the daily agenda lists them (recurring ones at their stored next time). */
  dueBetween(userId: number, from: Date, to: Date, limit = 15): Promise<Pick<ReminderRow, 'text' | 'dueAt'>[]> {
    return plainRows(this.createQueryBuilder().select(['text', 'dueAt'])
      .where({ user: userId, status: 'pending', dueAt: { $gte: from, $lt: to } })
      .orderBy({ dueAt: 'asc', id: 'asc' }).limit(limit));
  }

  /** Pending recurring reminders: the ones a change of the user's zone may move. */
  recurring(userId: number): Promise<ReminderRow[]> {
    return this.rows({ user: userId, status: 'pending', rrule: { $ne: null } }, { dueAt: 'asc', id: 'asc' });
  }

  /** New due times for several reminders: one statement. */
  async moveDue(moves: readonly { id: number; dueAt: Date }[]): Promise<void> {
    if (!moves.length) return;
    const updatedAt = new Date();
    await this.em.getDriver().nativeUpdateMany(
      this.getEntityName(),
      moves.map((m) => ({ id: m.id })),
      moves.map((m) => ({ dueAt: m.dueAt, updatedAt })),
      { ctx: this.em.getTransactionContext() },
    );
  }

  /** Many users' reminders for `cli dump`, in one statement, ordered by user, due time and id. */
  ofUsers(userIds: readonly number[]): Promise<DumpedReminder[]> {
    return plainRows(this.createQueryBuilder().select(['id', 'user', 'text', 'dueAt', 'rrule', 'status'])
      .where({ user: { $in: [...userIds] } })
      .orderBy({ user: 'asc', dueAt: 'asc', id: 'asc' }));
  }

  /**
   * Locks up to `limit` pending reminders due by `now` in index order (reminders_status_due_at_index) with their owner's
   * zone; FOR UPDATE OF the reminders only, SKIP LOCKED, so every instance claims side by side. Needs a transaction.
   */
  claimDue(now: Date, limit: number): Promise<DueReminder[]> {
    return plainRows(this.claimQuery(now, limit));
  }

  /** The claim's query, unexecuted (bench:reminders explains it). */
  claimQuery(now: Date, limit: number) {
    return this.createQueryBuilder('r')
      .select(['r.id', 'r.text', 'r.dueAt', 'r.rrule'])
      .join('r.user', 'u')
      .addSelect(['u.id as userId', 'u.timezone as userZone', 'u.preferences as preferences'])
      .where({ status: 'pending', dueAt: { $lte: now } })
      .orderBy({ dueAt: 'asc' })
      .limit(limit)
      .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE, ['r']);
  }

  /** Marks a claimed batch as handed over (last sent `now`): one statement. */
  async advance(advances: readonly Advance[], now: Date): Promise<void> {
    if (!advances.length) return;
    await this.em.getDriver().nativeUpdateMany(
      this.getEntityName(),
      advances.map((a) => ({ id: a.id })),
      advances.map((a) => ({ status: a.status, dueAt: a.dueAt, lastSentAt: now, updatedAt: now })),
      { ctx: this.em.getTransactionContext() },
    );
  }
}
