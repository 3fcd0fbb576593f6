import { Entity, Index, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';

/** When a user's next daily agenda is due; one row per user who asked for it (the setting is in users.preferences). */
@Entity({ tableName: 'agenda_schedules' })
@Index({ properties: ['nextAt'] })
export class AgendaSchedule {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @OneToOne(() => User, { primary: true, owner: true, deleteRule: 'cascade', fieldName: 'user_id' })
  user!: User;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
