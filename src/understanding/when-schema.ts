import { z } from 'zod';
import { DateTime } from 'luxon';
import { DATE_RE, TIME_RE } from './dates.js';

/**
 * Tool arguments carry local wall-clock fields, never model-computed instants: the server resolves them
 * in the user's zone (dates.ts), so the rules and an LLM call the same tools the same way.
 */
export const localDate = z
  .string()
  .regex(DATE_RE, 'a local date YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'a real calendar date');
export const localTime = z.string().regex(TIME_RE, 'a local time HH:mm (24 h)');
/** A whole number of minutes from 1 to `max`; `tooMany` tells the person the limit. */
export const minutes = (max: number, tooMany?: string) => z.number().int().min(1).max(max, tooMany);

/** Picks a row by its number in the last list shown, or by a few words of its text. */
export const targetFields = {
  number: z.number().int().min(1).max(999).optional(),
  words: z.string().trim().min(1).max(200).optional(),
  /** Only rows on this local date ("cancel the meeting on thursday"). */
  onDate: localDate.optional(),
  /** Only rows at this local time ("move my 3pm to 4"). */
  atTime: localTime.optional(),
};

/** What `targetFields` pick a row by. */
export type Target = { [K in keyof typeof targetFields]?: z.infer<(typeof targetFields)[K]> };

/** True when the target names anything at all (`byNumber` false: words, date or time only). */
export function hasTarget(t: Target, byNumber = true): boolean {
  return (byNumber && t.number !== undefined) || Boolean(t.words || t.onDate || t.atTime);
}

/** The target as the user said it, for replies ("dentist 2026-11-24", or "#2"). */
export function describeTarget(t: Target): string {
  return [t.words, t.onDate, t.atTime].filter(Boolean).join(' ') || `#${t.number}`;
}
