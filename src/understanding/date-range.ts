import { parseWhen, isoDate, localNow, type WhenContext } from './dates.js';
import { wordList } from './pattern.js';

export interface DayRange {
  from: string;
  to: string;
  label?: string;
}

const RANGE_WORDS = new RegExp(wordList`\b(?:(?:rest of |the rest of )?(?:this|the|my) week|next week|(?:this |the )?weekend|
  next weekend|this month|next month|next \d+ days|coming week|coming days|week ahead)\b`);

/** The days a calendar question is about: "tomorrow", "friday", "this week", "next week", "this weekend", "next 3 days". */
export function parseDayRange(text: string, ctx: WhenContext): DayRange | null {
  const today = localNow(ctx).startOf('day');
  const span = (from: typeof today, to: typeof today, label?: string): DayRange => ({ from: isoDate(from), to: isoDate(to), ...(label ? { label } : {}) });
  const m = RANGE_WORDS.exec(text);
  if (m) {
    const w = m[0];
    const saturday = today.plus({ days: (6 - today.weekday + 7) % 7 });
    if (/next weekend/.test(w)) return span(saturday.plus({ days: 7 }), saturday.plus({ days: 8 }), 'next weekend');
    if (/weekend/.test(w)) return today.weekday === 7 ? span(today, today, 'this weekend') : span(saturday, saturday.plus({ days: 1 }), 'this weekend');
    if (/next week/.test(w)) {
      const monday = today.plus({ days: 8 - today.weekday });
      return span(monday, monday.plus({ days: 6 }), 'next week');
    }
    if (/coming|ahead/.test(w)) return span(today, today.plus({ days: 6 }), 'the next 7 days');
    if (/week/.test(w)) return span(today, today.plus({ days: 7 - today.weekday }), 'this week');
    if (/this month/.test(w)) return span(today, today.endOf('month').startOf('day'), 'this month');
    if (/next month/.test(w)) {
      const first = today.plus({ months: 1 }).startOf('month');
      return span(first, first.endOf('month').startOf('day'), 'next month');
    }
    const days = Number(/\d+/.exec(w)![0]);
    return span(today, today.plus({ days: Math.max(1, Math.min(days, 62)) - 1 }), `the next ${days} days`);
  }
  const when = parseWhen(text, ctx);
  if (when.date) {
    const label = /\btoday|tonight\b/.test(text) ? 'today' : /\btomorrow\b/.test(text) ? 'tomorrow' : undefined;
    return { from: when.date, to: when.date, ...(label ? { label } : {}) };
  }
  if (/\b(?:today|tonight|my day)\b/.test(text)) return span(today, today, 'today');
  return null;
}
