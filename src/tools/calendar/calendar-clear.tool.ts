import { DateTime } from 'luxon';
import { startOfLocalDay } from '../../understanding/dates.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { askToConfirm, confirmedIds, countOf, nameList } from '../shared/confirm.js';
import { defineTool, type ToolContext } from '../types.js';
import type { EventRow } from './calendar.repository.js';
import { clearEventsSchema, type ClearEventsArgs } from './calendar.schemas.js';
import { events } from './calendar.service.js';

export const CLEAR_EVENTS = 'calendar.clear';

function dayLabel(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).toFormat('ccc LLL d');
}

/** "on Fri Dec 4", "tomorrow (Tue Dec 1)", "the next 5 days (Mon Nov 30 – Fri Dec 4)", or "coming up" when no days were named. */
function spanLabel(args: ClearEventsArgs, zone: string): string {
  if (!args.from) return 'coming up';
  const to = args.to ?? args.from;
  const days = to === args.from ? dayLabel(args.from, zone) : `${dayLabel(args.from, zone)} – ${dayLabel(to, zone)}`;
  if (args.label) return `${args.label} (${days})`;
  return to === args.from ? `on ${days}` : days;
}

/** The events the request names: those in its days (or every upcoming one), with the given words in their title. */
async function inSpan(args: ClearEventsArgs, ctx: ToolContext): Promise<EventRow[]> {
  const zone = ctx.timezone;
  const rows = args.from
    ? await events(ctx).between(ctx.user.id, startOfLocalDay(args.from, zone),
      startOfLocalDay(DateTime.fromISO(args.to ?? args.from).plus({ days: 1 }).toISODate()!, zone), 200)
    : await events(ctx).upcoming(ctx.user.id, ctx.now, 200);
  const query = keywords(args.words ?? '');
  return query.length ? rows.filter((e) => matchesWords(e.title, query)) : rows;
}

export const clearEventsTool = defineTool({
  name: CLEAR_EVENTS,
  description: 'Delete all events between two local dates (inclusive), or every upcoming one, optionally only those whose title has '
    + 'the given words ("clear my calendar tomorrow", "delete all events on friday"). Always asks YES/NO first naming them; '
    + 'confirm (only after the user said YES) deletes exactly those.',
  schema: clearEventsSchema,
  async execute(args, ctx) {
    if (args.confirm) {
      const ids = confirmedIds(ctx, CLEAR_EVENTS);
      if (!ids) return { ok: false, reply: 'Nothing is waiting for a yes — say e.g. "clear my calendar tomorrow".' };
      const rows = await events(ctx).byIds(ctx.user.id, ids);
      const deleted = await events(ctx).removeIds(ctx.user.id, rows.map((r) => r.id));
      if (!deleted) return { ok: true, reply: 'Those events were already gone — nothing to delete.' };
      const reply = `🗑️ Deleted ${countOf(deleted, 'event')}: ${nameList(rows.map((r) => r.title))}.`;
      return { ok: true, reply, data: { deleted: rows.map((r) => r.id) } };
    }
    const rows = await inSpan(args, ctx);
    const what = `${args.words ? `"${args.words}" ` : ''}events ${spanLabel(args, ctx.timezone)}`;
    if (!rows.length) return { ok: true, reply: `No ${what} — nothing to delete.` };
    const question = `Delete ${countOf(rows.length, `${args.words ? `"${args.words}" ` : ''}event`)} ${spanLabel(args, ctx.timezone)}: `
      + `${nameList(rows.map((r) => r.title))}? Reply YES or NO.`;
    return askToConfirm(ctx, CLEAR_EVENTS, rows.map((r) => r.id), question);
  },
});
