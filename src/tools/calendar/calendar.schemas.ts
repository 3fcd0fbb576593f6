import { z } from 'zod';
import { told } from '../../understanding/told.js';

export const ALERTS_UP_TO = told('Alerts can come up to 7 days before an event.');
const SHIFT_UP_TO = told('I can move an event by up to 14 days at a time — or tell me its new date.');
import { localDate, localTime, minutes, targetFields } from '../../understanding/when-schema.js';

export const createEventSchema = z.object({
  title: z.string().trim().min(1).max(200, told('An event title can be up to 200 characters long.')).optional(),
  /** Local wall-clock fields in the user's zone; a date without a time is an all-day event. */
  date: localDate.optional(),
  time: localTime.optional(),
  endDate: localDate.optional(),
  endTime: localTime.optional(),
  durationMinutes: minutes(14 * 24 * 60, told('An event can last up to 14 days — for longer, give its first and last day.')).optional(),
  allDay: z.boolean().optional(),
  location: z.string().trim().min(1).max(200, told('A place can be up to 200 characters long.')).optional(),
  description: z.string().trim().min(1).max(1000).optional(),
  notifyMinutesBefore: z.number().int().min(0).max(7 * 24 * 60, ALERTS_UP_TO).optional(),
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
  shiftMinutes: z.number().int().min(-14 * 24 * 60, SHIFT_UP_TO).max(14 * 24 * 60, SHIFT_UP_TO).refine((m) => m !== 0).optional(),
});
export type MoveEventArgs = z.infer<typeof moveEventSchema>;

/** "it / that / the last one" (the event just added or the one just listed), or the next event. */
export const eventRef = z.enum(['last', 'next']).optional()
  .describe('"it"/"that"/"the last one": the event just added or listed; "next": the next event');

export const deleteEventSchema = z.object({ ...targetFields, ref: eventRef });
export type DeleteEventArgs = z.infer<typeof deleteEventSchema>;

export const editEventSchema = z.object({
  ...targetFields,
  ref: eventRef,
  date: localDate.optional(),
  time: localTime.optional(),
  title: z.string().trim().min(1).max(200, told('An event title can be up to 200 characters long.')).optional(),
});
export type EditEventArgs = z.infer<typeof editEventSchema>;

/** Bulk delete: asks YES/NO first; `confirm` (the YES) deletes exactly the events named in that question. */
export const clearEventsSchema = z.object({
  from: localDate.optional().describe('First local day; none: from today on'),
  to: localDate.optional().describe('Last local day (inclusive); none: everything upcoming'),
  label: z.string().trim().min(1).max(60).optional(),
  words: z.string().trim().min(1).max(200).optional().describe('Only events whose title has these words ("meetings")'),
  confirm: z.boolean().optional().describe('Only when the user answered YES to the question this tool asked'),
});
export type ClearEventsArgs = z.infer<typeof clearEventsSchema>;
