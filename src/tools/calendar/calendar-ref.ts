import { lastReference } from '../shared/reference.js';
import type { ToolContext } from '../types.js';
import type { EventRow } from './calendar.repository.js';
import { events } from './calendar.service.js';

/** The events "it" means (the one just added, or those just listed), or the next one. */
export async function referredEvents(ctx: ToolContext, ref: 'last' | 'next'): Promise<EventRow[]> {
  if (ref === 'next') return events(ctx).upcoming(ctx.user.id, ctx.now, 1);
  const last = lastReference(ctx.conversation.lastToolResult, 'calendar');
  return last ? events(ctx).byIds(ctx.user.id, last.ids) : [];
}
