import { Check, Entity, EntityRepositoryType, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import { instant, instantNow, optionalInstant, partialIndex } from '../../entities/columns.js';
import { CalendarRepository } from './calendar.repository.js';

/** A calendar event; an all-day event runs from local midnight to the next local midnight in the user's zone. */
@Entity({ tableName: 'calendar_events', repository: () => CalendarRepository })
@Check({ name: 'calendar_events_end_after_start', expression: 'end_at >= start_at' })
@Check({ name: 'calendar_events_notify_check', expression: 'notify_minutes_before >= 0' })
@Check({ name: 'calendar_events_title_not_blank', expression: 'length(btrim(title)) > 0' })
@Index({ properties: ['user', 'startAt'] })
@Index(partialIndex('calendar_events', ['notify_at'], '"notify_at" is not null and "notified_at" is null'))
export class CalendarEvent {
  [EntityRepositoryType]?: CalendarRepository;
  [OptionalProps]?: 'description' | 'location' | 'allDay' | 'notifyMinutesBefore' | 'notifyAt' | 'notifiedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property(instant())
  startAt!: Date;

  @Property(instant())
  endAt!: Date;

  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Property({ type: 'boolean', default: false })
  allDay: boolean = false;

  @Property({ type: 'integer', nullable: true })
  notifyMinutesBefore?: number | null;

  /** When the alert is due (start minus the lead time); null: no alert. Kept in step by create and move. */
  @Property(optionalInstant())
  notifyAt?: Date | null;

  /** Set when the alert was handed to the outbox. */
  @Property(optionalInstant())
  notifiedAt?: Date | null;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property({ ...instantNow(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
