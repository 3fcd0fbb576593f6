import type { Target } from '../../understanding/when-schema.js';
import { lastListed } from '../shared/listed.js';
import type { ToolContext } from '../types.js';
import { CalendarEvent } from './calendar.entity.js';
import type { CalendarRepository, EventRow } from './calendar.repository.js';

export function events(ctx: ToolContext): CalendarRepository {
  return ctx.em.getRepository(CalendarEvent);
}

/** Events picked by number in the last calendar list, or by words — upcoming ones first, then past ones. */
export async function pickEvents(ctx: ToolContext, pick: Target): Promise<EventRow[]> {
  if (pick.number !== undefined) {
    const id = lastListed(ctx.conversation, 'calendar.')?.[pick.number - 1];
    const row = id === undefined ? null : await events(ctx).byId(ctx.user.id, id);
    return row ? [row] : [];
  }
  return events(ctx).byWords(ctx.user.id, pick, ctx.now, ctx.timezone);
}
