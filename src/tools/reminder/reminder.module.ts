import { groupByUser } from '../shared/by-user.js';
import { parseSchedule } from '../../understanding/schedule.js';
import { parseWhen } from '../../understanding/dates.js';
import { toolCall, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import type { DumpSection, ToolModule } from '../types.js';
import { createReminderTool } from './reminder-create.tool.js';
import { cancelReminderTool, doneReminderTool, listRemindersTool, snoozeReminderTool } from './reminder-manage.tool.js';
import { editReminderTool } from './reminder-edit.tool.js';
import { CLEAR_REMINDERS, clearRemindersTool } from './reminder-clear.tool.js';
import { resumeBulk } from '../shared/confirm.js';
import { Reminder } from './reminder.entity.js';
import { createDueRemindersJob } from './reminder.job.js';
import { alarmRules } from './alarm.rules.js';
import { reminderRules } from './reminder.rules.js';
import { cleanTask } from '../shared/task-wording.js';
import { compact } from '../shared/wording.js';
import { REMINDER_TRIGGER } from './reminder-text.js';
import { wordList } from '../../understanding/pattern.js';

export const YES = new RegExp(wordList`^(?:y|yes|yeah|yea|yep|yup|sure|ok|okay|k|kk|fine|sounds good|perfect|please|yes please|
  do it|that works|good|correct|right)$`);
const NOT_A_TASK = /^(?:what|whats|what's|show|list|add|cancel|delete|remove|help|my|spent|paid|snooze)\b/;

/** Fills the one missing detail of a pending "remind me…" from the next message; null when it is about something else. */
function resumeReminder(pending: PendingRequest, input: RuleInput, ctx: UnderstandContext): Understanding | null {
  if (pending.tool !== 'reminders.create' || REMINDER_TRIGGER.test(input.text)) return null;
  const { suggest, ...args } = pending.args as Record<string, unknown> & { suggest?: { date: string; time: string } };
  if (pending.missing === 'when' && suggest && YES.test(input.text)) {
    return toolCall('reminders.create', { ...args, ...suggest });
  }
  const when = parseSchedule(input.text, ctx);
  const fields = compact({ date: when.date, time: when.time, inMinutes: when.repeat ? undefined : when.inMinutes, repeat: when.repeat });
  if (pending.missing === 'when') {
    if (!when.found || when.rest.split(' ').length > 4) return null;
    // "alarm for friday" → "what time?" → "7am": the day asked for stays, unless the answer names another.
    const keepDay = typeof args.date === 'string' && fields.time && !parseWhen(input.text, ctx, { dateDecidedElsewhere: true }).date;
    return toolCall('reminders.create', { ...args, ...fields, ...(keepDay ? { date: args.date } : {}) });
  }
  if (pending.missing === 'text' && !NOT_A_TASK.test(input.text)) {
    const text = cleanTask(when.rest, input.raw);
    if (!text) return null;
    return toolCall('reminders.create', { ...fields, ...args, text });
  }
  return null;
}

/** Each user's reminders for `cli dump`: one statement for the whole batch of users. */
const dumpReminders: DumpSection = {
  key: 'reminders',
  async rows(em, userIds) {
    const rows = await em.getRepository(Reminder).ofUsers(userIds);
    return groupByUser(rows, (r) => ({ id: r.id, text: r.text, dueAt: r.dueAt.toISOString(), recurrence: r.rrule ?? null, status: r.status }));
  },
};

export const reminderModule: ToolModule = {
  name: 'reminders',
  helpOrder: 10,
  tools: [
    createReminderTool, listRemindersTool, cancelReminderTool, doneReminderTool, snoozeReminderTool, editReminderTool, clearRemindersTool,
  ],
  entities: [Reminder],
  rules: [...alarmRules, ...reminderRules],
  resume: (pending, input, ctx) =>
    resumeBulk(pending, input, CLEAR_REMINDERS, 'OK, I kept your reminders.') ?? resumeReminder(pending, input, ctx),
  examples: [
    'remind me to call the dentist tmrw at 10',
    'remind me in 20 min to check the oven',
    'remind me every monday at 9 to take out the trash',
    'remind me every weekday at 7:30am to stretch',
    'remind me every friday at 5pm London time to call mum',
    'reminders',
    'cancel 2',
    'done',
    'snooze 15 min',
    'snooze till tomorrow',
  ],
  dump: dumpReminders,
  jobs: [createDueRemindersJob()],
};
