import Big from 'big.js';
import { findMoney, type MoneyMatch } from './expense.money.js';

/**
 * A price per thing and a count, multiplied (exactly, with big.js) into the amount spent:
 * "2 movie tickets, $14.50 each" → "movie tickets $29.00", "$5 x 3 sandwiches", "3 x $5", "4 coffees at 3.50 apiece".
 */
const EACH_AFTER = /^\s*(?:each|apiece|a piece|per (?:piece|person|head|ticket|item|unit|one|pop))\b/;
const TIMES_AFTER = /^\s*(?:x|\*|times)\s*(\d{1,3})\b(?!\s*(?:am|pm|:|\.\d))/;
/** "4 beers x $7": the count is further back. */
const X_BEFORE = /\s(?:x|\*)\s*$/;
const TIMES_BEFORE = /\b(\d{1,3})\s*(?:x|\*|times)\s*$/;
/** The count of "2 movie tickets": a small whole number before a word, not a time or a date. */
const COUNT = /(?:^|\s)(\d{1,3})\s+(?=[a-z])(?!(?:am|pm|min|mins|minutes|hours?|days?|st|nd|rd|th)\b)/;

export function hasPerUnitPrice(text: string): boolean {
  return /\b(?:each|apiece|a piece|per (?:piece|person|head|ticket|item|unit|one|pop))\b|\d\s*(?:x|\*)\s*[$€£\d]|\bx\s*[$€£\d]/.test(text);
}

function withAmount(text: string, money: MoneyMatch, total: Big, before: string, after: string): string {
  const marker = money.score === 3 && money.currency ? `${money.currency.toLowerCase()} ` : '';
  return `${before} ${marker}${total.toFixed(2)} ${after}`.replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim();
}

function isUnitPrice(before: string, after: string): boolean {
  return TIMES_AFTER.test(after) || EACH_AFTER.test(after) || TIMES_BEFORE.test(before) || (X_BEFORE.test(before) && COUNT.test(before));
}

/** The text with one total in place of a unit price and its count; the text itself when it has none. */
export function multiplyPerUnit(text: string, defaultCurrency: string): string {
  if (!hasPerUnitPrice(text)) return text;
  const money = findMoney(text, defaultCurrency).find((m) => isUnitPrice(text.slice(0, m.index), text.slice(m.index + m.length)));
  if (!money) return text;
  let before = text.slice(0, money.index);
  let after = text.slice(money.index + money.length);
  let count: number | null = null;
  const timesAfter = TIMES_AFTER.exec(after);
  const timesBefore = TIMES_BEFORE.exec(before);
  if (timesAfter) {
    count = Number(timesAfter[1]);
    after = after.slice(timesAfter[0].length);
  } else if (timesBefore) {
    count = Number(timesBefore[1]);
    before = before.slice(0, timesBefore.index);
  } else if (EACH_AFTER.test(after) || X_BEFORE.test(before)) {
    const counted = COUNT.exec(before);
    if (!counted) return text;
    count = Number(counted[1]);
    before = `${before.slice(0, counted.index)} ${before.slice(counted.index + counted[0].length)}`;
    before = before.replace(/\s*,?\s*(?:at|@|for|x|\*)?\s*$/, ' ');
    after = after.replace(EACH_AFTER, ' ');
  }
  if (!count || count < 1) return text;
  return withAmount(text, money, new Big(money.amount).times(count), before, after);
}
