import { parseWhen, type WhenContext, type WhenParse } from './dates.js';
import { parseRepeat } from './recurrence-text.js';
import type { Repeat } from './recurrence.js';

export interface ScheduleParse extends WhenParse {
  repeat?: Repeat;
}

/** A one-off time or a recurrence plus its time of day: "every monday at 9", "tmrw @ 5", "in 20 min". */
export function parseSchedule(text: string, ctx: WhenContext): ScheduleParse {
  const rep = parseRepeat(text);
  if (!rep) return parseWhen(text, ctx);
  const when = parseWhen(rep.rest, ctx, { dateDecidedElsewhere: true, timeOfDay: rep.timeOfDay });
  return { ...when, inMinutes: undefined, repeat: rep.repeat, found: true };
}
