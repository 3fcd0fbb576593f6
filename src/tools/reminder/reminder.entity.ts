import { Check, Entity, EntityRepositoryType, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';
import { instant, instantNow, optionalInstant } from '../../entities/columns.js';
import { ReminderRepository } from './reminder.repository.js';

export const REMINDER_STATUSES = ['pending', 'sent', 'done', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One reminder; a recurring one keeps status pending and moves due_at to its next occurrence. */
@Entity({ tableName: 'reminders', repository: () => ReminderRepository })
@Check({ name: 'reminders_text_not_blank', expression: 'length(btrim(text)) > 0' })
@Index({ properties: ['status', 'dueAt'] })
@Index({ properties: ['user', 'status', 'dueAt'] })
export class Reminder {
  [EntityRepositoryType]?: ReminderRepository;
  [OptionalProps]?: 'status' | 'rrule' | 'lastSentAt' | 'doneAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  text!: string;

  @Property(instant())
  dueAt!: Date;

  /**
   * RFC 5545 DTSTART (local wall time) and RRULE lines; null for a one-off. DTSTART floats (no TZID) and follows the
   * user's current zone, unless the user named a zone for the reminder, which pins it (DTSTART;TZID=…).
   */
  @Property({ type: 'text', nullable: true })
  rrule?: string | null;

  /** The user's IANA zone when the reminder was set, for the record (a floating rule expands in their current one). */
  @Property({ type: 'text' })
  timezone!: string;

  @Enum({ type: 'text', items: () => REMINDER_STATUSES, default: 'pending' })
  status: ReminderStatus = 'pending';

  @Property(optionalInstant())
  lastSentAt?: Date | null;

  /**
   * When the user last said it was done. A one-off also turns status done; a recurring one stays pending, so
   * this is what says its last sending was dealt with (a later "snooze" must not bring that occurrence back).
   */
  @Property(optionalInstant())
  doneAt?: Date | null;

  @Property(instantNow())
  createdAt: Date = new Date();

  @Property({ ...instantNow(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
