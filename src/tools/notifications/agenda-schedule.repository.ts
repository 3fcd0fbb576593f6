import { EntityRepository } from '@mikro-orm/postgresql';
import type { AgendaSchedule } from './agenda-schedule.entity.js';

/** When each user's daily agenda is next due: one row per user who asked for one. */
export class AgendaScheduleRepository extends EntityRepository<AgendaSchedule> {
  /** Starts the user's agenda, or moves it to `nextAt` (one statement either way). */
  async schedule(userId: number, nextAt: Date, now: Date): Promise<void> {
    await this.createQueryBuilder()
      .insert({ user: userId, nextAt, createdAt: now, updatedAt: now })
      .onConflict('user')
      .merge(['nextAt', 'updatedAt']);
  }

  async stop(userId: number): Promise<void> {
    await this.nativeDelete({ user: userId });
  }
}
