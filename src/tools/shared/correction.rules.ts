import { parseWhen } from '../../understanding/dates.js';
import { wordList } from '../../understanding/pattern.js';
import { toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { capitalize, fromRaw } from '../../understanding/wording.js';
import { findMoney } from '../expense/expense.money.js';
import { lastReferences, lastWasOther, type Reference } from './reference.js';
import { LEAD } from './reference.rules.js';
import { compact } from './wording.js';

/** "make that 7pm", "change it to friday", "move it to 3pm": a new value for what was just stored. */
const MAKE_IT = new RegExp(wordList`^(?:make|change|set|switch|move|update|push|bump|fix|correct|put)\s+(?:that|it|this)(?:\s+(?:one|
  reminder|alarm|event|appointment|expense|amount|time|instead))?\s*(?:to be|to|for|at|into|on)?\s+(.+)$`);
/** "it's on friday", "it should be 8am", "i meant 7": the value said as a statement. */
const IT_IS = new RegExp(wordList`^(?:it'?s|its|it is|it was|that'?s|thats|that was|that is|that should be|it should be|should be|
  should have been|it should have been|i meant|i mean|meant)\s+(?:actually\s+)?(.+)$`);
/** "lunch was $14.50", "the total was 20": an amount for the expense just logged. */
const AMOUNT_WAS = /^(?:the |my |that )?((?:\S+ ){0,2}\S+?) (?:was|cost|costs|is|came to|should be|should have been|was actually) (.+)$/;
const TITLE = new RegExp(wordList`^(?:(?:change|update|set|make|fix)\s+(?:the\s+|its\s+)?(?:title|name|text|description|
  wording)(?:\s+of\s+(?:it|that|the (?:event|reminder|expense)))?\s+to|(?:rename|call|name|retitle)\s+(?:it|that|this)(?:\s+to)?)\s+(.+)$`);
const TRAILING = /(?:[\s,.]+(?:fix (?:that|it)|please|pls|instead|thanks|then|not .+|rather than .+))+$/;
const FILLERS = /^(?:to|at|for|on|only|just|actually|instead|please|the)?$/;

type Value = { kind: 'money'; amount: string } | { kind: 'when'; date?: string; time?: string } | { kind: 'title'; title: string };

function moneyValue(v: string, ref: Reference, ctx: UnderstandContext): Value | null {
  const [m] = findMoney(v, ctx.defaultCurrency);
  if (!m || (m.score < 2 && ref.family !== 'expense')) return null;
  const rest = `${v.slice(0, m.index)} ${v.slice(m.index + m.length)}`.trim();
  return FILLERS.test(rest) && Number(m.amount) > 0 ? { kind: 'money', amount: m.amount } : null;
}

function whenValue(v: string, ctx: UnderstandContext): Value | null {
  const when = parseWhen(v.replace(/^(?:to|for)\s+/, ''), ctx, { dateDecidedElsewhere: true });
  if (!when.found || (!when.date && !when.time) || !FILLERS.test(when.rest.trim())) return null;
  return { kind: 'when', date: when.date, time: when.time };
}

function valueOf(said: string, ref: Reference, ctx: UnderstandContext): Value | null {
  const v = said.replace(TRAILING, '').trim();
  return moneyValue(v, ref, ctx) ?? whenValue(v, ctx);
}

/** The tool call that puts `value` on the row `ref` points at; null when that kind has no such field. */
function editCall(ref: Reference, value: Value): Understanding | null {
  switch (ref.family) {
    case 'expense':
      if (value.kind === 'money') return toolCall('expense.edit', { amount: value.amount });
      return value.kind === 'title' ? toolCall('expense.edit', { description: value.title.toLowerCase() }) : null;
    case 'reminders':
      if (value.kind === 'when') return toolCall('reminders.edit', compact({ ref: 'last', date: value.date, time: value.time }));
      return value.kind === 'title' ? toolCall('reminders.edit', { ref: 'last', text: value.title }) : null;
    case 'calendar':
      if (value.kind === 'when') return toolCall('calendar.edit', compact({ ref: 'last', date: value.date, time: value.time }));
      return value.kind === 'title' ? toolCall('calendar.edit', { ref: 'last', title: value.title }) : null;
  }
}

const WHICH = 'Which one should I change? Tell me what it is, e.g. "move dentist to 4pm" or "change my call mom reminder to 7pm".';

/**
 * Corrections of what was just stored (or the one thing just listed): "actually make that 7pm", "no, 8am", "make that
 * $20", "actually lunch was $14.50, fix that", "change the title to team sync", "actually it's on friday".
 */
function correct({ text, raw }: RuleInput, ctx: UnderstandContext): Understanding | null {
  if (ctx.pending || lastWasOther(ctx.lastToolResult) || /\?\s*$/.test(raw)) return null;
  const body = text.replace(LEAD, '').replace(/[!?]+$/, '');
  const led = body !== text;
  const title = TITLE.exec(body);
  const said = title ? null : (MAKE_IT.exec(body)?.[1] ?? IT_IS.exec(body)?.[1] ?? (led ? body : null));
  const amountSaid = AMOUNT_WAS.exec(body);
  if (!title && !said && !amountSaid) return null;
  const refs = lastReferences(ctx.lastToolResult);
  const ref = refs.length === 1 ? refs[0]! : null;
  if (!ref) return title || MAKE_IT.test(body) ? { kind: 'reply', text: WHICH } : null;
  if (title) {
    const words = title[1]!.replace(TRAILING, '').replace(/^["']|["']$/g, '').trim();
    return editCall(ref, { kind: 'title', title: capitalize(fromRaw(raw, words)) });
  }
  // "it's on friday" or "no, 8am" corrects only what was just stored; after a listing it takes "make it …".
  const weak = !MAKE_IT.test(body);
  if (weak && !ref.stored) return null;
  const value = said ? valueOf(said, ref, ctx) : null;
  if (value) return editCall(ref, value);
  if (amountSaid && ref.family === 'expense') {
    const amount = moneyValue(amountSaid[2]!.replace(TRAILING, '').trim(), ref, ctx);
    return amount ? editCall(ref, amount) : null;
  }
  return null;
}

export const correctionRules: Rule[] = [{ name: 'reference.correct', match: correct }];
