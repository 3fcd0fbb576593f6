import type { PendingRequest } from '../entities/conversation-state.entity.js';
import type { Classification, IntentClassifier } from './intent/classifier.js';
import { callForIntent } from './intent-act.js';
import { parseDayRange } from './date-range.js';
import { normalizeText } from './normalize.js';
import { calendarLookup, lookupFor } from './lookup.js';
import { isoDate, localNow } from './local-time.js';
import { toolCall, type ToolCall, type Understanding } from './types.js';
import { wordList } from './pattern.js';
import { doneForYouAsked, NEVER_STORED, onlyVents, outOfScopeReply, saidOutright, whatErrandCannotDo } from './cannot-do.js';

/**
 * Tools that store something new: what an off-topic text or a question must never reach. Changes and removals name
 * what they act on ("cancel 2", "move my 3pm to 4") and only touch rows the user has.
 */
const CREATES = new Set(['grocery.add', 'lists.create', 'reminders.create', 'calendar.create', 'expense.log']);

/** Words that name a tool's family outright: with one, an unsure classifier does not overrule the rules. */
const FAMILY_WORDS: Record<string, RegExp> = {
  'reminders.create': /\b(?:remind|reminder|alarm|wake me|wake up)\b/,
  'calendar.create': /\b(?:calendar|schedule|appointment|meeting|event)\b/,
  'grocery.add': /\b(?:list|grocery|groceries|shopping)\b/,
  'lists.create': /\blists?\b/,
  'expense.log': /\b(?:spent|spend|paid|pay|expense|expenses|bucks|dollars|usd|pounds|euros|quid)\b/,
};

/** The tool's words, or for an expense an amount with its currency sign ("£8.50 for a cab"); not enough against a transfer. */
function namesItsThing(call: ToolCall, text: string): boolean {
  return Boolean(FAMILY_WORDS[call.tool]?.test(text)) || (call.tool === 'expense.log' && /[$€£¥₹]\s?\d/.test(text));
}

/**
 * A question asks; it never writes. "can you remind me…" and "could you add…" are requests, so a leading can/could/
 * would/will + you is not a question here.
 */
const QUESTION_START = new RegExp(wordList`^(?:is|are|am|was|were|do|does|did|have|has|had|what|what's|whats|when|where|which|who|
  whose|why|how|any|anything|anyone|anybody|should|shall)\b`);
const POLITE_REQUEST = /^(?:please |pls )?(?:can|could|would|will) (?:you|u)\b/;

export function isQuestion(text: string, raw: string): boolean {
  if (INDIRECT_QUESTION.test(text) && !ASKS_TO_STORE.test(text) && !WONDER_IF_YOU_COULD.test(text)) return true;
  if (POLITE_REQUEST.test(text)) return false;
  return QUESTION_START.test(text) || (/\?\s*$/.test(raw) && /^(?:can|could|would|will|may|might) (?:i|we)\b/.test(text));
}

/** "I'd like to know if I'm free on Wednesday", "could you tell me what's on my list": a question said as a statement. */
const INDIRECT_QUESTION = new RegExp(wordList`\b(?:like to know|want to know|need to know|wondering|i wonder|want to check|
  just checking|tell me|find out|finding out|trying to remember|can'?t remember|don'?t remember|can'?t recall|not sure|curious|
  look at|see|check) (?:if|whether|the (?:quickest|fastest|best|cheapest|nearest)|what|
  what's|when|which|how many|how much|where|who)\b`);
/** "…so I wonder if you could remind me": a request, however it is wrapped. */
const WONDER_IF_YOU_COULD = /\b(?:wonder|wondering) (?:if|whether) you (?:could|would|might|can|will)\b/;
/** …unless the text starts by asking to store something: "remind me to find out whether the shop is open". */
const ASKS_TO_STORE = /^(?:please |pls )?(?:remind|add|put|set|schedule|book|log|note|make|create|write|jot)\b/;

/** An understanding that stores something new, or asks whether to. */
export function writesSomething(understanding: Understanding): boolean {
  const calls = understanding.kind === 'tools' ? understanding.calls
    : understanding.kind === 'clarify' && understanding.pending?.tool === CONFIRM_TOOL ? (understanding.pending.args as { calls: ToolCall[] }).calls : [];
  return calls.some((c) => CREATES.has(c.tool));
}

/** A question that an understanding (the model's, say) would answer by storing something new. */
export function questionWouldWrite(understanding: Understanding, raw: string): boolean {
  if (understanding.kind !== 'tools' || !understanding.calls.some((c) => CREATES.has(c.tool))) return false;
  return isQuestion(normalizeText(raw), raw);
}

export const CONFIRM_TOOL = 'understanding.confirm';
export const CONFIRM_MISSING = 'yes-no';

/** How sure the classifier must be that a text is out of scope before a write the rules found is refused outright. */
const SURELY_OUT_OF_SCOPE = 0.6;
/** Below this the network has no opinion at all (every output weak): the rules' reading stands. */
const NO_OPINION = 0.3;
/** How sure of the family, and of the act, before a text the rules missed is acted on through its intent. */
const SURE_OF_FAMILY = 0.7;
const SURE_OF_ACT = 0.6;
/** Below sure but above these, the intent's reading is asked about with one yes/no question. */
const MAYBE_FAMILY = 0.45;
const MAYBE_ACT = 0.5;

export interface GateInput {
  raw: string;
  text: string;
  now: Date;
  timezone: string;
}

/**
 * Act only when sure: a question that the rules read as a write becomes the matching lookup; a write the classifier
 * says is off-topic is refused with an honest answer, or — when it is unsure — asked about with one yes/no question.
 */
export function gateUnderstanding(understanding: Understanding, input: GateInput, classifier: IntentClassifier): Understanding {
  // A tool's "didn't quite get that" hint is a miss too: the intent may still read it, and its reply stays the fallback.
  const missed = understanding.kind === 'unknown' || (understanding.kind === 'reply' && understanding.hint);
  if (missed) return whenRulesMiss(classifier.classify(input.raw), input) ?? understanding;
  if (understanding.kind !== 'tools') return understanding;
  const writes = understanding.calls.filter((c) => CREATES.has(c.tool));
  if (!writes.length) {
    const removal = understanding.calls.some((c) => FAMILY_OF_REMOVAL[c.tool]);
    return (removal && removalElsewhere(understanding.calls, classifier.classify(input.raw), input)) || understanding;
  }
  if (isQuestion(input.text, input.raw)) return lookupInstead(understanding.calls) ?? { kind: 'unknown' };
  // Which of Errand's things a text is about is the rules' call; the classifier only says whether it is one of them.
  const seen = classifier.classify(input.raw);
  // "i cant believe my rent went up $150": nothing asked, nothing stored.
  if (onlyVents(input.text)) return { kind: 'unknown' };
  const doneForYou = doneForYouAsked(input.raw);
  if (doneForYou || namesWhatErrandCannotDo(writes, input.text)) {
    const surelyOff = seen.family === 'oos' && seen.confidence >= SURELY_OUT_OF_SCOPE;
    const cannot = doneForYou ?? whatErrandCannotDo(input.text)?.[1];
    if (surelyOff) return { kind: 'reply', text: `${cannot ?? "That's outside what I do"} — ${KEPT}` };
    return confirm(understanding.calls, input.now, true, cannot);
  }
  const kept = looksMisread(writes, input) ? confirm(understanding.calls, input.now) : understanding;
  if (seen.family !== 'oos') return overruled(understanding.calls, seen, input) ?? kept;
  if (seen.confidence < NO_OPINION) return kept;
  if (seen.confidence >= SURELY_OUT_OF_SCOPE) return { kind: 'reply', text: outOfScopeReply(input.text) };
  if (writes.every((c) => namesItsThing(c, input.text))) return kept;
  return confirm(understanding.calls, input.now);
}

/**
 * Writes that tell of a misreading: "lunch with sam was so much fun last week" tells of a day gone by, and a name that
 * runs on for a sentence in a text that never names the tool's thing ("Sam came down with the flu, poor thing, so our
 * lunch on friday…") is not a title. Asked about, not stored.
 */
function looksMisread(writes: ToolCall[], input: GateInput): boolean {
  const today = isoDate(localNow(input));
  return writes.some((c) => eventBefore(c, today) || (runsOn(c) && !namesItsThing(c, input.text)));
}

/** A gated reading that stores a name as long as a sentence, asks about a doubt, or is no answer: worth reading in parts. */
export function readingInDoubt(gated: Understanding): boolean {
  if (gated.kind === 'unknown' || (gated.kind === 'reply' && gated.hint)) return true;
  if (gated.kind === 'clarify' && gated.pending?.tool === CONFIRM_TOOL) return true;
  return gated.kind === 'tools' && gated.calls.some((c) => (CREATES.has(c.tool) || TARGETING.has(c.tool)) && runsOn(c));
}

/** The most words a stored name of each kind plausibly has. */
const LONGEST_NAME: Record<string, [arg: string, words: number]> = {
  'calendar.create': ['title', 8], 'reminders.create': ['text', 12], 'expense.log': ['description', 8],
};
/** Groceries have short names; a to-do item is a task and may run longer. */
const LONGEST_ITEM = { groceries: 5, named: 12 };

const NAME_COLUMN = 200;
const KEPT = 'I keep your reminders, calendar, lists and expenses. Nothing was saved.';
/** The most words a place plausibly has ("the thai place on main st"). */
const LONGEST_PLACE = 6;

/** Words a removal or a change plausibly names its target with ("the call mom reminder on tuesday"). */
const LONGEST_TARGET = 6;
const TARGETING = new Set(['calendar.delete', 'reminders.cancel', 'references.remove', 'references.change']);

function runsOn(call: ToolCall): boolean {
  const args = (call.args ?? {}) as Record<string, unknown>;
  if (TARGETING.has(call.tool)) return typeof args.words === 'string' && args.words.split(/\s+/).length > LONGEST_TARGET;
  // A name past the columns' length (200 characters) is the tool's to refuse, with the limit said.
  const wordsIn = (name: unknown) => (typeof name === 'string' && name.length <= NAME_COLUMN ? name.split(/\s+/).filter(Boolean).length : 0);
  if (call.tool === 'grocery.add') {
    const most = args.list ? LONGEST_ITEM.named : LONGEST_ITEM.groceries;
    return Array.isArray(args.items) && args.items.some((i) => wordsIn((i as { name?: unknown }).name) > most);
  }
  const [arg, most] = LONGEST_NAME[call.tool] ?? ['', Infinity];
  // "Friend", at "Around . could you block out that time": a place or a name that runs over a sentence's end.
  const overASentence = [args[arg], args.location].some((v) => typeof v === 'string' && /[.?!]\s/.test(v));
  return wordsIn(args[arg]) > most || wordsIn(args.location) > LONGEST_PLACE || overASentence;
}

function eventBefore(call: ToolCall, today: string): boolean {
  const { date } = (call.args ?? {}) as { date?: unknown };
  return call.tool === 'calendar.create' && typeof date === 'string' && date < today;
}

/** "at 1pm start the robot vacuum": a thing Errand cannot do and none of the tool's words — asked about, not stored. */
function namesWhatErrandCannotDo(writes: ToolCall[], text: string): boolean {
  return NEVER_STORED.some((words) => words.test(text)) && !writes.every((c) => FAMILY_WORDS[c.tool]?.test(text));
}

/**
 * A text no rule read: a question or a sure query gets its family's lookup; a sure request of a family is acted on
 * through its intent's extraction (a removal is always asked about first); an unsure one is asked about; a text that
 * is surely off-topic and names what Errand cannot do gets the honest answer. Never a write for a question.
 */
function whenRulesMiss(seen: Classification, input: GateInput): Understanding | null {
  const asking = isQuestion(input.text, input.raw);
  const lookup = lookupFor(seen, input.text, asking, input);
  if (lookup) return lookup;
  const offTopic = whatErrandCannotDo(input.text);
  // "do i have a date friday", "any appointments this morning": a question about a day is answered with that day.
  const day = asking && !offTopic && !(seen.family === 'oos' && seen.confidence >= SURELY_OUT_OF_SCOPE) && parseDayRange(input.text, input);
  if (day) return toolCall('calendar.list', day);
  // "when will the match start", "what are my current alerts": a question in the calendar's words gets the week ahead.
  if (asking && !offTopic && CALENDAR_ASKED.test(input.text)) return calendarLookup(input.text, input);
  // Money moved or the weather asked for: said outright, it gets the honest answer, not "didn't get that".
  if (offTopic && saidOutright(input.text)) return { kind: 'reply', text: outOfScopeReply(input.text) };
  if (seen.family === 'oos') return offTopic && seen.confidence >= SURELY_OUT_OF_SCOPE ? { kind: 'reply', text: outOfScopeReply(input.text) } : null;
  if (asking || offTopic || seen.confidence < MAYBE_FAMILY || seen.actConfidence < MAYBE_ACT) return null;
  const call = callForIntent(seen, input.text, input.raw, input);
  if (!call) return null;
  const sure = seen.confidence >= SURE_OF_FAMILY && seen.actConfidence >= SURE_OF_ACT;
  if (!CREATES.has(call.tool)) return confirm([call], input.now, !sure);
  return sure ? { kind: 'tools', calls: [call] } : confirm([call], input.now);
}

const FAMILY_OF_WRITE: Record<string, Classification['family'][]> = {
  'grocery.add': ['list'],
  'lists.create': ['list'],
  'reminders.create': ['reminder', 'alarm'],
  'calendar.create': ['calendar', 'reminder'],
  'expense.log': ['expense'],
};
/** How sure the classifier must be before it overrules a write the rules read. */
const OVERRULE_FAMILY = 0.9;
const OVERRULE_ACT = 0.8;

/**
 * A single write the rules read, where the classifier is very sure the text asks for something else: a query is
 * answered with its lookup; another family's create is read through that family's extraction; a removal is asked
 * about. "my weekly plan" is not a new weekly reminder; "could you get me up at 6" is not a grocery item.
 */
function overruled(calls: ToolCall[], seen: Classification, input: GateInput): Understanding | null {
  const [call] = calls;
  if (!call || calls.length > 1 || !seen.act || seen.confidence < OVERRULE_FAMILY || seen.actConfidence < OVERRULE_ACT) return null;
  if (seen.act === 'query') return lookupFor(seen, input.text, true, input);
  const families = FAMILY_OF_WRITE[call.tool] ?? [seen.family];
  if ((seen.act === 'create' && families.includes(seen.family)) || seen.act === 'change') return null;
  const instead = callForIntent(seen, input.text, input.raw, input);
  if (instead) return CREATES.has(instead.tool) ? { kind: 'tools', calls: [instead] } : confirm([instead], input.now, false);
  if (seen.act !== 'remove') return null;
  // Surely a removal, but not one we can name in that family: the rules' family may name it; a new row is never right.
  const inRulesFamily = callForIntent({ ...seen, family: families[0]! }, input.text, input.raw, input);
  return inRulesFamily ? confirm([inRulesFamily], input.now, false) : { kind: 'unknown' };
}

/** "cancel dentist" through reminders.cancel also finds the event: only the list is another family to it. */
const FAMILY_OF_REMOVAL: Record<string, Classification['family'][]> = {
  'reminders.cancel': ['reminder', 'alarm', 'calendar'], 'calendar.delete': ['calendar', 'reminder', 'alarm'], 'grocery.remove': ['list'],
};

/** "cancel the milk from the shopping list" is not a reminder to cancel: a very sure removal of another family is asked about. */
function removalElsewhere(calls: ToolCall[], seen: Classification, input: GateInput): Understanding | null {
  const [call] = calls;
  const families = call && FAMILY_OF_REMOVAL[call.tool];
  if (!families || calls.length > 1 || seen.act !== 'remove' || families.includes(seen.family)) return null;
  if (seen.confidence < OVERRULE_FAMILY || seen.actConfidence < OVERRULE_ACT) return null;
  const instead = callForIntent(seen, input.text, input.raw, input);
  return instead ? confirm([instead], input.now, false) : null;
}

/** "is milk on my list" → the list; "do I have a meeting friday" → friday's calendar. */
function lookupInstead(calls: ToolCall[]): Understanding | null {
  const [call] = calls;
  if (!call || calls.length > 1) return null;
  const args = (call.args ?? {}) as Record<string, unknown>;
  switch (call.tool) {
    case 'grocery.add':
      return { kind: 'tools', calls: [{ tool: 'grocery.list', args: {} }] };
    case 'reminders.create':
      return { kind: 'tools', calls: [{ tool: 'reminders.list', args: {} }] };
    case 'calendar.create':
      return typeof args.date === 'string'
        ? { kind: 'tools', calls: [{ tool: 'calendar.list', args: { from: args.date, to: args.date } }] }
        : { kind: 'tools', calls: [{ tool: 'calendar.next', args: {} }] };
    case 'expense.log':
      return { kind: 'tools', calls: [{ tool: 'expense.summary', args: { period: 'month' } }] };
    default:
      return null;
  }
}

const WHAT_A_CALL_DOES: Record<string, (args: Record<string, unknown>) => string> = {
  'grocery.add': (a) => `add ${namesOf(a.items)} to your list`,
  'lists.create': (a) => `start a list${typeof a.name === 'string' ? ` "${a.name}"` : ''}`,
  'reminders.create': (a) => `set a reminder${typeof a.text === 'string' ? ` "${a.text}"` : ''}`,
  'calendar.create': (a) => `put ${typeof a.title === 'string' ? `"${a.title}"` : 'an event'} on your calendar`,
  'expense.log': (a) => `log an expense${typeof a.amount === 'string' || typeof a.amount === 'number' ? ` of ${a.amount}` : ''}`,
  'reminders.cancel': (a) => `cancel your reminder "${String(a.words)}"`,
  'calendar.delete': (a) => `delete "${String(a.words)}" from your calendar`,
  'grocery.remove': (a) => `take ${(a.names as string[]).map((n) => `"${n}"`).join(', ')} off your list`,
};

function namesOf(items: unknown): string {
  const names = Array.isArray(items) ? items.map((i) => (i as { name?: unknown }).name).filter((n) => typeof n === 'string') : [];
  return names.length ? names.map((n) => `"${n}"`).join(', ') : 'that';
}

/** One yes/no question; YES runs exactly these calls (rules.ts resumes it). */
function confirm(calls: ToolCall[], now: Date, unsure = true, cannot?: string): Understanding {
  const what = calls.map((c) => WHAT_A_CALL_DOES[c.tool]?.((c.args ?? {}) as Record<string, unknown>) ?? 'save that');
  const asked = `${unsure ? 'Not sure I got that — should' : 'Should'} I ${what.join(' and ')}?`;
  const question = `${cannot ? `${cannot} — should I ${what.join(' and ')} instead?` : asked} Reply YES or NO.`;
  const pending: PendingRequest = { tool: CONFIRM_TOOL, args: { calls }, missing: CONFIRM_MISSING, question, createdAt: now.toISOString() };
  return { kind: 'clarify', question, pending };
}

const CALENDAR_ASKED = new RegExp(wordList`\b(?:alerts?|alarms?|match|game|holidays?|payday|meetings?|events?|appointments?|
  plans?|planned|schedule|scheduled|busy|free|calendar|agenda|booked|reminders?)\b`);
