import { parseDayRange } from '../../understanding/date-range.js';
import { parseWhen } from '../../understanding/dates.js';
import { wordList } from '../../understanding/pattern.js';
import { toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { lastReferences, lastWasOther } from './reference.js';
import { compact } from './wording.js';

/** "oops, …", "actually …", "no wait, …": what people put before a take-back or a correction. */
export const LEAD = new RegExp(wordList`^(?:(?:oops|oopsie|whoops|oh no|oh|ugh|sorry|my bad|wait|actually|no|nope|nah|hmm|
  never mind|nvm|on second thought|scratch that and)[\s,.!:-]+)*(?:please |pls |can you |could you |u )?(?:go ahead and |
  find and |just |do |open (?:my |the )?(?:calendar|reminders|alarms)(?: and)? )?`);
const REMOVE = String.raw`(?:delete|remove|cancel|scratch|drop|erase|get rid of|kill|forget|nix|trash|undo|clear|take off|take out)`;
const IT = wordList`(?:it|that|this|that one|this one|the last one|that last one|the last|last one|the one i just (?:added|made|set|
  created|did)|what i just (?:added|made|set|did|said))`;
const REMOVE_IT = new RegExp(String.raw`^${REMOVE}\s+${IT}(?:\s+(?:please|pls|thanks|too|then|instead|now))*$`);
const REMOVE_NEXT = new RegExp(wordList`^${REMOVE}\s+(?:my |the )?(?:very )?next (event|appointment|appt|meeting|thing|
  reminder|alarm|one)(?: (?:on|from|off|in) (?:my|the) calendar)?(?: please| pls)?$`);

const DROPPED = 'OK, dropped that.';
const BOTH = 'Delete which one — the reminder or the event? e.g. "cancel the reminder" or "delete the event".';
const WHICH = 'Delete what? Tell me which one — e.g. "cancel my dentist reminder" or "delete lunch from my calendar".';

/** "delete it" / "cancel that" / "oops delete that last one": the row the last answer stored or listed, never a guess. */
function removeIt({ text }: RuleInput, ctx: UnderstandContext): Understanding | null {
  if (!REMOVE_IT.test(text.replace(LEAD, ''))) return null;
  // "undo" alone keeps its own meaning (the expense module's); with an open question, "cancel that" drops the question.
  if (ctx.pending) return { kind: 'reply', text: DROPPED, clearPending: true };
  if (lastWasOther(ctx.lastToolResult)) return null;
  const refs = lastReferences(ctx.lastToolResult);
  if (refs.length > 1) return { kind: 'reply', text: BOTH };
  const [ref] = refs;
  if (!ref) return /^undo\b/.test(text.replace(LEAD, '')) ? null : { kind: 'reply', text: WHICH };
  if (ref.family === 'reminders') return toolCall('reminders.cancel', { ref: 'last' });
  if (ref.family === 'calendar') return toolCall('calendar.delete', { ref: 'last' });
  return ref.stored ? toolCall('expense.deleteLast', {}) : null;
}

/** "remove my next event", "cancel my next reminder", "turn off my next alarm". */
function removeNext({ text }: RuleInput): Understanding | null {
  const m = REMOVE_NEXT.exec(text.replace(LEAD, ''));
  if (!m) return null;
  if (m[1] === 'reminder') return toolCall('reminders.cancel', { ref: 'next' });
  if (m[1] === 'alarm') return toolCall('reminders.cancel', { ref: 'next', alarm: true });
  return toolCall('calendar.delete', { ref: 'next' });
}

const BULK = new RegExp(wordList`^(?:completely |totally |just |fully )?(?:delete|remove|cancel|clear|wipe|erase|drop|clean|empty|
  scrap|nuke|free up|clear out|wipe out)(?: out| off)?(?: completely| entirely)?\s+(.+)$`);
const EVERY = /\b(?:all|every|everything|entire|whole|completely|entirely)\b/;
const CALENDAR_NOUN = /^(?:my |the )?(?:entire |whole )?(?:calendar|cal|schedule|agenda|day|diary)\b/;
const NOT_CALENDAR = /\b(?:list|lists|grocery|groceries|shopping|items?|expenses?|spending|purchases?|checked|done|history|settings?)\b/;
const REMINDER_BULK = new RegExp(wordList`^(?:all |every )?(?:of )?(?:my |the )?(?:upcoming |current |pending )?(reminders|
  alarms|reminder|alarm)(?: too| as well| please)?$`);
const FILLER = new RegExp(wordList`\b(?:all|every|everything|entire|whole|of|my|the|events?|plans?|things?|stuff|calendar|cal|
  schedule|agenda|diary|from|on|for|in|at|out|completely|entirely|that's|thats|i have|scheduled|booked|please|pls|day|off|with)\b`,
'g');
const RANGE_WORDS = new RegExp(wordList`\b(?:(?:the )?(?:next|this|coming|rest of (?:the |this )?)\s*(?:\d+ )?(?:week|weekend|month|
  days)|(?:the )?weekend)\b`, 'g');
const CALENDAR_WORDS = /\b(?:events?|appointments?|appts?|meetings?|calendar|cal|schedule|agenda|day|diary|plans)\b/;
const KIND = /\b(meeting|appointment|appt|call)s?\b/;

/** "delete all my alarms", "cancel all my reminders": every one, after a YES. */
function bulkReminders(body: string): Understanding | null {
  const m = REMINDER_BULK.exec(body);
  if (!m || (!/s$/.test(m[1]!) && !/\b(?:all|every)\b/.test(body))) return null;
  return toolCall('reminders.clear', /^alarm/.test(m[1]!) ? { alarms: true } : {});
}

/**
 * "delete all events on friday", "clear my calendar tomorrow", "cancel everything tomorrow", "clear my day from
 * meetings", "completely clear my calendar": the events of those days (or every upcoming one), after a YES.
 */
function bulkEvents(body: string, ctx: UnderstandContext, clearing: boolean): Understanding | null {
  if (NOT_CALENDAR.test(body) || /\b(?:them|those|these|it)\b/.test(body)) return null;
  const range = parseDayRange(body, ctx);
  const kind = KIND.exec(body)?.[1];
  const when = parseWhen(body.replace(RANGE_WORDS, ' '), ctx);
  // "clear my 3pm tomorrow" names one event, not a day.
  if (when.time && !EVERY.test(body)) return null;
  const rest = when.rest.replace(FILLER, ' ').replace(KIND, ' ').replace(/\s+/g, ' ').trim();
  // "clear tomorrow", "clear friday": a day alone after clear is that day's calendar.
  const dayAlone = clearing && range && !rest && !kind;
  if (!(EVERY.test(body) || CALENDAR_NOUN.test(body) || dayAlone)) return null;
  if (rest && (rest.split(' ').length > 3 || /\d/.test(rest))) return null;
  const words = [rest, kind === 'appt' ? 'appointment' : kind].filter(Boolean).join(' ') || undefined;
  // "delete all" or "remove everything" alone may mean a list: only days or calendar words make it the calendar.
  if (!range && !CALENDAR_WORDS.test(body)) return null;
  return toolCall('calendar.clear', compact({ from: range?.from, to: range?.to, label: range?.label, words }));
}

/** "make sure my calendar is completely clear tomorrow": the same as "clear my calendar tomorrow". */
const MAKE_CLEAR = new RegExp(wordList`^(?:make sure|ensure) ((?:my |the )?(?:calendar|schedule|day)) is (?:completely |totally |
  entirely )?(?:clear|empty|free)\b(.*)$`);

function bulk({ text }: RuleInput, ctx: UnderstandContext): Understanding | null {
  const plain = text.replace(LEAD, '');
  const clear = MAKE_CLEAR.exec(plain);
  const m = BULK.exec(clear ? `clear ${clear[1]}${clear[2]}` : plain);
  if (!m) return null;
  const body = m[1]!.replace(/[?.!]+$/, '').trim();
  const clearing = Boolean(clear) || /^(?:completely |totally )?(?:clear|wipe|free up)\b/.test(plain);
  return bulkReminders(body) ?? bulkEvents(body, ctx, clearing);
}

export const referenceRules: Rule[] = [
  { name: 'reference.remove-it', match: removeIt },
  { name: 'reference.remove-next', match: removeNext },
  { name: 'reference.bulk', match: bulk },
];
