import { eventArgs } from '../tools/calendar/calendar-text.js';
import { parseItem, splitItems } from '../tools/grocery/grocery.parse.js';
import { reminderArgs } from '../tools/shared/task-wording.js';
import type { Classification } from './intent/classifier.js';
import { wordList } from './pattern.js';
import { parseAlarmSchedule, parseSchedule } from './schedule.js';
import { parseWhen, type WhenContext } from './dates.js';
import type { ToolCall, UnderstandContext } from './types.js';

/**
 * What a text the rules missed asks for, read through the classifier's intent and that intent's argument extraction:
 * "i want to meet with sara tomorrow" → an event "Meet with sara" tomorrow; "alert me in three hours" → a reminder;
 * "throw some yogurt on there" → a list item; "get rid of the trash reminder" → that reminder's cancellation.
 * Returns null when the text lacks what the intent needs to be read (no words of its family, no item, no target).
 */
export function callForIntent(seen: Classification, text: string, raw: string, ctx: WhenContext): ToolCall | null {
  if (!seen.act) return null;
  const extract = EXTRACT[`${seen.family}.${seen.act}`];
  return extract ? extract(text, raw, { ...ctx, defaultCurrency: 'USD' }) : null;
}

type Extractor = (text: string, raw: string, ctx: UnderstandContext) => ToolCall | null;

/** The words of a request ("i want to", "can you", "please"), cut before the rest is read as a title or an item. */
const REQUEST = new RegExp(wordList`^(?:(?:hey|yo|ok|okay|so|um|oh|and|also|please|pls|just|quick|quickly)\s+)*(?:(?:can|could|would|will)
  (?: you| u)?(?: please)?\s+)?(?:i(?:'d| would) like (?:to )?|i (?:want|wanna|need|have|got|gotta|must|should) (?:to )?|i'm going to |
  im going to |i am going to |i'm gonna |im gonna |gonna |gotta |i will |i'll |let's |lets |we (?:need|have|want) to |(?:please )?)`);

const REMINDER_ASK = new RegExp(wordList`^(?:set (?:up )?(?:a |me a )?reminder(?: for| to| about)?|(?:alert|ping|nudge|text|notify|
  buzz|message) me(?: to| about)?|give me a (?:heads up|shout|nudge)(?: to| about)?|tell me(?: to| about)?|remember(?: to)?|
  make sure i(?: remember to)?|remind me(?: to| about)?|reminder(?: to| for| about)?)\b\s*`);

const REMINDER_WORDS = /\b(?:remind|reminder|remember|forget|alert me|ping me|nudge me|text me|notify me|heads up|tell me)\b/;
const ALARM_WORDS = /\b(?:alarm|alarms|wake|wake-up|wakeup|get me up|be up)\b/;
const EVENT_WORDS = new RegExp(wordList`\b(?:calendar|schedule|appointment|meeting|meet|event|party|dinner|lunch|breakfast|brunch|
  interview|class|practice|game|concert|wedding|conference|call with|date|visit|trip|appt)\b`);
const EVENT_ASK = new RegExp(wordList`^(?:(?:add|put|schedule|set up|plan|create|make|pencil in|block off|book|save)\s+(?:an? |the |my )?
  (?:new )?(?:event |appointment |meeting )?(?:for |called |named )?|attend |go to |going to |have |there's |there is )`);

function reminderCall(text: string, raw: string, ctx: UnderstandContext): ToolCall | null {
  if (!REMINDER_WORDS.test(text)) return null;
  const body = text.replace(REQUEST, '').replace(REMINDER_ASK, '');
  return { tool: 'reminders.create', args: reminderArgs(body, raw, ctx) };
}

function alarmCall(text: string, _raw: string, ctx: UnderstandContext): ToolCall | null {
  if (!ALARM_WORDS.test(text)) return null;
  const when = parseAlarmSchedule(text.replace(REQUEST, ''), ctx);
  const label = /\bwake\b|\bget me up\b|\bbe up\b/.test(text) ? 'Wake up' : 'Alarm';
  const args = { text: label, date: when.date, time: when.time, inMinutes: when.inMinutes, repeat: when.repeat };
  return { tool: 'reminders.create', args: Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) };
}

function eventCall(text: string, raw: string, ctx: UnderstandContext): ToolCall | null {
  const body = text.replace(REQUEST, '').replace(EVENT_ASK, '');
  const { found, ...args } = eventArgs(body, raw, ctx);
  // An event needs a day or a time, or a word that names an event (then the tool asks "When is it?").
  if (!found && !EVENT_WORDS.test(text)) return null;
  return args.title ? { tool: 'calendar.create', args } : null;
}

const LIST_ASK = new RegExp(wordList`^(?:add|put|throw|stick|toss|tack on|include|get|grab|buy|pick up|need|we need|i need|
  we're out of|were out of|we are out of|out of|running low on|low on|more)\b\s*`);
const ON_THE_LIST = /\s*\b(?:to|on|onto|in|into|for|from) (?:my|the|our)? ?(?:grocery |shopping |groceries )?(?:list|there)\b.*$/;
/** A list other than groceries is the lists tools' to name ("to-do", "packing"): not guessed into the grocery list. */
const OTHER_LIST = /\b(?:to ?-?do|packing|todo|wish|reading|bucket|gift|chore|hardware|party|camping)\b.*\blist\b/;

function listAddCall(text: string, _raw: string, ctx: UnderstandContext): ToolCall | null {
  if (OTHER_LIST.test(text) || /\b(?:make|create|start|new) (?:a |the )?(?:\w+ )?list\b/.test(text)) return null;
  const body = text.replace(REQUEST, '').replace(LIST_ASK, '').replace(ON_THE_LIST, '');
  if (body === text.replace(REQUEST, '') && !/\b(?:list|grocer|shopping)\b/.test(text)) return null;
  // A list item has no time: "buy milk tomorrow" and "pick up the kids at 3:30" are the reminders' and calendar's.
  if (parseWhen(body, ctx).found) return null;
  const items = splitItems(body).map(parseItem).filter((i) => i !== null);
  if (!items.length || items.some((i) => i.name.split(' ').length > 4)) return null;
  return { tool: 'grocery.add', args: { items: items.map(({ name, quantity, unit }) => ({ name, quantity, unit })) } };
}

// Not "take", "stop" or "drop off": "take out the trash", "stop at the bank" are tasks.
const REMOVE_ASK = new RegExp(wordList`^(?:(?:nvm|never mind|oops|actually)\s+)?(?:cancel|delete|remove|erase|scratch|scrap|
  drop(?! off)|clear|kill|get rid of|cross off|cross out|turn off|switch off|disable|wipe out|wipe|ditch|nix|axe|
  (?:dont|don't|do not|no need to) remind me(?: to| about)?|stop reminding me(?: to| about)?|i (?:dont|don't|do not) (?:want|need)|
  we (?:dont|don't|do not) need|no more)\s+`);
/** "take the team meeting off my calendar": the thing between "take" and "off". */
const TAKE_OFF = /^take (.+?) (?:off|out of|away from)\b/;
/** "the dentist is cancelled, remove it", "i cancelled the interview so delete it": the thing is named before the ask. */
const CALLED_OFF = new RegExp(wordList`^(?:i (?:cancelled|canceled|called off) (.+?)|(.+?) (?:is|was|got|has been) (?:cancelled|canceled|
  called off|off))(?:,| so | and |$)`);
const TARGET_FILLER = new RegExp(wordList`\b(?:my|the|a|an|all|of|that|this|please|from|off|on|out|reminder|reminders|alarm|alarms|event|
  events|appointment|calendar|list|grocery|shopping|it|for|about|to|everything|anything|stuff|things)\b`, 'g');

/** What a removal names ("the trash reminder" → "trash"); nothing named → no guess (bulk removal is asked elsewhere). */
function targetWords(text: string): string | null {
  const calledOff = CALLED_OFF.exec(text) ?? TAKE_OFF.exec(text.replace(REQUEST, ''));
  const named = calledOff ? (calledOff[1] ?? calledOff[2]!) : text.replace(REQUEST, '').replace(REMOVE_ASK, '');
  const rest = named.replace(TARGET_FILLER, ' ').replace(/\s+/g, ' ').trim();
  return rest && rest.split(' ').length <= 5 ? rest : null;
}

function removeCall(tool: 'reminders.cancel' | 'calendar.delete') {
  return (text: string, _raw: string, ctx: UnderstandContext): ToolCall | null => {
    const asked = text.replace(REQUEST, '');
    if (!REMOVE_ASK.test(asked) && !CALLED_OFF.test(text) && !TAKE_OFF.test(asked)) return null;
    const words = targetWords(text);
    if (!words) return null;
    // "the trip to vegas next week": the day picks the row, the other words name it.
    const when = parseWhen(words, ctx);
    const named = when.date && when.rest.trim() ? targetWords(`remove ${when.rest}`) : null;
    return named ? { tool, args: { words: named, onDate: when.date } } : { tool, args: { words } };
  };
}

function listRemoveCall(text: string): ToolCall | null {
  if (!REMOVE_ASK.test(text.replace(REQUEST, '')) || OTHER_LIST.test(text)) return null;
  const names = splitItems(text.replace(REQUEST, '').replace(REMOVE_ASK, '').replace(ON_THE_LIST, '')).filter((n) => n.split(' ').length <= 4);
  return names.length ? { tool: 'grocery.remove', args: { names } } : null;
}

const EXTRACT: Record<string, Extractor> = {
  'reminder.create': reminderCall,
  'alarm.create': alarmCall,
  'calendar.create': eventCall,
  'list.create': listAddCall,
  'reminder.remove': removeCall('reminders.cancel'),
  'calendar.remove': removeCall('calendar.delete'),
  'list.remove': listRemoveCall,
};
