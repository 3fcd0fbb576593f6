import type { UnderstandContext } from '../../understanding/types.js';
import type { Repeat } from '../../understanding/recurrence.js';
import { parseSchedule } from '../../understanding/schedule.js';
import { capitalize, fromRaw, trimFillers } from '../../understanding/wording.js';
import { resolveTimeZone } from '../settings/timezones.js';
import { compact } from './wording.js';
import { wordList } from '../../understanding/pattern.js';

/** What reminders.create takes, as the rules of several tools word it (calendar's "every day at 9" is a reminder). */
export interface TaskArgs {
  text?: string;
  date?: string;
  time?: string;
  inMinutes?: number;
  repeat?: Repeat;
  timezone?: string;
}

/** How a task starts ("call …", "pay …"): a reminder's words, not a grocery item or an event title. */
export const TASK_VERB = new RegExp(wordList`^(?:call(?! with)|text|email|e-mail|pay|buy|pick up|take|check|send|renew|water|feed|
  walk|clean|wash|submit|finish|order|return|bring|drop off|grab|put out|take out|charge|pack|print|mail|refill|empty|go to|visit|
  cook|start|stop at|leave|wake up|get up|study|practice|workout|work out|stretch|meditate|read|write|file|sign|fax|change|
  move the car|feed|give)\b`);

const LEADING = new RegExp(wordList`^(?:(?:please )?remind me(?: to)?|to|2|4|that|about|of|for|re|on|at|by|in|around|i need to|i have to|
  i gotta|i must|me to|me|again|please|a|an|it'?s?)\b\s*`);
const TRAILING = new RegExp(wordList`\s*\b(?:please|thanks|thank you|thx|ok|at|on|by|for|in|this|next|around|the|from|until|till|
  starting|beginning|and|to|later|later on)$`);

export function cleanTask(rest: string, raw: string): string | undefined {
  const task = trimFillers(rest.replace(/\s+[,.]\s*/g, ' '), LEADING, TRAILING);
  if (!task) return undefined;
  return capitalize(fromRaw(raw, task));
}

const CLOCK = String.raw`(\d{1,2}(?::\d{2})?\s?(?:am|pm)?|noon|midnight)`;
const ABBREVIATIONS = [
  'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'et', 'ct', 'mt', 'pt', 'utc', 'gmt', 'bst', 'cet', 'cest', 'eet', 'ist', 'jst',
  'kst', 'aest', 'aedt', 'awst', 'nzst', 'nzdt', 'sgt', 'hkt', 'akst', 'hst',
].join('|');
/** "at 9 london time", "9am (new york time)", "at 5pm in uk time", "at 9 est": a zone named right after the clock. */
const ZONE_NAMED = new RegExp(
  String.raw`\b${CLOCK}\s+\(?(?:(?:in\s+)?((?:[a-z][a-z./_-]*\s+){0,2}[a-z][a-z./_-]*)\s+time|(${ABBREVIATIONS}))\)?(?=\s|$)`,
);

/** The zone the user named for this reminder (it then keeps that zone's time), with the words cut from the text. */
export function findZoneNamed(body: string): { zone?: string; rest: string } | null {
  const m = ZONE_NAMED.exec(body);
  if (!m) return null;
  const words = m[2] ?? m[3]!;
  const rest = `${body.slice(0, m.index)}${m[1]}${body.slice(m.index + m[0].length)}`;
  if (/^(?:local|my|our|my local|your)$/.test(words)) return { rest };
  const zone = resolveTimeZone(words);
  return zone ? { zone, rest } : null;
}

/** Arguments for reminders.create from the words after the ask ("to call mom tmrw at 5", "every monday at 9 london time"). */
export function reminderArgs(body: string, raw: string, ctx: UnderstandContext): TaskArgs {
  const named = findZoneNamed(body);
  const when = parseSchedule(named?.rest ?? body, named?.zone ? { ...ctx, timezone: named.zone } : ctx);
  return compact({
    text: cleanTask(when.rest, raw),
    date: when.date,
    time: when.time,
    inMinutes: when.repeat ? undefined : when.inMinutes,
    repeat: when.repeat,
    timezone: named?.zone,
  });
}

