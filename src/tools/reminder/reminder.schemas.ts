import { z } from 'zod';
import { told } from '../../understanding/told.js';
import { repeatSchema } from '../../understanding/recurrence.js';
import { localDate, localTime, minutes, targetFields } from '../../understanding/when-schema.js';

export const createReminderSchema = z.object({
  /** What to remind about; missing → the tool asks. */
  text: z.string().trim().min(1).max(500, told('A reminder can be up to 500 characters long.')).optional(),
  date: localDate.optional(),
  time: localTime.optional(),
  inMinutes: minutes(366 * 24 * 60, told('I can set a reminder up to 366 days ahead.')).optional(),
  repeat: repeatSchema.optional(),
  /** Only when the user names a zone for this reminder ("9am London time"): it then keeps that zone's time. */
  timezone: z.string().trim().min(1).max(80).optional()
    .describe('Only when the user names a zone for this reminder, e.g. "9am London time"'),
});
export type CreateReminderArgs = z.infer<typeof createReminderSchema>;

export const listRemindersSchema = z.object({});

/** "it / that / the last one" (what was just set or the one just listed), or the next one due. */
export const refField = z.enum(['last', 'next']).optional()
  .describe('"it"/"that"/"the last one": the one just set or listed; "next": the next one due');

export const pickReminderSchema = z.object({
  ...targetFields,
  ref: refField,
  alarm: z.boolean().optional().describe('Only alarms (reminders named "Alarm" or "Wake up")'),
});
export type PickReminderArgs = z.infer<typeof pickReminderSchema>;

export const snoozeReminderSchema = z.object({
  inMinutes: minutes(366 * 24 * 60, told('I can snooze a reminder for up to 366 days.')).optional(),
  date: localDate.optional(),
  time: localTime.optional(),
});

export const editReminderSchema = z.object({
  ...targetFields,
  ref: refField,
  date: localDate.optional(),
  time: localTime.optional(),
  text: z.string().trim().min(1).max(500, told('A reminder can be up to 500 characters long.')).optional(),
});
export type EditReminderArgs = z.infer<typeof editReminderSchema>;

/** Bulk cancel: asks YES/NO first; `confirm` (the YES) cancels exactly the reminders named in that question. */
export const clearRemindersSchema = z.object({
  alarms: z.boolean().optional().describe('Only alarms'),
  confirm: z.boolean().optional().describe('Only when the user answered YES to the question this tool asked'),
});
