import { dateWordsToDigits } from './date-words.js';
import { wordList } from './pattern.js';
/**
 * Rewrites texting-style times into forms chrono-node reads ("5p" → "5pm", "@ 930" → "at 9:30",
 * "eod" → "5pm", "half past 3" → "3:30"). Runs on normalizeText output, so input is already lowercase.
 */
const WORD_HOURS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const WORD_MINUTES: Record<string, string> = {
  thirty: '30', fifteen: '15', 'forty five': '45', 'forty-five': '45', 'oh five': '05', ten: '10', twenty: '20', 'fourty five': '45',
};
const HOUR_WORD = '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const MIN_WORD = '(thirty|fifteen|forty[ -]five|fourty five|oh five|twenty)';
function clockFromDigits(_m: string, lead: string, digits: string, suffix = ''): string {
  const h = Number(digits.slice(0, -2));
  const mm = Number(digits.slice(-2));
  if (h > 23 || mm > 59) return _m;
  return `${lead}${h}:${digits.slice(-2)}${suffix}`;
}

/** Holidays on a fixed day, said by name: chrono-node knows none of them. */
const HOLIDAYS: Record<string, string> = {
  'christmas eve': 'december 24', 'xmas eve': 'december 24', 'christmas day': 'december 25', christmas: 'december 25',
  xmas: 'december 25', "new year's eve": 'december 31', 'new years eve': 'december 31', "new year's day": 'january 1',
  'new years day': 'january 1', halloween: 'october 31', "valentine's day": 'february 14', 'valentines day': 'february 14',
  'fourth of july': 'july 4', '4th of july': 'july 4', 'independence day': 'july 4', "st patrick's day": 'march 17',
  'st patricks day': 'march 17',
};
const HOLIDAY_NAMES = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).join('|');
/** "on christmas eve", "until new year's day": a holiday as a day ("christmas party", "christmas movies" stay words). */
const HOLIDAY_THINGS = wordList`party|parties|movies?|tree|shopping|lights|dinner|lunch|list|gifts?|presents?|cards?|songs?|music|
  market|sweater|break|vacation|holidays?|decorations|eve`;
const HOLIDAY = new RegExp(wordList`\b(on|for|by|until|till|before|after|this|next|over|at) (?:the )?(${HOLIDAY_NAMES})\b
  (?! (?:${HOLIDAY_THINGS})\b)|\b(christmas eve|new year'?s eve|new year'?s day)\b`, 'g');

export function prepDateText(text: string): string {
  let t = ` ${dateWordsToDigits(text)} `.replace(HOLIDAY, (_m, lead: string | undefined, name: string | undefined, eve: string | undefined) =>
    lead ? `${lead === 'this' || lead === 'next' || lead === 'over' ? 'on' : lead} ${HOLIDAYS[name!]}` : HOLIDAYS[eve!] ?? eve!);
  t = t.replace(new RegExp(`\\b(at|by|around|till|until|from|to) ${HOUR_WORD}(?: ${MIN_WORD})?\\b`, 'g'),
    (_m, lead: string, h: string, mm?: string) => `${lead} ${WORD_HOURS[h]}${mm ? `:${WORD_MINUTES[mm.replace('-', ' ')] ?? '00'}` : ''}`);
  t = t
    .replace(/\b(\d{1,2}(?::\d{2})?)\s?([ap])\.\s?m\b\.?/g, '$1$2m')
    .replace(/\b(\d{1,2}(?::\d{2})?)([ap])\b/g, '$1$2m')
    .replace(/\b(\d{1,2}(?::\d{2})?)\s(am|pm)\b/g, '$1$2')
    .replace(/\b(\d{1,2})\.(\d{2})\s?(am|pm)\b/g, '$1:$2$3')
    .replace(/\s?o'?clock\b/g, '')
    .replace(/\b(\d{1,2})(\d{2})(am|pm)\b/g, (m, h: string, mm: string, s: string) => clockFromDigits(m, '', h + mm, s))
    .replace(new RegExp(wordList`\b(at|by|around|till|til|until|from|to|before|after|-) (\d{3,4})\b(?! ?(?:dollars|bucks|usd|eur|
      euros|\$))`, 'g'), (m, lead: string, d: string) => clockFromDigits(m, `${lead} `, d))
    .replace(new RegExp(wordList`\b(by|around|before|after|abt|bout) (\d{1,2}(?::\d{2})?)(?! ?(?:am|pm|:|\d|min|minutes|hour|
      hours|day|days|week|weeks|month|months|people|dollars|bucks|%|st|nd|rd|th)\b)`, 'g'), '$1 at $2')
    .replace(/\b(today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s\b/g, '$1')
    .replace(/\bat (?:around|about|approximately|roughly) (?=\d)/g, 'at ')
    .replace(/\b(nxt)\b/g, 'next')
    // "death metal now", "call me now": nothing to schedule ("2 hours from now" was read as an offset already).
    .replace(/(?<!\bfrom )\b(?:right )?now\b(?! on\b)/g, ' ')
    .replace(/\bwknd\b/g, 'weekend')
    .replace(/\bthis arvo\b/g, 'this afternoon')
    .replace(/\b(?:eod|end of (?:the )?day|cob|close of business|end of business)\b/g, '5pm')
    .replace(/\bfirst thing(?: in the morning)?\b/g, '9am')
    .replace(/\b(?:noon|midday|lunchtime|lunch time)\b/g, '12pm')
    .replace(/\bmidnight\b/g, '12am')
    .replace(new RegExp(wordList`\b(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|from) (1[0-2]|
      [1-9]) ?- ?(1[0-2]|[1-9])\b(?! ?(?:am|pm|:|\d))`, 'g'), (_m, day: string, a: string, b: string) => `${day === 'from' ? '' : `${day} `}from ${a} to ${b}`)
    .replace(/\bbetween (\d{1,2}(?::\d\d)?(?:am|pm)?) and (\d{1,2}(?::\d\d)?(?:am|pm)?)\b/g, 'from $1 to $2')
    .replace(/\bhalf past (\d{1,2})\b/g, '$1:30')
    .replace(/\bquarter past (\d{1,2})\b/g, '$1:15')
    .replace(/\bquarter (?:to|til|till) (\d{1,2})\b/g, (_m, h: string) => `${Number(h) === 1 ? 12 : Number(h) - 1}:45`);
  t = t.replace(new RegExp(`\\b${HOUR_WORD}(?: ${MIN_WORD})? ?(am|pm|in the morning|at night|in the evening|tonight)\\b`, 'g'),
    (_m, h: string, mm: string | undefined, s: string) =>
      `${WORD_HOURS[h]}${mm ? `:${WORD_MINUTES[mm.replace('-', ' ')] ?? '00'}` : ''}${s === 'am' || s === 'pm' ? s : ` ${s}`}`);
  return t.replace(/\s+/g, ' ').trim();
}

/** "in 20 minutes", "in an hour and a half", "2 hours from now": an offset from now, not a wall time. */
/** "in 5 to turn off the stove": a bare small number means minutes. */
const BARE_MINUTES = /\bin\s+(5|10|15|20|30|45)(?=\s+(?:to|and|for|about|then|pls|please)\b|\s*$)/;
const RELATIVE = new RegExp(wordList`\b(?:in|after|within)\s+(\d+(?:\.\d+)?|an?|a few|a couple(?: of)?|couple of|few)\s*(m|mins?|
  minutes?|h|hrs?|hours?)(\s+and\s+a\s+half|\s+and\s+(\d+)\s*(?:m|mins?|minutes?))?\b|\b(\d+(?:\.\d+)?|an?)\s*(mins?|minutes?|
  hrs?|hours?)\s+from\s+now\b`);

function amount(word: string): number {
  if (word === 'a' || word === 'an') return 1;
  if (/few/.test(word)) return 3;
  if (/couple/.test(word)) return 2;
  return Number(word);
}

export interface Found<T> {
  value: T;
  index: number;
  length: number;
}

export function findRelativeMinutes(text: string): Found<number> | null {
  const bare = BARE_MINUTES.exec(text);
  if (bare) return { value: Number(bare[1]), index: bare.index, length: bare[0].length };
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const qty = amount(m[1] ?? m[5] ?? '1');
  const unit = m[2] ?? m[6] ?? 'm';
  let minutes = unit.startsWith('h') ? qty * 60 : qty;
  if (m[3]?.includes('half')) minutes += unit.startsWith('h') ? 30 : 0.5;
  if (m[4]) minutes += Number(m[4]);
  minutes = Math.round(minutes);
  return minutes > 0 ? { value: minutes, index: m.index, length: m[0].length } : null;
}

const LENGTH = String.raw`(\d+(?:\.\d+)?|an?|half an|a couple(?: of)?|couple of)\s*(m|mins?|minutes?|h|hrs?|hours?)(\s+and\s+a\s+half)?`;
/** The lead-in goes with the length, so "should take about" does not stay in the title. */
const ABOUT = '(?:about|around|roughly|approximately|approx|maybe|like|up to|just|only|~)?\\s*';
/** The lead-in goes with the length, so "should take about" does not stay in the title; "a 2 hour workshop" too. */
const DURATION = new RegExp(wordList`(?:,?\s*\b(?:(?:it|that|this|which|should|will|would|might|may|it'll|that'll|is going to|
  gonna|probably)\s+)*(?:take|takes|taking|last|lasts|lasting)\s+|\bfor\s+)${ABOUT}${LENGTH}\b(?:\s+long)?|
  ,?\s*\b${ABOUT}${LENGTH}\s+long\b|\b(\d+(?:\.\d+)?|an?|half an)[ -](minute|min|hour|hr)(?=\s+(?!(?:before|after|ago|from|
  later|earlier|early|late|prior|and|or|to|in|at|on|of)\b)[a-z])`);

/** "for 2 hours", "for 45 min", "should take about 30 min", "an hour long" (event length). */
export function findDuration(text: string): Found<number> | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  const [said, unit, half] = m[1] ? [m[1], m[2]!, m[3]] : m[4] ? [m[4], m[5]!, m[6]] : [m[7]!, m[8]!, undefined];
  const qty = said === 'half an' ? 0.5 : amount(said);
  let minutes = unit.startsWith('h') ? qty * 60 : qty;
  if (half) minutes += 30;
  return minutes > 0 ? { value: Math.round(minutes), index: m.index, length: m[0].length } : null;
}

const ORDINAL_DAY = new RegExp(wordList`\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:the\s+|this\s+)?month)?
  (?!,?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`);

/** "on the 3rd" — chrono-node leaves a bare day of month alone. */
export function findOrdinalDay(text: string): Found<number> | null {
  const m = ORDINAL_DAY.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? { value: day, index: m.index, length: m[0].length } : null;
}

export type TimeOfDay = 'morning' | 'afternoon' | 'evening' | 'night';
const DAY_WORD = 'today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|[0-9](?:am|pm)?';
/** Only with a lead-in ("this evening", "friday night"), so titles like "game night" keep their words. */
const TOD = new RegExp(wordList`\b(?:(?:this|in the|at|during the|early|late) (morning|afternoon|evening|night)|
  (?<=\b(?:${DAY_WORD}) )(morning|afternoon|evening|night)|(tonight))\b`);

export function findTimeOfDay(text: string): Found<TimeOfDay> | null {
  const m = TOD.exec(text);
  if (!m) return null;
  const w = m[1] ?? m[2] ?? m[3]!;
  const value: TimeOfDay = w.includes('morning') ? 'morning' : w.includes('afternoon') ? 'afternoon' : w.includes('evening') ? 'evening' : 'night';
  return { value, index: m.index, length: m[0].length };
}

export const TIME_OF_DAY_DEFAULT: Record<TimeOfDay, string> = { morning: '09:00', afternoon: '15:00', evening: '18:00', night: '20:00' };
