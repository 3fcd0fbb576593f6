import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';

/** A calendar event; an all-day event runs from local midnight to the next local midnight in the user's zone. */
@Entity({ tableName: 'calendar_events' })
@Index({ properties: ['user', 'startAt'] })
@Index({ name: 'calendar_events_notify_at_index', expression: 'create index "calendar_events_notify_at_index" on "calendar_events" ("notify_at") where "notify_at" is not null and "notified_at" is null' })
export class CalendarEvent {
  [OptionalProps]?: 'description' | 'location' | 'allDay' | 'notifyMinutesBefore' | 'notifyAt' | 'notifiedAt' | 'createdAt' | 'updatedAt';

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

  /** When the alert is due (start minus the lead time); null: no alert. Kept in step by create and move. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  notifyAt?: Date | null;

  /** Set when the alert was handed to the outbox. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  notifiedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
