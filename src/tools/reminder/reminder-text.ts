import { parseWhen } from '../../understanding/dates.js';
import { findImpossibleDate } from '../../understanding/impossible-date.js';
import { parseSchedule } from '../../understanding/schedule.js';
import { clarify, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { capitalize, fromRaw, trimFillers } from '../../understanding/wording.js';
import { resolveTimeZone } from '../settings/timezones.js';
import type { CreateReminderArgs } from './reminder.schemas.js';

const POLITE = '(?:(?:hey |hi |ok |okay |yo )?(?:errand )?(?:please |pls |kindly )?(?:can|could|would|will) you (?:please |pls )?|(?:hey |hi |ok |okay |yo )?(?:errand )?(?:please |pls |kindly )?)?';
const REMIND = '(?:remind|remimd|remond|reming|remin|rmnd|rmd|reminder)';

/** How people ask for a reminder; the capture is everything after the ask. */
export const REMINDER_TRIGGER = new RegExp(
  `^${POLITE}(?:` +
    [
      `${REMIND} me(?: again)?`,
      `${REMIND} (?=to |about |that )`,
      // "tell me a joke" is not a reminder: these verbs need a task or a time after them.
      `(?:ping|text|nudge|alert|message|buzz|notify|tell|msg|txt|hit) me(?= (?:to|2|about|that|at|in|on|by|tomorrow|tonight|today|every|each|this|next|before|after|around|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\d)\\b)`,
      `(?:set|create|add|make|schedule|put in|new|i need|i want|need|want)(?: me)?(?: a| an| one| another)? ${REMIND}s?(?: for me)?`,
      `reminders?(?: to)?:?(?= )`,
      `(?:don't|dont|do not) (?:let me )?forget(?: to| about)?`,
      `(?:i need to |i have to |help me )?remember(?: to| that)?`,
      `note to self:?`,
    ].join('|') +
    `):?(?:\\s|$)(.*)$`,
);

/** How a task starts ("call …", "pay …"): a reminder's words, not a grocery item or an event title. */
export const TASK_VERB = /^(?:call(?! with)|text|email|e-mail|pay|buy|pick up|take|check|send|renew|water|feed|walk|clean|wash|submit|finish|order|return|bring|drop off|grab|put out|take out|charge|pack|print|mail|refill|empty|go to|visit|cook|start|stop at|leave|wake up|get up|study|practice|workout|work out|stretch|meditate|read|write|file|sign|fax|change|move the car|feed|give)\b/;

const LEADING = /^(?:(?:please )?remind me(?: to)?|to|2|4|that|about|of|for|re|on|at|by|in|i need to|i have to|i gotta|i must|me to|me|again|please|a|an|it'?s?)\b\s*/;
const TRAILING = /\s*\b(?:please|thanks|thank you|thx|ok|at|on|by|for|in|this|next|around|the|from|until|till|starting|beginning|and|to|later|later on)$/;

export function cleanTask(rest: string, raw: string): string | undefined {
  const task = trimFillers(rest.replace(/\s+[,.]\s*/g, ' '), LEADING, TRAILING);
  if (!task) return undefined;
  return capitalize(fromRaw(raw, task));
}

export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
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
export function reminderArgs(body: string, raw: string, ctx: UnderstandContext): CreateReminderArgs {
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

/** "remind me on feb 30 to pay rent": says the date does not exist and asks for another, keeping the task and the time. */
export function impossibleReminder(body: string, raw: string, ctx: UnderstandContext): Understanding | null {
  const found = findImpossibleDate(body, ctx);
  if (!found || parseWhen(body, ctx).date) return null;
  const when = parseWhen(found.rest, ctx, { dateDecidedElsewhere: true });
  const args = compact({ text: cleanTask(when.rest, raw), time: when.time });
  return clarify('reminders.create', args, 'when', `${found.message} — when should I remind you?`, ctx.now);
}

/** Nouns that name no particular row: "my 3pm meeting" is picked by its time. */
const GENERIC = /^(?:meeting|appointment|appt|event|thing|one|reminder|call)?$/;

/** "friday's lunch" / "the meeting on thursday" / "my 3pm" → words plus the local date and time they are at. */
export function wordsAndDate(phrase: string, ctx: UnderstandContext): { words?: string; onDate?: string; atTime?: string } {
  const plain = phrase.replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)'s\b/g, '$1');
  const when = parseWhen(plain, ctx, { dateDecidedElsewhere: true });
  if (!when.date && !when.time) return { words: phrase };
  const words = trimFillers(when.rest, /^(?:on|at|for|the|my)\b\s*/, /\s*\b(?:on|at|for|the|from)$/);
  return compact({ words: GENERIC.test(words) ? undefined : words, onDate: when.date, atTime: when.time });
}
