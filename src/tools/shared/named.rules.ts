import { parseWhen } from '../../understanding/dates.js';
import { isQuestion } from '../../understanding/gate.js';
import { wordList } from '../../understanding/pattern.js';
import { toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { EVENT_NOUN } from '../calendar/calendar.rules.js';
import { findMoney } from '../expense/expense.money.js';
import { LEAD } from './reference.rules.js';
import type { NamedKind } from './named-rows.js';
import { compact } from './wording.js';

/**
 * "cancel my pay rent reminder i already paid it", "sam bailed remove lunch fri", "no alarm tmrw, kill it": a removal
 * verb anywhere, and the thing named around it, often with a reason. Which row (and of which kind) is decided
 * against the user's rows by references.remove.
 */
const REMOVE_ANY = new RegExp(wordList`\b(?:delete|remove|cancel|scratch|erase|get rid of|kill|nix|trash(?= (?:it|that|this|them|the|my)\b)|
  ditch|drop(?! off)|
  stop reminding me|(?:don't|dont|do not|no need to) remind me|take (?:.+? )?off (?:my |the )?(?:cal|calendar|schedule|list|
  reminders))\b`);
/** "remind me to cancel netflix", "i need to cancel the gym at 5": the verb is a task's, not an ask. */
const TASK_FRAME = new RegExp(wordList`\b(?:remind me|reminder|need|have|got|gotta|forget|remember|want|going) to (?:\S+ )?(?:delete|remove|
  cancel|scratch|erase|get rid of|kill|drop|nix|ditch)\b|^(?:remind me|reminder|add|put|set|schedule|book|create|make|plan|pencil|log)\b`);
/** Not one row: settings, named lists, bulk removals ("the stuff i got"), numbers of a list — the modules' own rules read them. */
const NOT_NAMED = new RegExp(wordList`\b(?:all|every|everything|agenda|notifications?|digest|briefing|summary|time ?zone|
  settings?|checked|bought|to-?do|todo|packing|wish|reading|bucket|gift|chore|lists)\b|\b(?:stuff|things|items) (?:i|we)\b|^(?:\S+ ){0,3}
  (?:number |#|no\.? ?)?\d{1,3}(?:st|nd|rd|th)?$`);
const KINDS: [NamedKind, RegExp][] = [
  ['alarm', /\b(?:alarms?|wake ?up call)\b/],
  ['expense', /\b(?:expenses?|spending|purchase|charge)\b/],
  ['reminder', /\b(?:reminders?|remind|reminding)\b/],
  ['event', /\b(?:cal|calendar|schedule|events?|appointment|appt)\b/],
  ['item', /\b(?:list|grocery|groceries|shopping)\b/],
];
const VERB = new RegExp(wordList`\b(?:delete|remove|cancel|scratch|erase|get rid of|kill|nix|trash|ditch|drop|stop reminding me|
  (?:don't|dont|do not|no need to) remind me|take)\b`, 'g');
const FILLER = new RegExp(wordList`\b(?:please|pls|could you|can you|would you|u|my|the|that|this|it|them|for me|off|from|
  on|of|for|at|in|about|abt|so|and|then|just|thing|one|alarms?|expenses?|reminders?|cal|calendar|list|events?)\b`, 'g');
const LATEST = /\b(?:last|latest|previous|most recent)\b/;

function kindOf(text: string): NamedKind | undefined {
  return KINDS.find(([, words]) => words.test(text))?.[0];
}

function removeNamed({ text, raw }: RuleInput, ctx: UnderstandContext): Understanding | null {
  const plain = text.replace(LEAD, '').replace(/[?.!]+$/, '');
  if (!REMOVE_ANY.test(plain) || TASK_FRAME.test(plain) || NOT_NAMED.test(plain) || isQuestion(plain, raw)) return null;
  const kind = kindOf(plain);
  // "…takes it automatically now" gives a reason, not a day.
  const when = parseWhen(plain.replace(/\b(?:right now|now|anymore|any more)\b/g, ' '), ctx, { dateDecidedElsewhere: true });
  // "and" and commas stay as commas: "pepper and salt" are two items if the list is where they are tried.
  const words = when.rest.replace(/\band\b/g, ',').replace(VERB, ' ').replace(FILLER, ' ').replace(/[.;:!]+/g, ' ')
    .replace(/\s*,[\s,]*/g, ', ').replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '');
  // "tomorrow morning" names a day, not a clock time: only a time said in digits picks by time.
  const clockSaid = /\d/.test(plain.replace(/\$\s?\d[\d.,]*|\d[\d.,]*\s?(?:dollars?|bucks)/g, ''));
  const latest = kind === 'expense' && LATEST.test(plain);
  if (!words && kind !== 'alarm' && !latest) return null;
  const [money] = kind === 'expense' || !kind ? findMoney(plain, ctx.defaultCurrency) : [];
  // Nothing of the user's fits: the words are tried where the modules' own rules would have tried them.
  const otherwise = kind ? undefined : /\b(?:cancel|remind)/.test(plain) ? 'reminder' : EVENT_NOUN.test(words) ? 'event' : 'item';
  return toolCall('references.remove', compact({
    words: words || undefined, kind, onDate: when.date, atTime: clockSaid ? when.time : undefined, amount: money && money.score >= 2 ? money.amount : undefined,
    latest: latest || undefined, otherwise,
  }));
}

/** "lunch w sam is 12:30 now not 1", "dentist got moved to thursday": a row named, then its new day or time. */
const NOW_AT = new RegExp(wordList`^(?:my |the |our )?(.+?)\s+(?:is|was|got|has|moved|pushed|changed|rescheduled)\b(?:\s+(?:been|now|
  moved|pushed|changed|rescheduled|to|at|till|until|on)\b)*\s+(.+)$`);
const CHANGE_MARK = /\b(?:now|instead|not|moved|pushed|changed|rescheduled)\b/;
const NOT_A_NAME = /^(?:it|that|this|which|what|when|where|who|how|i|we|you|there|it's|that's)\b/;

function changeNamed({ text, raw }: RuleInput, ctx: UnderstandContext): Understanding | null {
  const plain = text.replace(/[?.!]+$/, '');
  const m = NOW_AT.exec(plain);
  if (!m || !CHANGE_MARK.test(plain) || NOT_A_NAME.test(m[1]!) || isQuestion(plain, raw) || m[1]!.split(' ').length > 5) return null;
  const value = m[2]!.replace(/,?\s*(?:not|rather than|instead of)\s.*$/, '').replace(/\b(?:now|instead|actually)\b/g, ' ').trim();
  const when = parseWhen(value, ctx, { dateDecidedElsewhere: true });
  if (!when.found || (!when.date && !when.time) || when.rest.replace(/\b(?:at|on|to|the)\b/g, '').trim()) return null;
  const name = m[1]!;
  return toolCall('references.change', compact({ words: name, kind: kindOf(name), date: when.date, time: when.time }));
}

export const namedRules: Rule[] = [
  { name: 'reference.remove-named', match: removeNamed },
  { name: 'reference.change-named', match: changeNamed },
];
