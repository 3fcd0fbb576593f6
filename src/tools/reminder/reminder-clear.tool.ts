import { formatLocal } from '../../time.js';
import { askToConfirm, confirmedIds, countOf, nameList } from '../shared/confirm.js';
import { defineTool } from '../types.js';
import { isAlarm } from './reminder-ref.js';
import { clearRemindersSchema } from './reminder.schemas.js';
import { reminders } from './reminder.service.js';

export const CLEAR_REMINDERS = 'reminders.clear';

export const clearRemindersTool = defineTool({
  name: CLEAR_REMINDERS,
  description: 'Cancel all upcoming reminders, or only the alarms ("cancel all my reminders", "delete all my alarms"). '
    + 'Always asks YES/NO first naming them; confirm (only after the user said YES) cancels exactly those.',
  schema: clearRemindersSchema,
  async execute(args, ctx) {
    const repo = reminders(ctx);
    if (args.confirm) {
      const ids = confirmedIds(ctx, CLEAR_REMINDERS);
      if (!ids) return { ok: false, reply: 'Nothing is waiting for a yes — say e.g. "cancel all my reminders".' };
      const rows = await repo.byIds(ctx.user.id, ids, ['pending']);
      const cancelled = await repo.cancelIds(ctx.user.id, rows.map((r) => r.id));
      if (!cancelled) return { ok: true, reply: 'Those reminders were already gone — nothing to cancel.' };
      const reply = `🗑️ Cancelled ${countOf(cancelled, 'reminder')}: ${nameList(rows.map((r) => r.text))}.`;
      return { ok: true, reply, data: { cancelled: rows.map((r) => r.id) } };
    }
    const noun = args.alarms ? 'alarm' : 'reminder';
    const rows = (await repo.upcoming(ctx.user.id, 200)).filter((r) => !args.alarms || isAlarm(r));
    if (!rows.length) return { ok: true, reply: `You have no upcoming ${noun}s — nothing to cancel.` };
    const names = rows.map((r) => `${r.text} (${formatLocal(r.dueAt, ctx.timezone)})`);
    const question = `Cancel ${countOf(rows.length, noun)}: ${nameList(names)}? Reply YES or NO.`;
    return askToConfirm(ctx, CLEAR_REMINDERS, rows.map((r) => r.id), question, args.alarms ? { alarms: true } : {});
  },
});
