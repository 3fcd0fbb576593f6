import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserPreferences } from '../../entities/user.entity.js';
import { notificationSettings } from '../notifications/notification.prefs.js';
import { CalendarEvent } from './calendar.entity.js';

type Timing = Pick<CalendarEvent, 'startAt' | 'allDay' | 'notifyMinutesBefore'>;

/**
 * When an event's alert is due: start minus its own lead time, else the user's default (30 minutes unless
 * changed or turned off). All-day events get none (the agenda covers them), nor does an alert whose time has
 * already passed when the event is added or moved — the user is looking at it right now.
 */
export function alertAt(e: Timing, prefs: UserPreferences | null | undefined, now: Date): Date | null {
  if (e.allDay) return null;
  const minutes = e.notifyMinutesBefore ?? notificationSettings(prefs).eventAlertMinutes;
  if (minutes === null) return null;
  const at = new Date(e.startAt.getTime() - minutes * 60_000);
  return at.getTime() > now.getTime() ? at : null;
}

/** After the user changes the default lead time (null: alerts off), for their upcoming events that use it. */
export function rescheduleDefaultAlerts(em: EntityManager, userId: number, minutes: number | null, now: Date): Promise<number> {
  return em.getRepository(CalendarEvent).rescheduleDefaultAlerts(userId, minutes, now);
}
