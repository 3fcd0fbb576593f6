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

/** A time that says its own half of the day, or a word that does. */
const HALF_OF_DAY_SAID = /\b(?:am|pm|a\.m\.|p\.m\.|morning|evening|afternoon|night|tonight|noon|midnight)\b|\d(?:am|pm)\b/;

/**
 * When an alarm should ring. An alarm clock is mostly a morning thing ("alarm 5:45" is 5:45 am), but a lone small
 * hour with no am/pm ("alarm for 1:15") is read as any time is: 1:15 pm, not 1:15 at night.
 */
export function parseAlarmSchedule(text: string, ctx: WhenContext): ScheduleParse {
  const when = parseSchedule(`alarm ${text}`, ctx);
  const hour = Number(when.time?.slice(0, 2));
  if (!when.time || hour > 3 || HALF_OF_DAY_SAID.test(text) || when.repeat) return when;
  return parseSchedule(text, ctx);
}
