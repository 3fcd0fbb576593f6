import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-rows.js';
import type { UserPreferences } from '../../entities/user.entity.js';
import type { AgendaSchedule } from './agenda-schedule.entity.js';

/** A due agenda as the scheduler claims it, with its owner's zone and preferences. */
export interface DueAgenda {
  userId: number;
  nextAt: Date;
  timezone: string;
  preferences: UserPreferences;
}

/** When each user's daily agenda is due: the notification tool sets it, the agenda job claims and advances it. */
export class AgendaScheduleRepository extends EntityRepository<AgendaSchedule> {
  /** The user's next agenda at `next` (created, or moved if they had one). */
  async schedule(userId: number, next: Date, now: Date): Promise<void> {
    await this.createQueryBuilder()
      .insert({ user: userId, nextAt: next, createdAt: now, updatedAt: now })
      .onConflict('user')
      .merge(['nextAt', 'updatedAt']);
  }

  async unschedule(userId: number): Promise<void> {
    await this.nativeDelete({ user: userId });
  }

  async reschedule(userId: number, next: Date, now: Date): Promise<void> {
    await this.nativeUpdate({ user: userId }, { nextAt: next, updatedAt: now });
  }

  /** Locks up to `limit` agendas due by `now` with their owner's zone: FOR UPDATE OF the schedules only, SKIP LOCKED. */
  claimDue(now: Date, limit: number): Promise<DueAgenda[]> {
    return plainRows(this.claimQuery(now, limit));
  }

  /** The claim's query, unexecuted. */
  claimQuery(now: Date, limit: number) {
    return this.createQueryBuilder('s')
      .select(['s.nextAt'])
      .join('s.user', 'u')
      .addSelect(['u.id as userId', 'u.timezone as timezone', 'u.preferences as preferences'])
      .where({ nextAt: { $lte: now } })
      .orderBy({ nextAt: 'asc' })
      .limit(limit)
      .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE, ['s']);
  }
}
