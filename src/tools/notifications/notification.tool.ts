import { z } from 'zod';
import { localTime } from '../../understanding/when-schema.js';
import { ALERTS_UP_TO } from '../calendar/calendar.schemas.js';
import { rescheduleDefaultAlerts } from '../calendar/calendar.notify.js';
import { defineTool, type ToolContext } from '../types.js';
import { AgendaSchedule } from './agenda-schedule.entity.js';
import { nextAgendaAt } from './agenda.format.js';
import { clockLabel, notificationSettings, quietUntil, type NotificationPreferences, type NotificationSettings } from './notification.prefs.js';

export const updateNotificationsSchema = z.object({
  /** Minutes before each event for its alert; 'off' for none; 'default' for 30. */
  eventAlerts: z.union([z.number().int().min(1).max(7 * 24 * 60, ALERTS_UP_TO), z.enum(['off', 'default'])]).optional(),
  /** Local window when alerts, agendas and digests wait (reminders set for a time still go). */
  quietHours: z.union([z.object({ start: localTime, end: localTime }), z.literal('off')]).optional(),
  /** A daily agenda at a local time; skipped on empty days unless evenWhenEmpty. */
  agenda: z.union([z.object({ time: localTime, evenWhenEmpty: z.boolean().optional() }), z.literal('off')]).optional(),
});
type UpdateNotificationsArgs = z.infer<typeof updateNotificationsSchema>;

function setPrefs(ctx: ToolContext, patch: NotificationPreferences): void {
  const next: Record<string, unknown> = { ...ctx.user.preferences, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
  ctx.user.preferences = next;
}

async function updateEventAlerts(value: NonNullable<UpdateNotificationsArgs['eventAlerts']>, ctx: ToolContext): Promise<string> {
  const minutes = value === 'off' ? null : value === 'default' ? undefined : value;
  setPrefs(ctx, { eventAlertMinutes: minutes });
  const effective = notificationSettings(ctx.user.preferences).eventAlertMinutes;
  await rescheduleDefaultAlerts(ctx.em, ctx.user.id, effective, ctx.now);
  return effective === null
    ? '🔕 Event alerts off. (Text "notify me 15 min before events" to turn them back on.)'
    : `🔔 I'll alert you ${effective} min before your events.`;
}

function updateQuietHours(value: NonNullable<UpdateNotificationsArgs['quietHours']>, ctx: ToolContext): string {
  if (value === 'off') {
    setPrefs(ctx, { quietHours: null });
    return '🔔 Quiet hours off: alerts and agendas go out at any hour.';
  }
  setPrefs(ctx, { quietHours: value });
  return `🌙 Quiet hours ${clockLabel(value.start)} – ${clockLabel(value.end)}: event alerts and agendas wait until they end; `
    + 'reminders you set for a time still go at that time.';
}

async function updateAgenda(value: NonNullable<UpdateNotificationsArgs['agenda']>, ctx: ToolContext): Promise<string> {
  const schedules = ctx.em.getRepository(AgendaSchedule);
  if (value === 'off') {
    setPrefs(ctx, { agenda: null });
    await schedules.unschedule(ctx.user.id);
    return '👍 Daily agenda stopped.';
  }
  const agenda = { time: value.time, evenWhenEmpty: value.evenWhenEmpty ?? false };
  setPrefs(ctx, { agenda });
  const next = nextAgendaAt(ctx.now, ctx.timezone, agenda.time);
  await schedules.schedule(ctx.user.id, next, ctx.now);
  const empty = agenda.evenWhenEmpty ? ', even on empty days' : ' (skipped on days with nothing on — add "even when empty" to get it anyway)';
  const quiet = quietUntil(next, ctx.timezone, notificationSettings(ctx.user.preferences).quietHours);
  const note = quiet ? `\nThat's inside your quiet hours, so it will arrive when they end — text e.g. "quiet hours 11pm to 6am" to change them.` : '';
  return `☀️ I'll text you your agenda every day at ${clockLabel(agenda.time)}${empty}.${note}`;
}

export const updateNotificationsTool = defineTool({
  name: 'notifications.update',
  description: 'Change notification settings: minutes before events for alerts (or off), '
    + 'quiet hours (local HH:mm start and end, or off), a daily agenda at a local time (or off).',
  schema: updateNotificationsSchema,
  async execute(args, ctx) {
    const replies: string[] = [];
    if (args.eventAlerts !== undefined) replies.push(await updateEventAlerts(args.eventAlerts, ctx));
    if (args.quietHours !== undefined) replies.push(updateQuietHours(args.quietHours, ctx));
    if (args.agenda !== undefined) replies.push(await updateAgenda(args.agenda, ctx));
    return { ok: replies.length > 0, reply: replies.join('\n') || 'Nothing to change.', data: notificationSettings(ctx.user.preferences) };
  },
});

/** Lines for "settings". */
export function notificationLines(s: NotificationSettings): string[] {
  return [
    `Event alerts: ${s.eventAlertMinutes === null ? 'off' : `${s.eventAlertMinutes} min before`}`,
    `Quiet hours: ${s.quietHours ? `${clockLabel(s.quietHours.start)} – ${clockLabel(s.quietHours.end)}` : 'off'}`,
    `Daily agenda: ${s.agenda ? `${clockLabel(s.agenda.time)}${s.agenda.evenWhenEmpty ? ', even when empty' : ''}` : 'off'}`,
  ];
}
