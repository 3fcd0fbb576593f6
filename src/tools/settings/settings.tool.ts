import { DateTime } from 'luxon';
import { z } from 'zod';
import { told } from '../../understanding/told.js';
import { formatLocal } from '../../time.js';
import { followZone, type FollowedZone } from '../reminder/reminder-zone.js';
import { defineTool, type ToolContext } from '../types.js';
import { resolveTimeZone } from './timezones.js';
import { notificationSettings } from '../notifications/notification.prefs.js';
import { notificationLines } from '../notifications/notification.tool.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const updateTool = defineTool({
  name: 'settings.update',
  description: "Change the user's time zone, name or default currency.",
  schema: z.object({
    timezone: z.string().trim().min(1).max(80).optional(),
    name: z.string().trim().min(1).max(60, told('A name can be up to 60 characters long.')).optional(),
    currency: z.string().trim().min(1).max(30).optional(),
  }),
  async execute(args, ctx) {
    const replies: string[] = [];
    if (args.timezone !== undefined) {
      const zone = resolveTimeZone(args.timezone);
      if (!zone) {
        return {
          ok: false,
          reply: `I don't know the time zone "${args.timezone}". Try a city or zone, like "my timezone is Chicago" or "timezone Europe/London".`,
        };
      }
      const from = ctx.user.timezone;
      ctx.user.timezone = zone;
      replies.push(`🕒 Time zone set to ${zone} — it's ${localTime(ctx.now, zone)} there now.`);
      const followed = from === zone ? null : await followZone(ctx.em, ctx.user.id, from, zone, ctx.now);
      if (followed?.next) replies.push(followedLine(followed, zone));
    }
    if (args.name !== undefined) {
      ctx.user.name = args.name;
      replies.push(`👋 Got it, I'll call you ${args.name}.`);
    }
    if (args.currency !== undefined) {
      const code = args.currency.toUpperCase();
      if (!CURRENCIES.has(code)) return { ok: false, reply: `"${args.currency}" isn't a currency I know. Use a code like USD, EUR or GBP.` };
      ctx.user.preferences = { ...ctx.user.preferences, currency: code };
      replies.push(`💱 Default currency set to ${code}: amounts without a symbol are logged in ${code}.`);
    }
    return { ok: replies.length > 0, reply: replies.join('\n') || 'Nothing to change.', data: settingsOf(ctx) };
  },
});

export const showTool = defineTool({
  name: 'settings.show',
  description: "Show the user's settings.",
  schema: z.object({}),
  async execute(_args, ctx) {
    const s = settingsOf(ctx);
    const lines = [
      '⚙️ Your settings:',
      `Name: ${s.name ?? '(not set — text "call me Sam")'}`,
      `Time zone: ${s.timezone} (${localTime(ctx.now, s.timezone)} now)`,
      `Currency: ${s.currency}`,
      ...notificationLines(notificationSettings(ctx.user.preferences)),
      'Change with e.g. "my timezone is Denver".',
    ];
    return { ok: true, reply: lines.join('\n'), data: s };
  },
});

function settingsOf(ctx: ToolContext): { name: string | null; timezone: string; currency: string } {
  return { name: ctx.user.name ?? null, timezone: ctx.user.timezone, currency: ctx.user.preferences.currency ?? ctx.defaultCurrency };
}

function followedLine(f: FollowedZone, zone: string): string {
  const next = f.next!;
  return `⏰ Your repeating reminders keep their local times there (next: ${next.text} — ${formatLocal(next.dueAt, zone)}).`;
}

function localTime(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toFormat('ccc h:mm a');
}

export const settingsTools = [updateTool, showTool];
