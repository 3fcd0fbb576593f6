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

export const pickReminderSchema = z.object({ ...targetFields });
export type PickReminderArgs = z.infer<typeof pickReminderSchema>;

export const snoozeReminderSchema = z.object({
  inMinutes: minutes(366 * 24 * 60, told('I can snooze a reminder for up to 366 days.')).optional(),
  date: localDate.optional(),
  time: localTime.optional(),
});
