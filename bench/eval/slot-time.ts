import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/**
 * Resolves SLURP's date/time slot words ("tomorrow", "five thirty pm", "twenty fifth may") to the local date and
 * time a stored row should carry, independently of Errand's own date code: plain chrono-node (forward dates) on
 * the slot words, against the same instant and zone. Returns null when the words cannot be read robustly — such a
 * case is then not scored on time.
 */
export interface SlotTime {
  /** "YYYY-MM-DD", "YYYY-MM-DD HH:mm" or "HH:mm" (a time on whatever date). */
  at: string;
  hourMod12: boolean;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS_ORDINAL: Record<string, number> = { twentieth: 20, thirtieth: 30 };

function wordValue(word: string): { n: number; ordinal: boolean } | null {
  if (UNITS.includes(word)) return { n: UNITS.indexOf(word), ordinal: false };
  if (ORDINALS.includes(word) && word) return { n: ORDINALS.indexOf(word), ordinal: true };
  if (word in TENS) return { n: TENS[word]!, ordinal: false };
  if (word in TENS_ORDINAL) return { n: TENS_ORDINAL[word]!, ordinal: true };
  return null;
}

/** "twenty fifth" → "25th", "five thirty" → "5:30", "six am" → "6 am", "ten o'clock" → "10:00". */
export function numberWordsToDigits(text: string): string {
  const out: string[] = [];
  const words = text.toLowerCase().replace(/o'?\s?clock/g, ':00').split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const v = wordValue(words[i]!);
    if (!v) {
      out.push(words[i]!);
      continue;
    }
    let { n, ordinal } = v;
    const next = words[i + 1] ? wordValue(words[i + 1]!) : null;
    if (n >= 20 && n % 10 === 0 && next && next.n < 10 && next.n > 0) {
      n += next.n;
      ordinal = next.ordinal;
      i++;
    }
    out.push(ordinal ? `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}` : String(n));
  }
  // "5 30" → "5:30" (an hour then minutes), "10 :00" → "10:00".
  return out.join(' ').replace(/\b(\d{1,2}) (\d{2})\b/g, '$1:$2').replace(/(\d) :00/g, '$1:00');
}

const RELATIVE = /^(\d+) (minutes?|mins?|hours?|hrs?)( from now)?$/;

export function resolveSlotTime(slots: { date: string[]; time: string[]; timeofday: string[] }, now: Date, zone: string): SlotTime | null {
  const date = slots.date.map(numberWordsToDigits).join(' ');
  let time = slots.time.map(numberWordsToDigits).join(' ');
  if (!date && !time) return null;
  // Words chrono reads differently from people ("next friday", "weekdays", ranges): not scored.
  if (/\b(next|weekdays?|weekends?|after|before|between|and|every|week|month)\b/.test(`${date} ${time}`)) return null;
  if (RELATIVE.test(time)) time = `in ${time.replace(' from now', '')}`;
  else if (/^\d/.test(time)) time = `at ${time}`;
  const dayPart = slots.timeofday.join(' ');
  const suffix = time && !/\b(am|pm|a\.m\.|p\.m\.)\b/.test(time) ? meridiemOf(dayPart) : '';
  const text = [date, `${time}${suffix}`].filter(Boolean).join(' ').trim();
  const ref = DateTime.fromJSDate(now, { zone });
  const [result] = chrono.casual.parse(text, { instant: now, timezone: ref.offset }, { forwardDate: true });
  if (!result || result.text.length < text.replace(/^(at|in) /, '').length * 0.6) return null;
  const c = result.start;
  // A bare weekday that is today ("monday", said on a Monday) means today to some and next week to others.
  if (c.isCertain('weekday') && !c.isCertain('day') && c.get('weekday') === ref.weekday % 7 && /^\p{L}+$/u.test(date)) return null;
  const timeKnown = Boolean(time) && c.isCertain('hour');
  if (time && !timeKnown) return null;
  // Calendar fields only, turned into wall time in the zone (chrono's fixed offset is wrong across DST).
  const local = DateTime.fromObject(
    { year: c.get('year')!, month: c.get('month')!, day: c.get('day')!, hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 },
    { zone },
  );
  const dateKnown = Boolean(date) || /^in /.test(time);
  const meridiemKnown = Boolean(suffix) || c.isCertain('meridiem') || /noon|midnight/.test(time) || c.get('hour')! > 12;
  const hhmm = local.toFormat('HH:mm');
  const at = dateKnown && timeKnown ? `${local.toISODate()} ${hhmm}` : dateKnown ? local.toISODate()! : hhmm;
  return { at, hourMod12: timeKnown && !meridiemKnown && !/^in /.test(time) };
}

function meridiemOf(dayPart: string): string {
  if (/morning/.test(dayPart)) return ' am';
  if (/afternoon|evening|night|tonight/.test(dayPart)) return ' pm';
  return '';
}
