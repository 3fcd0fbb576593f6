import { wordList } from './pattern.js';

/**
 * Dates and clock times said in words, rewritten to the digits chrono-node reads: "april twenty" → "april 20",
 * "the twenty first" → "the 21st", "twenty second of march twenty seventeen" → "22nd of march 2017",
 * "one hundred and thirty" → "1:30". Only next to a month name, "the … of" or a clock lead-in, so "one more thing"
 * or "the second item" keep their words.
 */
export const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const UNIT_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORDINALS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth'];

function dayWords(): Map<string, number> {
  const days = new Map<string, number>();
  UNITS.forEach((w, i) => days.set(w, i + 1));
  TEENS.forEach((w, i) => days.set(w, i + 10));
  days.set('twenty', 20).set('thirty', 30).set('thirty one', 31);
  UNITS.forEach((w, i) => days.set(`twenty ${w}`, 21 + i));
  return days;
}

function ordinalWords(): Map<string, number> {
  const days = new Map<string, number>();
  UNIT_ORDINALS.forEach((w, i) => days.set(w, i + 1));
  TEEN_ORDINALS.forEach((w, i) => days.set(w, i + 10));
  days.set('twentieth', 20).set('thirtieth', 30).set('thirty first', 31);
  UNIT_ORDINALS.forEach((w, i) => days.set(`twenty ${w}`, 21 + i));
  return days;
}

const DAYS = dayWords();
const ORDINALS = ordinalWords();
const alternation = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '[ -]')).join('|');
const DAY = `(${alternation(DAYS.keys())})`;
const ORDINAL = `(${alternation(ORDINALS.keys())})`;
/** "may" is left out of "<month> <number>": "may one day" is not May 1. */
const MONTH = wordList`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|
  nov(?:ember)?|dec(?:ember)?)`;
const ANY_MONTH = `(?:${MONTH}|may)`;
const NOT_A_COUNT = String.raw`(?![ -](?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|people|times|items?|dollars|bucks)\b)`;
const ORDINAL_SUFFIX = (n: number) => (n >= 11 && n <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
const ordinal = (word: string) => {
  const n = ORDINALS.get(word.replace('-', ' '))!;
  return `${n}${ORDINAL_SUFFIX(n)}`;
};
const day = (word: string) => String(DAYS.get(word.replace('-', ' ')));

/** Words that may follow a day said as an ordinal; anything else ("the second item") is not a date. */
const AFTER_A_DAY = wordList`(?=\s*$|\s*[,.]|\s+(?:of|at|by|on|in|for|from|to|and|until|till|before|after|please|this|next|
  morning|afternoon|evening|night|\d))`;

export const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const YEAR_TENS = TENS.join('|');
const YEAR_TAIL = `(${TEENS.join('|')}|(?:${YEAR_TENS})(?:[ -](?:${UNITS.join('|')}))?|oh[ -](?:${UNITS.join('|')}))`;
const DAY_SAID = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?|${alternation(DAYS.keys())}|${alternation(ORDINALS.keys())})`;
/** "twenty seventeen", "two thousand twenty six", "nineteen ninety nine" — only right after a day and month. */
const YEAR = new RegExp(String.raw`(\b${ANY_MONTH} (?:the )?${DAY_SAID},? |\b(?:the )?${DAY_SAID} of ${ANY_MONTH},? )` +
  String.raw`(?:(twenty|nineteen) ${YEAR_TAIL}|two thousand(?: and)?(?: ${YEAR_TAIL}| (${UNITS.join('|')}))?)\b`, 'g');

function yearTail(words: string): number {
  const [first, second] = words.split(/[ -]/);
  if (first === 'oh') return UNITS.indexOf(second!) + 1;
  if (TEENS.includes(first!)) return TEENS.indexOf(first!) + 10;
  const tens = (YEAR_TENS.split('|').indexOf(first!) + 2) * 10;
  return tens + (second ? UNITS.indexOf(second) + 1 : 0);
}

function year(century: string | undefined, tail: string | undefined, unit: string | undefined): number {
  if (century) return (century === 'twenty' ? 2000 : 1900) + yearTail(tail!);
  return 2000 + (tail ? yearTail(tail) : unit ? UNITS.indexOf(unit) + 1 : 0);
}

const HOUR = `(${[...UNITS, 'ten', 'eleven', 'twelve'].join('|')})`;
const UNIT = `(?:${UNITS.join('|')})`;
const MINUTE = `(${TEENS.slice(0, 6).join('|')}|(?:twenty|thirty|forty|fourty|fifty)(?:[ -]${UNIT})?|oh[ -]${UNIT})`;
const minute = (words: string) => String(yearTail(words.replace('fourty', 'forty'))).padStart(2, '0');
const hour = (word: string) => [...UNITS, 'ten', 'eleven', 'twelve'].indexOf(word) + 1;
/** "one hundred and thirty", "at six hundred": how a clock time is read aloud, never an amount of money. */
const HUNDRED_CLOCK = new RegExp(String.raw`\b(at|for|to|by|until|till|alarm) (?:oh )?${HOUR} hundred(?:(?: and)? ${MINUTE})?` +
  String.raw`(?: hours)?\b(?! (?:dollars|bucks|euros|pounds|people|miles|times))`, 'g');

const REWRITES: [RegExp, (...groups: string[]) => string][] = [
  [YEAR, (date, century, tail, thousandTail, unit) => `${date}${year(century, tail ?? thousandTail, unit)}`],
  // "at 0600 hours", or "at six hundred hours" once normalizeText has made it "at 600 hours".
  [/\b(at|by|for|until|till) ([01]?\d[0-5]\d) hours\b/g,
    (lead, digits) => `${lead} ${digits!.slice(0, -2).padStart(2, '0')}:${digits!.slice(-2)}`],
  [/\b(?:twelve|12) (noon|midnight)\b/g, (word) => word!],
  // An alarm "for 7" (or "alarm 7") is at 7; chrono-node reads "for 7" as nothing.
  [new RegExp(String.raw`\b(alarm|wake ?up call|wakeup)\s+(?:for\s+)?(?=(?:\d{1,2}(?::\d{2})?|${HOUR.slice(1, -1)})\b${NOT_A_COUNT})`, 'g'),
    (alarm) => `${alarm} at `],
  [HUNDRED_CLOCK, (lead, h, m) => `${lead} ${hour(h!)}:${m ? minute(m) : '00'}`],
  [new RegExp(`\\b(${ANY_MONTH}) (?:the )?${ORDINAL}\\b`, 'g'), (month, o) => `${month} ${ordinal(o!)}`],
  [new RegExp(`\\b(${MONTH}) ${DAY}\\b${NOT_A_COUNT}`, 'g'), (month, d) => `${month} ${day(d!)}`],
  [new RegExp(`\\b(in|on|of|by|until|till) may ${DAY}\\b${NOT_A_COUNT}`, 'g'), (lead, d) => `${lead} may ${day(d!)}`],
  [new RegExp(`\\bthe ${ORDINAL}\\b${AFTER_A_DAY}`, 'g'), (o) => `the ${ordinal(o!)}`],
  [new RegExp(`\\b${ORDINAL} of (${ANY_MONTH}|the month|this month|next month)\\b`, 'g'), (o, month) => `${ordinal(o!)} of ${month}`],
];

export function dateWordsToDigits(text: string): string {
  return REWRITES.reduce((out, [said, digits]) => out.replace(said, (_m, ...groups: string[]) => digits(...groups)), text);
}
