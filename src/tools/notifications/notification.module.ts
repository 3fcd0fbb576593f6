import type { ToolModule } from '../types.js';
import { AgendaSchedule } from './agenda-schedule.entity.js';
import { createAgendaJob } from './agenda.job.js';
import { notificationRules } from './notification.rules.js';
import { updateNotificationsTool } from './notification.tool.js';

/** Event alert lead time, quiet hours and the daily agenda: settings in users.preferences, plus the agenda job. */
export const notificationModule: ToolModule = {
  name: 'notifications',
  tools: [updateNotificationsTool],
  entities: [AgendaSchedule],
  rules: notificationRules,
  examples: ['notify me 15 min before events', 'send me my agenda every day at 7am', 'quiet hours 11pm to 6am'],
  jobs: [createAgendaJob()],
};
