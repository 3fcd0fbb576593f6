import { findRelativeMinutes } from '../../understanding/date-prep.js';
import { parseDayRange } from '../../understanding/date-range.js';
import { isoDate, localNow, parseWhen } from '../../understanding/dates.js';
import { findImpossibleDate } from '../../understanding/impossible-date.js';
import { clarify, toolCall, type Rule, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { parseRepeat } from '../../understanding/recurrence-text.js';
import { reminderArgs } from '../shared/task-wording.js';
import { compact, wordsAndDate } from '../shared/wording.js';
import { CAL_PHRASE, eventArgs } from './calendar-text.js';
import { wordList } from '../../understanding/pattern.js';


/** A calendar question is made only of these words once its dates are cut out ("whats on my calendar tmrw"). */
const QUERY_VOCAB = new Set(`what whats what's wats wat is are on my the calendar cal schedule agenda events event plans plan do i have got
  anything something for show me list see view check am free busy available happening going planned appointments meetings please pls
  there s in at all any look looks looking like does how hows how's i've ive we our doing up coming upcoming next thanks today tonight tomorrow
  this week weekend month day days rest of give tell read a booked scheduled`.split(/\s+/));
const QUERY_ANCHOR = new RegExp(wordList`\b(?:on|anything|look|looking|calendar|cal|schedule|agenda|events?|plans?|planned|
  happening|going on|free|busy|available|appointments|meetings|have|booked|scheduled|look like|looks like)\b`);
const NEXT = new RegExp(wordList`^(?:what'?s|whats|wats|what is|when'?s|when is|whens)?\s*(?:my |the )?next(?: (?:event|
  appointment|appt|meeting|thing|thing on my calendar|on my calendar|up))?$|^(?:what'?s|whats|what is) next$`);
const WHEN_IS = /^(?:when'?s|when is|whens|when do i have|what time is)\s+(?:my |the |our )?(?:next )?(.+?)$/;
/** A day or a range said alone ("this week", "next weekend?", "and tomorrow"): a question about that calendar. */
const BARE_RANGE = new RegExp(
  String.raw`^(?:(?:and|so|ok|okay|what about|how about|and what about)\s+)?(?:for\s+)?` +
    String.raw`(?:today|tonight|tomorrow|(?:the\s+)?rest of (?:the|this|my) week|(?:this|next|the|coming|my) (?:week|weekend|month)` +
    String.raw`|(?:the )?week ahead|weekend)$`,
);
const UPCOMING = /^(?:what'?s|whats|anything|what is)? ?(?:coming up|upcoming(?: events)?)$/;
/** Verbs that make an event only when the calendar is named: "note this event to my calendar", "set an event for 5". */
const CALENDAR_ONLY_VERB = 'note(?: down)?|set|enter|mark(?: down)?|save|record|log|jot(?: down)?';
const ONLY_WITH_CALENDAR = new RegExp(`^(?:${CALENDAR_ONLY_VERB})$`);
const CREATE = new RegExp(wordList`^(?:please |pls |can you |could you )*(?:(add|put|create|make|set up|setup|pencil in|pencil|
  block(?: out| off)?|book(?! (?:club|fair|group|signing|launch|sale|reading))|schedule|plan|new event|new appointment|add event|add an event|
  ${CALENDAR_ONLY_VERB})|(i have|i've got|ive got|i got|
  i have got|we have|we've got|there's|theres|got))\b\s*(.*)$`);
const CALENDAR_HINT = /\b(?:calendar|cal|calender|schedule|agenda|diary|event)\b/;
export const EVENT_NOUN = new RegExp(wordList`\b(?:appointment|appt|meeting|mtg|lunch|dinner|breakfast|brunch|coffee|interview|party|
  game|practice|class|lesson|session|flight|concert|doctor|dentist|dr|haircut|birthday|wedding|conference|workshop|training|
  recital|checkup|check-up|therapy|therapist|rehearsal|match|event|reservation|standup|stand-up|sync|drinks|movie|show|date night|
  playdate|tournament|game night|vet|physio|yoga|gym session|call with|meetup|meet up|hangout|bbq|barbecue|shower|funeral|
  graduation|ceremony|trip|vacation|holiday|exam|test|presentation|demo|review|1:1|one on one|date with|visit|recital|service|
  church|mass|surgery|check up)\b`);
/** A short phrase plus a date reads as an event ("marathon sunday"), unless it reads as a question or an errand. */
const NOT_A_TITLE = new RegExp(wordList`^(?:what|whats|what's|when|how|why|who|where|is|are|do|does|did|can|could|should|would|
  will|i|i'm|im|i've|ive|we|we're|it|it's|its|my|add|buy|get|got|spent|paid|need|show|list|cancel|delete|remove|move|snooze|done|
  remind|ugh|so)\b`);
/**
 * "the team meeting went really well today", "I have the dentist tomorrow and I'm dreading it": a text that tells how
 * something went, or how one feels about it, asks for no event.
 */
const TELLS_HOW_IT_WENT = new RegExp(wordList`\b(?:went|was|were|felt|feel|feeling|loved|hated|enjoyed|sucked|is so|am so|so tired|ugh|
  dreading|dread|nervous|anxious|scared|worried|terrified|excited|can't wait|cant wait|looking forward|stressed|coward)\b`);
const MONEY = /[$€£]|\b\d+[.,]\d{2}\b|\b(?:spent|paid|bucks|dollars|euros|cost|costs)\b/;
/** "can we move …", "i need to cancel …": the ask around a calendar change. */
const ASK = wordList`(?:(?:please|pls|can you|could you|can u|can we|could we|let's|lets|i need to|we need to|need to|i want to|
  i'd like to|i would like to|i have to|we have to|gotta)\s+)*`;
const MOVE = new RegExp(wordList`^${ASK}(?:move|reschedule|resched|push|postpone|shift|bump|change|switch|delay|rebook|
  put off)\s+(?:my |the |our )?(.+?)\s+((?:from\s+.+?\s+)?(?:to|till|until|for|til|->)|back(?: by)?|forward(?: by)?|by|
  later by)\s+(.+)$`);
const MOVE_ONLY = new RegExp(String.raw`^${ASK}(?:move|reschedule|resched|postpone|rebook|bump|push)\s+(?:my |the |our )?(.+)$`);
const EVENING = /\b(?:dinner|supper|drinks|party|night|concert|movie|show|game|date)\b/;
const MORNING = /\b(?:breakfast|brunch)\b/;
const DELETE = new RegExp(wordList`^${ASK}(?:cancel|delete|remove|clear|drop|scrap|erase|take off)\s+(?:my |the |
  our )?(.+?)(?:\s+(?:from|off|on|in)\s+(?:my |the )?(?:calendar|cal|schedule|agenda))?$`);
/** "take the doctor appointment off my calendar". */
const TAKE_OFF = new RegExp(String.raw`^${ASK}(?:take|get|knock|strike|cross)\s+(?:my |the |our )?(.+?)\s+off(?: of)?\s+(?:my |the )?` +
  String.raw`(?:calendar|cal|schedule|agenda)$`);
/** "board meeting is cancelled", "dinner with sam got called off". */
const CALLED_OFF = /^(?:my |the |our )?(.+?)\s+(?:is|was|has been|got|'s|is now)\s+(?:cancell?ed|called off|off)$/;

function isQuery(text: string, ctx: UnderstandContext): boolean {
  if (!QUERY_ANCHOR.test(text) || MONEY.test(text)) return false;
  const rest = parseWhen(text, ctx).rest.replace(/\b(?:next|this|coming) (?:\d+ )?(?:week|weekend|month|days)\b/g, ' ');
  return rest.split(/[\s,]+/).every((w) => !w || QUERY_VOCAB.has(w.replace(/[.?]+$/, '')));
}

function queryRange(text: string, ctx: UnderstandContext): Understanding {
  const range = parseDayRange(text, ctx);
  if (range) return toolCall('calendar.list', range);
  const today = localNow(ctx);
  return toolCall('calendar.list', { from: isoDate(today), to: isoDate(today.plus({ days: 6 })), label: 'the next 7 days' });
}

function moveArgs(target: string, connector: string, to: string, ctx: UnderstandContext, earlier: boolean): object | null {
  const words = target.replace(/\b(?:event|appointment|appt|meeting)$/, '').trim() || target;
  const num = /^(?:number |#)?(\d{1,3})$/.exec(words);
  const pick = num ? { number: Number(num[1]) } : wordsAndDate(words, ctx);
  const rel = findRelativeMinutes(`in ${to.replace(/^(?:an?|by)\s+/, (s) => (s.startsWith('by') ? '' : s))}`);
  // "move it to 5" names a clock time; "push it back 30" (or "by 30", "to 30 min later") shifts it.
  const clock = /(?:to|till|until|for|til|->)$/.test(connector) && /^(?:at )?\d{1,2}$/.test(to.trim());
  if (rel && rel.index === 0 && !clock && !/\b(?:am|pm|:)\b/.test(to)) return { ...pick, shiftMinutes: earlier ? -rel.value : rel.value };
  const hint = EVENING.test(target) ? 'evening' : MORNING.test(target) ? 'morning' : undefined;
  const when = parseWhen(to.replace(/^(\d{1,2}(?::\d{2})?)$/, 'at $1'), ctx, { dateDecidedElsewhere: true, meridiemHint: hint });
  if (!when.date && !when.time) return null;
  return compact({ ...pick, date: when.date, time: when.time });
}

/** "dinner feb 30 at 7", "move lunch to april 31", "what's on feb 30": the date does not exist, so say so and ask again. */
function impossibleDate(text: string, raw: string, ctx: UnderstandContext): Understanding | null {
  const found = findImpossibleDate(text, ctx);
  if (!found || MONEY.test(text) || parseWhen(text, ctx).date) return null;
  const move = MOVE_ONLY.exec(found.rest.replace(/\s+(?:to|till|until|for|on)$/, ''));
  if (move) return clarify('calendar.move', wordsAndDate(move[1]!, ctx), 'when', `${found.message} — to when?`, ctx.now);
  const question = QUERY_ANCHOR.test(text) && /^(?:what|whats|what's|wats|anything|show|do i|am i|is there|any)\b/.test(text);
  if (question || DELETE.test(text) || CALLED_OFF.test(text)) return { kind: 'reply', text: `${found.message}.` };
  const create = CREATE.exec(found.rest);
  const { found: _f, date: _d, endDate: _e, ...args } = eventArgs(create?.[3] ?? found.rest, raw, ctx);
  const title = args.title ?? '';
  const shortTitle = !NOT_A_TITLE.test(text) && title.split(' ').length <= 6;
  const looksLikeEvent = Boolean(create) || CALENDAR_HINT.test(text) || EVENT_NOUN.test(text) || shortTitle;
  return looksLikeEvent ? clarify('calendar.create', args, 'when', `${found.message} — when is it?`, ctx.now) : null;
}

/** "move $5000 from checking to savings" moves money, not an event. */
const movesMoney = (text: string) => MONEY.test(text) && !CALENDAR_HINT.test(text);

export const calendarRules: Rule[] = [
  { name: 'calendar.next', match: ({ text }) => (NEXT.test(text) ? toolCall('calendar.next', {}) : null) },
  { name: 'calendar.upcoming', match: ({ text }, ctx) => (UPCOMING.test(text) ? queryRange('next 7 days', ctx) : null) },
  { name: 'calendar.list', match: ({ text }, ctx) => (isQuery(text, ctx) || BARE_RANGE.test(text) ? queryRange(text, ctx) : null) },
  {
    name: 'calendar.when-is',
    match: ({ text }) => {
      const m = WHEN_IS.exec(text);
      return m && !/\b(?:reminder|groceries|grocery)\b/.test(text) ? toolCall('calendar.next', { words: m[1]! }) : null;
    },
  },
  { name: 'calendar.impossible-date', match: ({ text, raw }, ctx) => impossibleDate(text, raw, ctx) },
  {
    name: 'calendar.move',
    match: ({ text }, ctx) => {
      const m = MOVE.exec(text);
      if (!m || movesMoney(text)) return null;
      const args = moveArgs(m[1]!, m[2]!, m[3]!, ctx, /\b(?:forward|earlier|up)\b/.test(text) && !/\bback\b/.test(text));
      return args ? toolCall('calendar.move', args) : null;
    },
  },
  {
    name: 'calendar.move-ask',
    match: ({ text }, ctx) => {
      const m = MOVE_ONLY.exec(text);
      return m && !movesMoney(text) ? toolCall('calendar.move', wordsAndDate(m[1]!.replace(/\s+(?:event|appointment|appt|meeting)$/, ''), ctx)) : null;
    },
  },
  {
    name: 'calendar.called-off',
    match: ({ text }, ctx) => {
      const m = CALLED_OFF.exec(text);
      return m && EVENT_NOUN.test(m[1]!) ? toolCall('calendar.delete', wordsAndDate(m[1]!, ctx)) : null;
    },
  },
  {
    name: 'calendar.delete',
    match: ({ text }, ctx) => {
      const m = DELETE.exec(text) ?? TAKE_OFF.exec(text);
      if (!m || !(CALENDAR_HINT.test(text) || EVENT_NOUN.test(m[1]!))) return null;
      const words = m[1]!.replace(/\b(?:event|appointment|appt)$/, '').trim() || m[1]!;
      return toolCall('calendar.delete', wordsAndDate(words, ctx));
    },
  },
  {
    name: 'calendar.create',
    match: ({ text, raw }, ctx) => {
      const m = CREATE.exec(text);
      if (!m) return null;
      if (parseRepeat(text)) return toolCall('reminders.create', reminderArgs((m[3] ?? '').replace(CAL_PHRASE, ' '), raw, ctx));
      if (ONLY_WITH_CALENDAR.test(m[1] ?? '') && !CALENDAR_HINT.test(text)) return null;
      const args = eventArgs(m[3] ?? '', raw, ctx);
      const strong = new RegExp(wordList`^(?:schedule|book|pencil|block|new event|new appointment|add event|add an event|create|
        set up|setup|plan)`).test(m[1] ?? '');
      if (!strong && !CALENDAR_HINT.test(text) && (!args.found || TELLS_HOW_IT_WENT.test(text))) return null;
      if (MONEY.test(text) && !CALENDAR_HINT.test(text)) return null;
      const { found: _found, ...tool } = args;
      return toolCall('calendar.create', tool);
    },
  },
  {
    name: 'calendar.event-with-time',
    match: ({ text, raw }, ctx) => {
      if (!EVENT_NOUN.test(text) || MONEY.test(text) || TELLS_HOW_IT_WENT.test(text)) return null;
      // Events do not repeat; "team standup every day at 9" becomes a recurring reminder instead.
      if (parseRepeat(text)) return toolCall('reminders.create', reminderArgs(text, raw, ctx));
      const { found, ...args } = eventArgs(text, raw, ctx);
      return found && args.title ? toolCall('calendar.create', args) : null;
    },
  },
  {
    name: 'calendar.titled-date',
    match: ({ text, raw }, ctx) => {
      if (MONEY.test(text) || NOT_A_TITLE.test(text) || TELLS_HOW_IT_WENT.test(text)) return null;
      const { found, ...args } = eventArgs(text, raw, ctx);
      const title = args.title ?? '';
      if (!found || !title || /\d/.test(title) || title.split(' ').length > 6) return null;
      return toolCall('calendar.create', args);
    },
  },
];
