import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../entities/user.entity.js';

export const REMINDER_STATUSES = ['pending', 'sent', 'done', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One reminder; a recurring one keeps status pending and moves due_at to its next occurrence. */
@Entity({ tableName: 'reminders' })
@Index({ properties: ['status', 'dueAt'] })
@Index({ properties: ['user', 'status', 'dueAt'] })
export class Reminder {
  [OptionalProps]?: 'status' | 'rrule' | 'lastSentAt' | 'doneAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
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

  @Property({ type: 'text' })
  status: ReminderStatus = 'pending';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSentAt?: Date | null;

  /**
   * When the user last said it was done. A one-off also turns status done; a recurring one stays pending, so
   * this is what says its last sending was dealt with (a later "snooze" must not bring that occurrence back).
   */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  doneAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
