import { z } from 'zod';
import { repeatSchema } from '../../understanding/recurrence.js';
import { localDate, localTime, minutes, targetFields } from '../../understanding/when-schema.js';

export const createReminderSchema = z.object({
  /** What to remind about; missing → the tool asks. */
  text: z.string().trim().min(1).max(500).optional(),
  date: localDate.optional(),
  time: localTime.optional(),
  inMinutes: minutes(366 * 24 * 60).optional(),
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
  inMinutes: minutes(366 * 24 * 60).optional(),
  date: localDate.optional(),
  time: localTime.optional(),
});
