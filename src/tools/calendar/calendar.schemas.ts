import { z } from 'zod';
import { localDate, localTime, minutes, targetFields } from '../../understanding/when-schema.js';

export const createEventSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  /** Local wall-clock fields in the user's zone; a date without a time is an all-day event. */
  date: localDate.optional(),
  time: localTime.optional(),
  endDate: localDate.optional(),
  endTime: localTime.optional(),
  durationMinutes: minutes(14 * 24 * 60).optional(),
  allDay: z.boolean().optional(),
  location: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(1000).optional(),
  notifyMinutesBefore: z.number().int().min(0).max(7 * 24 * 60).optional(),
});
export type CreateEventArgs = z.infer<typeof createEventSchema>;

export const listEventsSchema = z
  .object({ from: localDate, to: localDate, label: z.string().trim().min(1).max(60).optional() })
  .refine((a) => a.from <= a.to, 'from must not be after to');

export const nextEventsSchema = z.object({
  count: z.number().int().min(1).max(20).optional(),
  words: z.string().trim().min(1).max(200).optional(),
});

export const moveEventSchema = z.object({
  ...targetFields,
  date: localDate.optional(),
  time: localTime.optional(),
  /** "push it back an hour": a shift of the start, keeping the length. */
  shiftMinutes: z.number().int().min(-14 * 24 * 60).max(14 * 24 * 60).refine((m) => m !== 0).optional(),
});
export type MoveEventArgs = z.infer<typeof moveEventSchema>;

export const deleteEventSchema = z.object({ ...targetFields });
