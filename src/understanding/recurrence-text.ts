import type { TimeOfDay } from './date-prep.js';
import type { Repeat, WeekdayCode } from './recurrence.js';
import { wordList } from './pattern.js';

/** Recurrence phrases: "every monday at 9", "every 2 weeks on friday", "weekdays", "on the 1st of every month". */
const DAY_NAMES: Record<string, WeekdayCode> = {
  monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU',
};
const WD = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WD_LIST = `${WD}s?(?:\\s*(?:,|and|&|n|\\+|/)?\\s*${WD}s?)*`;
const EVERY = '(?:every|each|evry|every single)';
const UNIT = /^(day|week|month|year|weekday|weekend|weeknight|morning|afternoon|evening|night)s?$/;

const ANCHOR = new RegExp(
  [
    wordList`\b${EVERY}\s+(?:(other)\s+|(\d+)(?:st|nd|rd|th)?\s+)?(${WD_LIST}|days?|weeks?|months?|years?|weekdays?|weekends?|
      weeknights?|mornings?|afternoons?|evenings?|nights?)\b`,
    `\\b(everyday|daily|nightly|weekly|biweekly|fortnightly|monthly|yearly|annually)\\b`,
    `\\b(?:on\\s+)?(weekdays|weeknights|weekends)\\b`,
    `\\b(?:on\\s+)?(${WD}s(?:\\s*(?:,|and|&|n)?\\s*${WD}s?)*)\\b`,
  ].join('|'),
);
const ON_DAYS = new RegExp(`\\b(?:on\\s+)?(${WD_LIST})\\b`);
const MONTH_DAY = new RegExp(wordList`\b(?:on\s+)?the\s+(?:(\d{1,2})(?:st|nd|rd|th)|
  (last)(?: day)?)(?:\s+of\b)?(?:\s+(?:of\s+)?(?:every|each|the)\s+month)?|\b(?:of|in)\s+(?:every|each|the)\s+month\b`);
const MONTH_DAY_WORDS: Record<string, string> = { first: '1st', second: '2nd', third: '3rd', fifteenth: '15th', last: 'last' };

export interface RepeatParse {
  repeat: Repeat;
  rest: string;
  timeOfDay?: TimeOfDay;
  /** yearly rules take their month and day from the date in the rest of the text. */
  needsDate?: boolean;
}

function blank(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

function weekdaysIn(list: string): WeekdayCode[] {
  const found = list.match(new RegExp(WD, 'g')) ?? [];
  const order = Object.values(DAY_NAMES);
  return [...new Set(found.map((d) => DAY_NAMES[d]!))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function unitRepeat(unit: string, interval: number): { repeat: Repeat; timeOfDay?: TimeOfDay } {
  const u = unit.replace(/s$/, '');
  switch (u) {
    case 'day': return { repeat: { freq: 'daily', interval } };
    case 'week': return { repeat: { freq: 'weekly', interval } };
    case 'month': return { repeat: { freq: 'monthly', interval } };
    case 'year': return { repeat: { freq: 'yearly', interval } };
    case 'weekday': return { repeat: { freq: 'weekly', interval, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] } };
    case 'weekend': return { repeat: { freq: 'weekly', interval, weekdays: ['SA', 'SU'] } };
    case 'weeknight': return { repeat: { freq: 'weekly', interval, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] }, timeOfDay: 'night' };
    default: return { repeat: { freq: 'daily', interval }, timeOfDay: u as TimeOfDay };
  }
}

const SINGLE: Record<string, { repeat: Repeat; timeOfDay?: TimeOfDay }> = {
  everyday: { repeat: { freq: 'daily' } },
  daily: { repeat: { freq: 'daily' } },
  nightly: { repeat: { freq: 'daily' }, timeOfDay: 'night' },
  weekly: { repeat: { freq: 'weekly' } },
  biweekly: { repeat: { freq: 'weekly', interval: 2 } },
  fortnightly: { repeat: { freq: 'weekly', interval: 2 } },
  monthly: { repeat: { freq: 'monthly' } },
  yearly: { repeat: { freq: 'yearly' } },
  annually: { repeat: { freq: 'yearly' } },
};

/** Finds a recurrence in normalized text; null when the message describes a one-off. */
export function parseRepeat(input: string): RepeatParse | null {
  let text = input
    .replace(/\bthe (first|second|third|fifteenth|last)\b/g, (_m, w: string) => `the ${MONTH_DAY_WORDS[w]}`)
    .replace(/\b(?:every|each) (first|second|third|fifteenth|last|\d{1,2}(?:st|nd|rd|th))(?: day)? of (?:the|each|every) month\b/g,
      (_m, d: string) => `on the ${MONTH_DAY_WORDS[d] ?? d} of every month`);
  const m = ANCHOR.exec(text);
  if (!m) return null;
  const interval = m[1] ? 2 : m[2] ? Number(m[2]) : 1;
  let found: { repeat: Repeat; timeOfDay?: TimeOfDay };
  if (m[3] && !UNIT.test(m[3])) found = { repeat: { freq: 'weekly', interval, weekdays: weekdaysIn(m[3]) } };
  else if (m[3]) found = unitRepeat(m[3], interval);
  else if (m[4]) found = SINGLE[m[4]]!;
  else if (m[5]) found = unitRepeat(m[5], 1);
  else found = { repeat: { freq: 'weekly', weekdays: weekdaysIn(m[6]!) } };
  const after = /^\s+(?:in the )?(morning|afternoon|evening|night)s?\b/.exec(text.slice(m.index + m[0].length));
  if (after) found = { ...found, timeOfDay: after[1] as TimeOfDay };
  text = blank(text, m.index, m[0].length + (after?.[0].length ?? 0));
  const repeat: Repeat = { ...found.repeat };
  if (repeat.interval === 1) delete repeat.interval;
  if (repeat.freq === 'weekly' && !repeat.weekdays) {
    const on = ON_DAYS.exec(text);
    if (on) {
      repeat.weekdays = weekdaysIn(on[1]!);
      text = blank(text, on.index, on[0].length);
    }
  }
  if (repeat.freq === 'monthly' || /\b(?:of|in) (?:every|each) month\b/.test(text)) {
    const day = MONTH_DAY.exec(text);
    if (day) {
      repeat.freq = 'monthly';
      if (day[1]) repeat.monthDay = Number(day[1]) === 31 ? -1 : Number(day[1]);
      else if (day[2]) repeat.monthDay = -1;
      text = blank(text, day.index, day[0].length);
    }
  }
  return { repeat, rest: text.replace(/\s+/g, ' ').trim(), timeOfDay: found.timeOfDay, needsDate: repeat.freq === 'yearly' };
}
