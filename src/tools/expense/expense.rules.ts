import { toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { cleanText, stripPoliteness, wordsToNumber } from '../../understanding/words.js';
import { categoryForDescription, namedCategory, type ExpenseCategory } from './expense.categories.js';
import { parseExpense } from './expense.parse.js';
import { hasPerUnitPrice } from './expense.per-unit.js';
import { pastWeekday, type Period } from './expense.period.js';
import { wordList } from '../../understanding/pattern.js';
import { moneyWordsToDigits } from '../../understanding/money-words.js';

const clean = (input: RuleInput) => stripPoliteness(cleanText(input.raw)).replace(/[.,]+$/, '');

const EXPENSE_WORD = String.raw`(?:expenses?|expences?|purchases?|transactions?|spends?|spending|entry|entries|payments?|charges?)`;
const DELETE_LAST = new RegExp(wordList`^(?:delete|remove|undo|cancel|erase|scratch|drop|get rid of|take back|void)\s+(?:the\s+|
  my\s+|that\s+)?(?:last|latest|previous|most recent|recent|last logged)\s+(?:one\s+|${EXPENSE_WORD}\s*)?(?:${EXPENSE_WORD})?$|
  ^(?:delete|remove|undo|cancel)\s+(?:that|this|the)\s+${EXPENSE_WORD}$|^undo (?:last|that) ${EXPENSE_WORD}$`);
/** "remove the gas one i logged", "delete my coffee expense": the latest expense with those words. */
const DELETE_NAMED = new RegExp(wordList`^(?:delete|remove|undo|cancel|erase|scratch|drop|get rid of)\s+(?:the\s+|my\s+|that\s+)?
  ([a-z][a-z' ]{1,40}?)\s+(?:${EXPENSE_WORD}(?:\s+(?:i|that i|we)\s+(?:just\s+)?(?:logged|added|entered|put in))?|one\s+(?:i|that i|
  we)\s+(?:just\s+)?(?:logged|entered|spent|paid))$`);
const UNDO = new RegExp(wordList`^(?:undo|undo that|undo it|undo last|undo the last one|oops undo|scratch that|that was wrong|
  wrong amount|delete that|remove that|delete it|remove it|take that back|my bad undo|(?:oops|oh no|whoops|my bad)\s+(?:delete|
  remove|undo) (?:that|it)|(?:delete|remove|cancel) the last one)$`);
const RECENT = new RegExp(wordList`^(?:(?:show|list|see|view|give me|send|what were|what are)\s+)?(?:me\s+)?(?:my\s+|
  the\s+)?(?:last|latest|recent|previous|past|most recent)\s+(\d+|[a-z]+)?\s*${EXPENSE_WORD}$|^(?:show|list|see|
  view)\s+(?:me\s+)?(?:my\s+|all\s+)?(?:recent\s+)?${EXPENSE_WORD}$|^(?:recent|latest)\s+${EXPENSE_WORD}$|^(?:what did i (?:buy|
  spend on) (?:lately|recently))$`);
const SUMMARY = new RegExp(wordList`\b(?:how much|how mcuh|hw much|what did i spend|what have i spent|what i spent|
  what've i spent|spent so far|spending|spend(?:ing)? (?:report|summary)|expenses?|expences?|expense report|total spent|totals?|
  summary|breakdown|budget so far|where did my money go|money spent)\b`);
const SUMMARY_VERB = /\b(?:spend|spent|spending|expenses?|expences?|cost|total|totals|summary|breakdown)\b/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = new RegExp(wordList`\b(?:in|for|during|of)\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|
  aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|^(january|february|march|april|june|july|august|
  september|october|november|december)\b`);

function monthOf(t: string): number | undefined {
  const m = t.match(MONTH);
  const name = m?.[1] ?? m?.[2];
  return name ? MONTHS.indexOf(name.slice(0, 3)) + 1 : undefined;
}

function periodOf(t: string): Period {
  if (/\b(?:today'?s?|tdy|2day|so far today)\b/.test(t)) return 'today';
  if (/\byesterday\b/.test(t)) return 'yesterday';
  if (/\b(?:last|previous|past) week\b/.test(t)) return 'last_week';
  if (/\b(?:this week|week'?s?|weekly|wk)\b/.test(t)) return 'week';
  if (/\b(?:last|previous|past) month\b/.test(t)) return 'last_month';
  if (/\b(?:this year|year|ytd|yearly|annual)\b/.test(t)) return 'year';
  if (/\b(?:all time|ever|overall|in total|altogether|total ever)\b/.test(t)) return 'all';
  return 'month';
}

function categoryOf(t: string): ExpenseCategory | undefined {
  const m = t.match(new RegExp(wordList`\b(?:on|for|in|under)\s+(?!(?:the|this|last|past|previous)\b)([a-z' ]+?)(?:\s+(?:this|
    last|so|in|today|yesterday|during|for|the|past)\b.*)?$`));
  if (!m) return undefined;
  const words = m[1]!.trim();
  return namedCategory(words) ?? categoryForDescription(words) ?? undefined;
}

const DELETE_HINT = 'To delete the last expense you logged, text "delete last expense".';
/** Tools that change nothing: "undo" after them still means the last expense. */
const READS = /\.(?:list|next|recent|summary|show)$/;
/** How to take back what another tool just did, when "undo" follows it. */
const TAKE_BACK: Record<string, string> = {
  grocery: 'To take something off your list, text e.g. "remove eggs".',
  reminders: 'To drop a reminder, text "reminders", then e.g. "cancel 1".',
  calendar: 'To take an event off your calendar, text e.g. "delete dentist from my calendar".',
};

/** The last answer's change in another tool ("undo" right after it is about that, not an expense); a question changed nothing. */
interface LastRun {
  tool?: string;
  ok?: boolean;
  data?: { missing?: unknown };
}

function otherChange(ctx: UnderstandContext): string | null {
  const last = Array.isArray(ctx.lastToolResult) ? (ctx.lastToolResult as LastRun[]) : [];
  const change = last.find((r) => r?.ok && r.tool && !r.tool.startsWith('expense.') && !READS.test(r.tool) && !r.data?.missing);
  return change?.tool?.split('.')[0] ?? null;
}

/** "delete the forty dollar gas expense from yesterday" names it by "gas": the amount and the day only narrow it down. */
function withoutAmountOrDay(t: string): string {
  return moneyWordsToDigits(t)
    .replace(/\b(?:the|my|that) \$?\d+(?:\.\d{1,2})?(?: ?(?:dollars?|bucks?))? /, 'the ')
    .replace(/ (?:from |on )?(?:yesterday|today|last night|this morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/, '');
}

/** "undo" deletes the most recently logged expense, whatever was said in between, unless it follows another change. */
function matchDeleteLast(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const t = clean(input).replace(/^(?:oops|whoops|oh no|ugh|sorry|my bad|wait|actually)[\s,]+/, '');
  if (DELETE_LAST.test(t)) return toolCall('expense.deleteLast', {});
  const named = DELETE_NAMED.exec(withoutAmountOrDay(t));
  const words = named?.[1]?.trim();
  if (words && !/^(?:last|latest|previous|recent|next|other|first)\b/.test(words)) return toolCall('expense.deleteLast', { words });
  if (!UNDO.test(t)) return null;
  // An open question ("when should I remind you?") is what "undo" takes back first.
  if (ctx.pending) return { kind: 'reply', text: `OK, dropped that. ${DELETE_HINT}`, clearPending: true };
  const other = otherChange(ctx);
  if (!other) return toolCall('expense.deleteLast', {});
  // "delete it" right after a reminder or an event is left to those tools' rules.
  if (other !== 'grocery' && !/\bundo\b/.test(t)) return null;
  const hint = TAKE_BACK[other] ?? 'To change a setting back, text it again (send "settings" to see them).';
  return { kind: 'reply', text: `${hint} ${DELETE_HINT}` };
}

function matchRecent(input: RuleInput): Understanding | null {
  const m = clean(input).match(RECENT);
  if (!m) return null;
  const singular = /(?:expense|purchase|transaction|spend|entry|payment|charge)$/.test(m[0]);
  const n = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : wordsToNumber(m[1])) : singular ? 1 : 10;
  if (n === null || n < 1) return null;
  return toolCall('expense.recent', { limit: Math.min(n, 50) });
}

function matchSummary(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const t = clean(input);
  const howMuchWhen = /^how much\b/.test(t) && /\b(?:today|yesterday|week|month|year)\b/.test(t);
  const amount = /\d/.test(moneyWordsToDigits(t).replace(/\b(?:last|past) \d+ days?\b/, ''));
  if (!SUMMARY.test(t) || !(SUMMARY_VERB.test(t) || howMuchWhen) || amount) return null;
  if (new RegExp(wordList`\b(?:remind|calendar|grocery list|shopping list|delete|remove|undo)\b|^(?:how do i|how to|how can i|
    how does|help)\b`).test(t)) return null;
  const category = categoryOf(t);
  const month = monthOf(t);
  const date = pastWeekday(t, ctx.now, ctx.timezone);
  return toolCall('expense.summary', { period: periodOf(t), ...(month ? { month } : {}), ...(date ? { date } : {}), ...(category ? { category } : {}) });
}

/** "spent 40 on gas and 12 on lunch", "lunch 15, coffee 4": one expense per part when every part has its own amount. */
function splitLog(t: string, ctx: UnderstandContext): Understanding | null {
  const parts = t.split(/\s+(?:and|plus)\s+|,\s+/);
  if (parts.length < 2 || hasPerUnitPrice(t) || parts.some((p) => !/\d/.test(p))) return null;
  const verb = /^(?:i |we )?(?:spent|paid)\b/.exec(t)?.[0];
  const parsed = parts.map((p, i) =>
    parseExpense(p, ctx.now, ctx.timezone, ctx.defaultCurrency)
      ?? (i > 0 && verb ? parseExpense(`${verb} ${p}`, ctx.now, ctx.timezone, ctx.defaultCurrency) : null));
  if (parsed.some((p) => !p?.description)) return null;
  return { kind: 'tools', calls: parsed.map((args) => ({ tool: 'expense.log', args })) };
}

function matchLog(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const t = clean(input);
  const parsed = parseExpense(t, ctx.now, ctx.timezone, ctx.defaultCurrency);
  if (!parsed) return null;
  return splitLog(t, ctx) ?? toolCall('expense.log', parsed);
}

export const expenseRules: Rule[] = [
  { name: 'expense-delete-last', match: matchDeleteLast },
  { name: 'expense-recent', match: matchRecent },
  { name: 'expense-summary', match: matchSummary },
  { name: 'expense-log', match: matchLog },
];
