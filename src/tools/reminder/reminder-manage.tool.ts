import { DateTime } from 'luxon';
import { formatLocal } from '../../time.js';
import { nextOccurrence } from '../../understanding/recurrence.js';
import { isoDate, resolveWhen } from '../../understanding/dates.js';
import { describeTarget, hasTarget } from '../../understanding/when-schema.js';
import { CalendarEvent } from '../calendar/calendar.entity.js';
import { deletedEventReply } from '../calendar/calendar.format.js';
import { askFor } from '../shared/ask.js';
import { defineTool, type ToolContext, type ToolResult } from '../types.js';
import { listRemindersSchema, pickReminderSchema, snoozeReminderSchema, type PickReminderArgs } from './reminder.schemas.js';
import type { ReminderRow } from './reminder.repository.js';
import { referredReminders } from './reminder-ref.js';
import { describeReminder, doneSinceSent, numbered, pickReminders, reminders } from './reminder.service.js';

const NONE_YET = 'You have no upcoming reminders. Try: remind me to call mom tomorrow at 5';

export const listRemindersTool = defineTool({
  name: 'reminders.list',
  description: 'List the user\'s upcoming reminders, numbered (the numbers work with cancel and done).',
  schema: listRemindersSchema,
  async execute(_args, ctx) {
    const rows = await reminders(ctx).upcoming(ctx.user.id, 20);
    if (!rows.length) return { ok: true, reply: NONE_YET, data: { listed: [] } };
    return { ok: true, reply: `⏰ Your reminders:\n${numbered(rows, ctx.timezone)}`, data: { listed: rows.map((r) => r.id) } };
  },
});

function which(rows: ReminderRow[], ctx: ToolContext, verb: string): ToolResult {
  return {
    ok: false,
    reply: `Which one should I ${verb}?\n${numbered(rows, ctx.timezone)}\nReply e.g. "${verb} 1".`,
    data: { listed: rows.map((r) => r.id) },
  };
}

function notFound(args: PickReminderArgs): string {
  return args.number !== undefined
    ? `I don't see a reminder number ${args.number}. Send "reminders" to see the list.`
    : `I couldn't find a reminder about "${describeTarget(args)}". Send "reminders" to see the list.`;
}

/** "delete it", "cancel my next reminder", "turn off my alarm": the row the reference means, or a question. */
async function cancelReferred(args: PickReminderArgs, ctx: ToolContext): Promise<ToolResult> {
  const rows = await referredReminders(ctx, args);
  if (rows.length > 1) return which(rows, ctx, 'cancel');
  const [row] = rows;
  if (!row) {
    if (args.alarm) return { ok: false, reply: 'I don\'t see an alarm like that. Send "reminders" to see what\'s set.' };
    return { ok: false, reply: args.ref === 'next' ? NONE_YET : 'Which reminder? Send "reminders" to see the list, then e.g. "cancel 2".' };
  }
  await reminders(ctx).change(row, { status: 'cancelled' });
  return { ok: true, reply: `🗑️ Cancelled: ${describeReminder(row, ctx.timezone)}`, data: { id: row.id } };
}

export const cancelReminderTool = defineTool({
  name: 'reminders.cancel',
  description: 'Cancel one reminder: by its number in the last list, a few of its words (falls back to a calendar event '
    + 'with those words), ref last ("delete it": the one just set), ref next, or alarm (only alarms).',
  schema: pickReminderSchema,
  async execute(args, ctx) {
    if (args.ref || args.alarm) return cancelReferred(args, ctx);
    if (!hasTarget(args)) return { ok: false, reply: 'Which reminder? Send "reminders" to see the list, then e.g. "cancel 2".' };
    const rows = await pickReminders(ctx, args, ['pending']);
    if (rows.length > 1) return which(rows, ctx, 'cancel');
    if (!rows.length) {
      // "cancel dentist" may mean the calendar event with those words.
      const calendar = ctx.em.getRepository(CalendarEvent);
      const events = args.number === undefined ? await calendar.deleteByWords(ctx.user.id, args, ctx.now, ctx.timezone) : null;
      return (events && deletedEventReply(events, ctx.timezone)) ?? { ok: false, reply: notFound(args) };
    }
    const [row] = rows as [ReminderRow];
    await reminders(ctx).change(row, { status: 'cancelled' });
    return { ok: true, reply: `🗑️ Cancelled: ${describeReminder(row, ctx.timezone)}`, data: { id: row.id } };
  },
});

export const doneReminderTool = defineTool({
  name: 'reminders.done',
  description: 'Mark a reminder done: by number or words, else the one that went off last.',
  schema: pickReminderSchema,
  async execute(args, ctx) {
    const picked = hasTarget(args);
    const rows = picked
      ? await pickReminders(ctx, args, ['pending', 'sent'])
      : [await reminders(ctx).lastSent(ctx.user.id)].filter((r) => r !== null);
    if (rows.length > 1) return which(rows, ctx, 'done');
    if (!rows.length) {
      return { ok: false, reply: picked ? notFound(args) : 'Nothing has gone off yet to mark done. Send "reminders" to see what\'s coming.' };
    }
    const [row] = rows as [ReminderRow];
    if (row.rrule) {
      const dueAt = row.dueAt.getTime() <= ctx.now.getTime() ? (nextOccurrence(row.rrule, ctx.timezone, ctx.now) ?? row.dueAt) : row.dueAt;
      await reminders(ctx).change(row, { status: 'pending', dueAt, doneAt: ctx.now });
      return { ok: true, reply: `✅ Nice! ${row.text} — next one ${formatLocal(dueAt, ctx.timezone)}`, data: { id: row.id } };
    }
    await reminders(ctx).change(row, { status: 'done', doneAt: ctx.now });
    return { ok: true, reply: `✅ Done: ${row.text}`, data: { id: row.id } };
  },
});

/** A reminder done or cancelled since it went off stays so; a new one at the snooze time is offered instead. */
function leftAlone(row: ReminderRow, until: Date, ctx: ToolContext): ToolResult {
  const next = row.rrule && row.status === 'pending' ? ` — next one ${formatLocal(row.dueAt, ctx.timezone)}` : '';
  const was = row.status === 'cancelled'
    ? `You cancelled "${row.text}", so I left it cancelled`
    : `You already marked "${row.text}" done${next}`;
  const local = DateTime.fromJSDate(until, { zone: ctx.timezone });
  const sameDay = local.hasSame(DateTime.fromJSDate(ctx.now, { zone: ctx.timezone }), 'day');
  const at = formatLocal(until, ctx.timezone, { withDate: !sameDay });
  const suggest = { date: isoDate(local), time: local.toFormat('HH:mm') };
  const question = `${was}. Want a new reminder at ${at}? (yes, or tell me another time)`;
  return askFor(ctx, 'reminders.create', { text: row.text, suggest }, 'when', question, false);
}

export const snoozeReminderTool = defineTool({
  name: 'reminders.snooze',
  description: 'Snooze the reminder that went off last: inMinutes (default 10) or a local date/time.',
  schema: snoozeReminderSchema,
  async execute(args, ctx) {
    const row = await reminders(ctx).lastSent(ctx.user.id, true);
    if (!row) return { ok: false, reply: 'There\'s no reminder to snooze yet — I snooze the last one I sent you.' };
    const until = args.date || args.time
      ? resolveWhen(args, { now: ctx.now, timezone: ctx.timezone })!
      : new Date(ctx.now.getTime() + (args.inMinutes ?? 10) * 60_000);
    if (until.getTime() <= ctx.now.getTime()) {
      return { ok: false, reply: `${formatLocal(until, ctx.timezone)} has already passed — snooze till when?` };
    }
    if (row.status === 'cancelled' || doneSinceSent(row)) return leftAlone(row, until, ctx);
    await reminders(ctx).change(row, { status: 'pending', dueAt: until });
    return {
      ok: true,
      reply: `😴 Snoozed: ${row.text} — ${formatLocal(until, ctx.timezone)}`,
      data: { id: row.id, dueAt: until.toISOString() },
    };
  },
});
