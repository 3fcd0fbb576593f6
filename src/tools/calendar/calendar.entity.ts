import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';

/** A calendar event; an all-day event runs from local midnight to the next local midnight in the user's zone. */
@Entity({ tableName: 'calendar_events' })
@Index({ properties: ['user', 'startAt'] })
export class CalendarEvent {
  [OptionalProps]?: 'description' | 'location' | 'allDay' | 'notifyMinutesBefore' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endAt!: Date;

  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Property({ type: 'boolean' })
  allDay: boolean = false;

  @Property({ type: 'integer', nullable: true })
  notifyMinutesBefore?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
