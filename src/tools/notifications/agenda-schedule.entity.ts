import { Entity, EntityRepositoryType, Index, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import { instant, instantNow } from '../../entities/columns.js';
import { AgendaScheduleRepository } from './agenda-schedule.repository.js';

/** When a user's next daily agenda is due; one row per user who asked for it (the setting is in users.preferences). */
@Entity({ tableName: 'agenda_schedules', repository: () => AgendaScheduleRepository })
@Index({ properties: ['nextAt'] })
export class AgendaSchedule {
  [EntityRepositoryType]?: AgendaScheduleRepository;
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @OneToOne(() => User, { primary: true, owner: true, deleteRule: 'cascade', fieldName: 'user_id' })
  user!: User;

  @Property(instant())
  nextAt!: Date;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property(instantNow())
  updatedAt: Date = new Date();
}
