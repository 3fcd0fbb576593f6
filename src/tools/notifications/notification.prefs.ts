import { DateTime } from 'luxon';
import type { UserPreferences } from '../../entities/user.entity.js';

/** Local wall-clock window "HH:mm"–"HH:mm"; it wraps midnight when start > end. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface AgendaPreference {
  time: string;
  evenWhenEmpty: boolean;
}

/** What users.preferences holds for notifications; absent keys mean the defaults, null means "off". */
export interface NotificationPreferences {
  eventAlertMinutes?: number | null;
  quietHours?: QuietHours | null;
  agenda?: AgendaPreference | null;
}

export const DEFAULT_EVENT_ALERT_MINUTES = 30;
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '07:00' };

export interface NotificationSettings {
  eventAlertMinutes: number | null;
  quietHours: QuietHours | null;
  agenda: AgendaPreference | null;
}

export function notificationSettings(prefs: UserPreferences | null | undefined): NotificationSettings {
  const p = (prefs ?? {}) as NotificationPreferences;
  return {
    eventAlertMinutes: p.eventAlertMinutes === undefined ? DEFAULT_EVENT_ALERT_MINUTES : p.eventAlertMinutes,
    quietHours: p.quietHours === undefined ? DEFAULT_QUIET_HOURS : p.quietHours,
    agenda: p.agenda ?? null,
  };
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant quiet hours end when `now` falls inside them (in the user's zone); null outside them. */
export function quietUntil(now: Date, zone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const m = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  const day = start > end && m >= start ? local.plus({ days: 1 }) : local;
  return atLocal(day.toISODate()!, quiet.end, zone);
}

/** When a non-explicit notification may go: now, or the end of the user's quiet hours. */
export function notBeforeFor(now: Date, zone: string, prefs: UserPreferences | null | undefined): Date {
  return quietUntil(now, zone, notificationSettings(prefs).quietHours) ?? now;
}

/** A local date and wall time as an instant; a time skipped by a DST change moves forward (luxon). */
export function atLocal(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/** "10:00 PM" from "22:00". */
export function clockLabel(hhmm: string): string {
  return DateTime.fromFormat(hhmm, 'HH:mm').toFormat('h:mm a');
}
