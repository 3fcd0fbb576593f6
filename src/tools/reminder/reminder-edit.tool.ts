import { DateTime } from 'luxon';
import { formatLocal, timeChange } from '../../time.js';
import { resolveLocal } from '../../understanding/dates.js';
import { hasTarget } from '../../understanding/when-schema.js';
import { defineTool, type ToolContext } from '../types.js';
import { referredReminders } from './reminder-ref.js';
import { editReminderSchema, type EditReminderArgs } from './reminder.schemas.js';
import type { ReminderRow } from './reminder.repository.js';
import { numbered, pickReminders, reminders } from './reminder.service.js';

function picked(args: EditReminderArgs, ctx: ToolContext): Promise<ReminderRow[]> {
  if (args.ref) return referredReminders(ctx, args);
  return hasTarget(args) ? pickReminders(ctx, args, ['pending']) : Promise.resolve([]);
}

export const editReminderTool = defineTool({
  name: 'reminders.edit',
  description: 'Correct a reminder in place ("actually make that 7pm", "change it to friday", "change the text to …"): '
    + 'its new local date and/or time, or its text. Picks "it" (ref last: the one just set or listed), ref next, a number or words.',
  schema: editReminderSchema,
  async execute(args, ctx) {
    const rows = await picked(args, ctx);
    if (rows.length > 1) {
      return { ok: false, reply: `Which one should I change?\n${numbered(rows, ctx.timezone)}`, data: { listed: rows.map((r) => r.id) } };
    }
    if (!rows.length) return { ok: false, reply: 'Which reminder should I change? Send "reminders" to see the list.' };
    if (!args.date && !args.time && !args.text) return { ok: false, reply: 'What should I change it to? e.g. "make it 7pm".' };
    const [row] = rows as [ReminderRow];
    const zone = ctx.timezone;
    if (row.rrule && (args.date || args.time)) {
      const reply = `"${row.text}" repeats — to change its time, cancel it and set it again (e.g. "remind me every day at 8am to …").`;
      return { ok: false, reply };
    }
    const local = DateTime.fromJSDate(row.dueAt, { zone });
    const dueAt = args.date || args.time
      ? resolveLocal(args.date ?? local.toISODate()!, args.time ?? local.toFormat('HH:mm'), zone)
      : row.dueAt;
    if (dueAt.getTime() <= ctx.now.getTime()) {
      return { ok: false, reply: `${formatLocal(dueAt, zone)} has already passed — what time should "${row.text}" be?` };
    }
    const text = args.text ?? row.text;
    await reminders(ctx).edit(row.id, { text: args.text, dueAt });
    const lines = [
      args.text && args.text !== row.text ? `⏰ ${row.text} → ${text}` : '',
      dueAt.getTime() !== row.dueAt.getTime() ? `⏰ ${text}: ${timeChange(row.dueAt, dueAt, zone)}` : '',
    ].filter(Boolean);
    const reply = lines.length ? lines.join('\n') : `⏰ ${text} — ${formatLocal(dueAt, zone)} (no change)`;
    return { ok: true, reply, data: { id: row.id, dueAt: dueAt.toISOString() } };
  },
});
