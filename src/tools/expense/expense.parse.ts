import { DateTime } from 'luxon';
import { digitsForNumberWords, singularize } from '../../understanding/words.js';
import { categoryForDescription, namedCategory, type ExpenseCategory } from './expense.categories.js';
import { findMoney } from './expense.money.js';
import { multiplyPerUnit } from './expense.per-unit.js';
import { wordList } from '../../understanding/pattern.js';
import { moneyWordsToDigits, spokenPricesToDigits, TIME_LEAD_WORDS } from '../../understanding/money-words.js';

export interface ParsedExpense {
  amount: string;
  currency: string;
  category: ExpenseCategory;
  description: string | null;
  spentAt?: string;
}

const NOT_EXPENSE = new RegExp(wordList`^(?:move|push|reschedule|postpone|shift|bump|delay|delete|remove|erase|undo)\b|
  \b(?:remind|reminder|remember to|don'?t forget|alarm|calendar|schedule|meeting|appointment|appt|tomorrow|tmrw|tmr|2moro|tonight|
  tonite|next (?:week|month|year)|every|owe|owes|owed|budget|time ?zone|tz|currency|settings?)\b|\d\s?(?:am|pm)\b|\d:\d\d|\bat \d{1,2}\b(?![.,]\d)|
  \bin \d+ (?:min|minutes|hours?|days?)\b`);
/** Sums and what-ifs: "split a 90 dollar bill three ways", "if i spend 40 a week how much is that a year". */
const ARITHMETIC = /^(?:if|what if|suppose|say i)\b|\bhow much (?:is|would|will|does|do)\b|\bsplit\b.*\b(?:ways|between|among)\b/;
/** Moving money to someone is not spending it: "send sam 20", "venmo jo 15", "pay mike back 30"; "paid sam back" (not "… for the tickets"). */
const TRANSFER = new RegExp(wordList`^(?:send|venmo|zelle|transfer|wire|paypal|cash ?app|repay|reimburse)\b|^pay\s+(?:\S+\s+){0,2}back\b|
  \b(?:paid|payed|sent|gave)\s+(?:\S+\s+){0,2}back\b(?!.*\bfor\s+(?!(?:it|that|this|me|him|her|them)\b)[a-z])`);
/** "movie night w jen 2nite 8": a bare number after a time of day is a time, unless the text says it was spent. */
const TIME_BEFORE = new RegExp(String.raw`(?<!\blast )\b(?:${TIME_LEAD_WORDS})\s*$`);
const VERB = new RegExp(wordList`\b(?:spent|spnt|spet|sepnt|pd|spend|spending|paid|pay|payed|cost|costs|costed|was|were|dropped|
  blew|expense|expensed|log|logged|bought|purchased|got|charged|tipped|tip|donated|gave|renewed)\b`);
const STRONG_VERB = /\b(?:spent|spnt|spet|sepnt|pd|spend|paid|payed|cost|costs|expense|expensed|log|logged|charged|dropped|blew)\b/;
const GROCERY_START = /^(?:add|ad|put|need|needs|i need|we need|buy|get|grab|pick up|take|remove|delete|x)\b/;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = /\b(?:on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun)\b/;
const WHEN = new RegExp(wordList`\b(?:yesterday|yday|ystrdy|today|this morning|this afternoon|this evening|last night|earlier|
  just now|(\d+|a|one|two|three) days? ago)\b`);

/** "spent 12.50 on lunch", "$40 gas", "uber 23.10", "1.200,50 EUR hotel" → an expense; null when it is something else. */
export function parseExpense(text: string, now: Date, zone: string, defaultCurrency: string): ParsedExpense | null {
  // Prices said after a spending word first ("paid about nine fifty"), then any left ("coffee four fifty").
  const said = digitsForNumberWords(spokenPricesToDigits(spokenPricesToDigits(moneyWordsToDigits(text)), { anywhere: true }));
  if (NOT_EXPENSE.test(text) || NOT_EXPENSE.test(said) || TRANSFER.test(said) || ARITHMETIC.test(said)) return null;
  const t = multiplyPerUnit(said, defaultCurrency);
  const money = findMoney(t, defaultCurrency).find((m) => m.score === 3 || !isCount(t, m.index, m.length));
  if (!money) return null;
  const marked = money.score === 3;
  const hasVerb = VERB.test(t);
  if (GROCERY_START.test(t) && !marked && !STRONG_VERB.test(t) && !/\bfor\s*$/.test(t.slice(0, money.index))) return null;
  if (WEEKDAY.test(t) && !hasVerb) return null;
  if (!marked && !hasVerb && TIME_BEFORE.test(t.slice(0, money.index))) return null;

  const rest = `${t.slice(0, money.index)} ${t.slice(money.index + money.length)}`;
  const { description, stated } = describe(rest);
  const keyword = description ? categoryForDescription(description) : null;
  if (!marked && !hasVerb && !keyword && !stated) return null;
  if (!marked && !hasVerb && description && description.split(' ').length > 6) return null;
  return {
    amount: money.amount,
    currency: money.currency ?? defaultCurrency,
    category: stated ?? keyword ?? 'other',
    description,
    ...spentAt(t, now, zone),
  };
}

/** A bare number that counts things or time ("x3", "3 days", "2 apples") rather than money. */
function isCount(t: string, index: number, length: number): boolean {
  const before = t.slice(0, index);
  const after = t.slice(index + length);
  if (/\b(?:x|times)\s*$/.test(before)) return true;
  // A day of a month ("dec 20", "march 3rd") is a date, not an amount.
  if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/.test(before)
    && Number.isInteger(Number(t.slice(index, index + length)))) return true;
  if (new RegExp(wordList`^\s*(?:x\b|lbs?\b|kg\b|g\b|oz\b|dozen\b|items?\b|pieces?\b|people\b|min(?:ute)?s?\b|hours?\b|hrs?\b|
    days?\b|weeks?\b|months?\b|years?\b|times?\b|%|st\b|nd\b|rd\b|th\b)`).test(after)) return true;
  const next = after.match(/^\s+([a-z]+)/)?.[1];
  const value = Number(t.slice(index, index + length));
  return Boolean(next && Number.isInteger(value) && value < 10 && singularize(next) !== next && !['bucks', 'dollars', 'euros', 'pounds'].includes(next));
}

function describe(rest: string): { description: string | null; stated: ExpenseCategory | null } {
  let d = rest
    .replace(WHEN, ' ')
    .replace(WEEKDAY, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let stated: ExpenseCategory | null = null;
  const clause = d.match(new RegExp(wordList`(?:^|\s)(?:#|(?:for|under|in|as|category|cat|categor(?:y|ise|ize) as|
    put it under)\s+(?:the\s+)?(?:category\s+)?)([a-z]+(?: out)?)(?:\s+category)?$`));
  if (clause && namedCategory(clause[1]!)) {
    stated = namedCategory(clause[1]!);
    const without = d.slice(0, clause.index).trim();
    if (stripFiller(without)) d = without;
  }
  const description = stripFiller(d);
  return { description: description || null, stated };
}

function stripFiller(text: string): string {
  let d = text;
  for (let i = 0; i < 3; i++) {
    d = d
      .replace(/[$€£¥₹]+/g, ' ')
      .replace(new RegExp(wordList`^(?:i\s+|we\s+)?(?:just\s+)?(?:spent|spnt|spet|sepnt|pd|spend|paid|pay|payed|dropped|blew|
        expensed|expense|log|logged|add expense|new expense|add|bought|purchased|got|had|charged|tipped|donated|gave|
        renewed|track|record|note|put down|write down|jot down|mark down)\b:?\s*`), '')
      .replace(/^(?:expense|spent|spending)\s*:?\s*/, '')
      .replace(/^[+-]\s*/, '')
      .replace(/^(?:on|for|at|in|to|towards|into|a|an|the|my|some|of|:|-|=)\s+/, '')
      .replace(/\s+(?:was|were|cost|costs|costed|total|in total|today|just now|=|-|:|for|on|at|the|a)$/, '')
      .replace(/^(?:was|cost|costs)\s+/, '')
      .replace(/\s+(?:was|cost|costs)\s+/, ' ')
      .replace(/[,:;=]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return d;
}

/** "yesterday", "last night", "on monday", "3 days ago" in the user's zone; nothing when it is now. */
function spentAt(t: string, now: Date, zone: string): { spentAt?: string } {
  const local = DateTime.fromJSDate(now, { zone });
  const when = t.match(WHEN);
  let at: DateTime | null = null;
  if (when) {
    const word = when[0];
    if (/^(?:yesterday|yday|ystrdy)$/.test(word)) at = local.minus({ days: 1 });
    else if (word === 'last night') at = local.minus({ days: 1 }).set({ hour: 20, minute: 0, second: 0, millisecond: 0 });
    else if (word === 'this morning' && local.hour >= 9) at = local.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    else if (when[1]) {
      const days = /^\d+$/.test(when[1]) ? Number(when[1]) : ({ a: 1, one: 1, two: 2, three: 3 } as Record<string, number>)[when[1]]!;
      at = local.minus({ days });
    }
  } else {
    const day = t.match(WEEKDAY);
    if (day) {
      const index = WEEKDAYS.findIndex((w) => w.startsWith(day[1]!.slice(0, 3))) + 1;
      const back = (local.weekday - index + 7) % 7;
      if (back > 0) at = local.minus({ days: back }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    }
  }
  return at ? { spentAt: at.toUTC().toISO()! } : {};
}
