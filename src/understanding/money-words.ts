import Big from 'big.js';
import { TEENS, TENS, UNITS } from './date-words.js';
import { NUMBER_PHRASE, wordsToNumber } from './words.js';
import { wordList } from './pattern.js';

/**
 * Amounts of money said in words, in digits: "forty two dollars and fifteen cents" → "42.15 dollars", "three bucks
 * fifty" → "3.50 bucks", "sixty dollars" → "60 dollars". Only next to a money word, so counts, times and dates keep theirs.
 */
const UNIT = `(?:${UNITS.join('|')})`;
const TENS_AND_UNIT = `(?:${[...TENS, 'fourty'].join('|')})(?:[ -]${UNIT})?`;
const TEEN = `(?:${TEENS.join('|')})`;
/** 1–99 in words. */
const UP_TO_99 = `(?:${TEEN}|${TENS_AND_UNIT}|${UNIT})`;
/** The cents of a price read aloud ("fifty", "ninety nine", "oh five"); never a lone unit: "twenty five" is 25. */
const CENTS_SAID = `(?:${TEEN}|${TENS_AND_UNIT}|oh[ -]${UNIT})`;
const MAJOR = String.raw`(dollars?|bucks?|euros?|pounds?|quid)`;
const MINOR = String.raw`(?:cents?|pence)`;
const AMOUNT = `(${NUMBER_PHRASE}|\\d+)`;
/** What may follow "three bucks fifty": the end, or the words around an expense — not a count of things. */
const PRICE_END = String.raw`(?=\s*$|[,.]|\s(?:on|for|at|in|to|today|yesterday|this|last|and)\b)`;
/** Not a price when more number words, a unit of time or a money word follow ("nine fifty dollars" is left as it is). */
const NOT_A_PRICE_AFTER = wordList`(?![ -](?:${UNIT}|dollars?|bucks?|cents?|minutes?|mins?|hours?|hrs?|days?|weeks?|
  am|pm|a\.m|p\.m|o'?clock|people|times|percent|%))`;

const value = (said: string): Big | null => {
  if (/^\d+$/.test(said)) return new Big(said);
  if (said === 'a' || said === 'one') return new Big(1);
  const n = wordsToNumber(said.replace(/^oh[ -]/, ''));
  return n === null ? null : new Big(n);
};

/** "42" and "15" → "42.15"; null when the cents are not cents. */
function withCents(whole: string, cents: string): string | null {
  const [w, c] = [value(whole.trim()), value(cents.trim())];
  if (!w || !c || c.gte(100)) return null;
  return w.plus(c.div(100)).toFixed(2);
}

const REWRITES: [RegExp, (all: string, ...groups: string[]) => string][] = [
  [new RegExp(String.raw`(\$?)\b${AMOUNT} ?${MAJOR}?,?(?: and| &)? (${UP_TO_99}|\d{1,2}) ${MINOR}\b`, 'g'),
    (all, sign, whole, major, cents) => {
      const amount = (sign || major) && withCents(whole!, cents!);
      return amount ? `${sign}${amount}${major ? ` ${major}` : ''}` : all;
    }],
  [new RegExp(String.raw`\b${AMOUNT} ${MAJOR} (${CENTS_SAID}|\d{2})\b${PRICE_END}`, 'g'),
    (all, whole, major, cents) => {
      const amount = withCents(whole!, cents!);
      return amount ? `${amount} ${major}` : all;
    }],
  [new RegExp(String.raw`\b${NUMBER_PHRASE}(?= (?:${MAJOR}|${MINOR})\b)`, 'g'),
    (all) => `${/^a (?!hundred|thousand)/.test(all) ? 'a ' : ''}${wordsToNumber(all) ?? all}`],
];

export function moneyWordsToDigits(text: string): string {
  return REWRITES.reduce((out, [said, digits]) => out.replace(said, (all, ...groups: string[]) => digits(all, ...groups)), text);
}

/** Words after which "nine fifty" is a price, not a time; the text must say it is spending, too. */
const PRICE_LEAD = wordList`(spent|spend|spending|paid|pay|payed|cost|costs|costed|was|were|for|of|about|like|dropped|blew|
  expense|expensed|log|logged|track|add|charged|tipped|just|only)`;
const SPENDING = new RegExp(wordList`\b(?:spent|spend|spending|paid|payed|cost|costs|costed|bought|purchased|charged|tipped|
  dropped|blew|expense|expensed|log|logged|track|was|were)\b`);
const PRICE = new RegExp(String.raw`\b${PRICE_LEAD} (${UP_TO_99})[ -](${CENTS_SAID})\b${NOT_A_PRICE_AFTER}`, 'g');

/** Words after which a number says a time: "lunch at nine thirty", "call mom tonight seven fifteen". */
export const TIME_LEAD_WORDS = wordList`at|by|around|about|until|till|from|to|before|after|between|tonight|tonite|2nite|2night|night|
  morning|afternoon|evening|noon`;
const TIME_LEAD = `(?<!\\b(?:${TIME_LEAD_WORDS}) )`;
const PRICE_ALONE = new RegExp(String.raw`()${TIME_LEAD}\b(${UP_TO_99})[ -](${CENTS_SAID})\b${NOT_A_PRICE_AFTER}`, 'g');

/**
 * A price read aloud after a spending word: "spent nine fifty" → "spent 9.50", "for thirty four ninety nine" → "for 34.99".
 * `anywhere` reads it without the spending word ("coffee four fifty"), for a text already known to be an expense: no
 * number is said "nine fifty", so the words are a price or nothing.
 */
export function spokenPricesToDigits(text: string, { anywhere = false } = {}): string {
  if (!anywhere && !SPENDING.test(text)) return text;
  return text.replace(anywhere ? PRICE_ALONE : PRICE, (all, lead: string, whole: string, cents: string) => {
    const amount = withCents(whole, cents);
    return amount ? `${lead}${lead ? ' ' : ''}${amount}` : all;
  });
}
