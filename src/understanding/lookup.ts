import { parseDayRange } from './date-range.js';
import { isoDate, localNow, type WhenContext } from './dates.js';
import type { Classification } from './intent/classifier.js';
import { toolCall, type Understanding } from './types.js';

/** "show…", "read me…", "tell me what…": asking to see something, though not phrased as a question. */
const SHOW = /^(?:please |pls )?(?:show|list|read|tell|check|see|view|give|open|pull up|display|let me see|what|whats|what's)\b/;

/** How sure the classifier must be of the family before a text the rules missed is answered as its lookup. */
const SURE_OF_FAMILY = 0.5;
/** A request to see something that is neither a question nor starts with "show" ("my alarms for tomorrow"). */
const SURE_OF_QUERY = 0.7;

/**
 * A question the rules did not understand, about something Errand keeps: answered with that family's lookup
 * ("when are the meetings" → the coming week's calendar; "tell me what lists i have" → the list). Never writes.
 */
export function lookupFor(seen: Classification, text: string, asking: boolean, ctx: WhenContext): Understanding | null {
  const query = seen.act === 'query' && seen.actConfidence >= SURE_OF_QUERY;
  // "give me a heads up at 6" starts like "give me my list", but the act model is sure it asks for something new.
  const surelyNotQuery = seen.act !== null && seen.act !== 'query' && seen.actConfidence >= SURE_OF_QUERY;
  const showing = SHOW.test(text) && !surelyNotQuery;
  if (seen.confidence < SURE_OF_FAMILY || !(asking || query || showing)) return null;
  switch (seen.family) {
    case 'calendar':
      return calendarLookup(text, ctx);
    case 'reminder':
    case 'alarm':
      return toolCall('reminders.list', {});
    case 'list':
      return toolCall('grocery.list', {});
    case 'expense':
      return toolCall('expense.summary', { period: 'month' });
    case 'settings':
      return toolCall('settings.show', {});
    default:
      return null;
  }
}

/** The days a calendar question names, or the week ahead. */
export function calendarLookup(text: string, ctx: WhenContext): Understanding {
  const today = localNow(ctx);
  const range = parseDayRange(text, ctx) ?? { from: isoDate(today), to: isoDate(today.plus({ days: 6 })), label: 'the next 7 days' };
  return toolCall('calendar.list', range);
}
