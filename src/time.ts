import { DateTime } from 'luxon';

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** A clock is injected everywhere so tests never depend on wall time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** "Tue Nov 24, 10:00 AM" in the user's zone: every reply that stores a time echoes it like this. */
export function formatLocal(instant: Date, zone: string, opts: { withDate?: boolean } = {}): string {
  const dt = DateTime.fromJSDate(instant, { zone });
  const time = dt.toFormat('h:mm a');
  return opts.withDate === false ? time : `${dt.toFormat('ccc LLL d')}, ${time}`;
}

/** A corrected time: "12:00 PM → 1:00 PM" when the day stays, else both with their dates. */
export function timeChange(before: Date, after: Date, zone: string): string {
  const sameDay = DateTime.fromJSDate(before, { zone }).hasSame(DateTime.fromJSDate(after, { zone }), 'day');
  return `${formatLocal(before, zone, { withDate: !sameDay })} → ${formatLocal(after, zone, { withDate: !sameDay })}`;
}
