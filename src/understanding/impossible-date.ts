import { DateTime } from 'luxon';
import { localNow, type WhenContext } from './local-time.js';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?'
  + '|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(?:the\\s+)?${DAY}\\b${YEAR}`);
const DAY_MONTH = new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}\\b${YEAR}`);
/** US order, as chrono-node reads it: "4/31" is April 31. */
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/;

export interface ImpossibleDate {
  /** "February has no 30th", "February 2027 has no 29th". */
  message: string;
  /** The text with the date phrase blanked out, for the rest of the request (task, title, time). */
  rest: string;
}

interface Candidate {
  month: number;
  day: number;
  year?: number;
  index: number;
  length: number;
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const named = (m: RegExpExecArray | null, monthAt: number, dayAt: number) => {
    if (!m) return;
    const year = m[3] ? Number(m[3]) : undefined;
    found.push({ month: monthIndex(m[monthAt]!), day: Number(m[dayAt]), year, index: m.index, length: m[0].length });
  };
  named(MONTH_DAY.exec(text), 1, 2);
  named(DAY_MONTH.exec(text), 2, 1);
  const n = NUMERIC.exec(text);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= 12) {
    const year = n[3] ? Number(n[3].length === 2 ? `20${n[3]}` : n[3]) : undefined;
    found.push({ month: Number(n[1]), day: Number(n[2]), year, index: n.index, length: n[0].length });
  }
  return found;
}

function monthIndex(word: string): number {
  return MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(word.slice(0, 3))) + 1;
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * A day the calendar does not have ("feb 30", "april 31", "feb 29" when the coming February is not a leap year's).
 * chrono-node drops such dates silently; saying so beats asking "when?" as if nothing had been said.
 */
export function findImpossibleDate(text: string, ctx: WhenContext): ImpossibleDate | null {
  const today = localNow(ctx);
  for (const c of candidates(text)) {
    if (c.day < 1 || c.day > 31) continue;
    const year = c.year ?? (c.month >= today.month ? today.year : today.year + 1);
    const days = DateTime.fromObject({ year, month: c.month }).daysInMonth ?? 31;
    if (c.day <= days) continue;
    const month = MONTH_NAMES[c.month - 1]!;
    const leapDay = c.month === 2 && c.day === 29;
    const rest = `${text.slice(0, c.index)} ${text.slice(c.index + c.length)}`.replace(/\s+/g, ' ').trim();
    return { message: `${month}${leapDay ? ` ${year}` : ''} has no ${ordinal(c.day)}`, rest };
  }
  return null;
}
