import { findRelativeMinutes } from '../../understanding/date-prep.js';
import { parseWhen } from '../../understanding/dates.js';
import { parseSchedule } from '../../understanding/schedule.js';
import { parseRepeat } from '../../understanding/recurrence-text.js';
import { toolCall, type Rule, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { cleanTask, reminderArgs, TASK_VERB } from '../shared/task-wording.js';
import { compact, wordsAndDate } from '../shared/wording.js';
import { impossibleReminder, REMINDER_TRIGGER } from './reminder-text.js';
import { wordList } from '../../understanding/pattern.js';


/** The tool family of the last answer ("delete 2" after a calendar list means event 2). */
export function lastToolFamily(ctx: UnderstandContext): string | null {
  const last = Array.isArray(ctx.lastToolResult) ? (ctx.lastToolResult[0] as { tool?: string } | undefined) : undefined;
  return last?.tool?.split('.')[0] ?? null;
}

const LIST = new RegExp(wordList`^(?:(?:show|list|see|view|check|get|give|read|tell)(?: me)?(?: all)?(?: of)?(?: my| the)?|
  (?:what|wat|whats|what's|wats) (?:are|r|is)?\s*(?:on )?(?:my|the)?|my|all|any|upcoming|all my|do i have any|what|
  which)?\s*(?:upcoming |current |active |pending |set |open )?(?:reminders?|
  reminder list)(?: do i have| have i got| i have| i set| are set| set| list| pls| please)?(?: set)?$`);
/** "set reminder" asks for a new one (the tool asks what about), unlike "set reminders" or "my set reminders". */
const SET_ONE = /^(?:please )?set (?:a |an |me a )?reminder$/;
const CALENDAR_WORDS = /\b(?:calendar|cal|event|events|appointment|appointments|meeting|meetings|schedule)\b/;
const CANCEL = /^(?:please )?(?:cancel|delete|remove|clear|drop|kill|scrap|erase|get rid of|turn off|stop|forget|disable|undo)\s+(.+)$/;
const STOP_REMINDING = new RegExp(wordList`^(?:please )?(?:stop|quit|don't|dont|do not|no more|no need to)\s+(?:reminding|remind|
  pinging|ping|texting)(?: me)?(?: to| about| of)?\s*(.*)$`);
const NUMBER = new RegExp(wordList`^(?:the |my )?(?:reminder |event |item )?(?:number |no\.? ?|# ?)?(\d{1,3}|first|second|third|
  fourth|fifth)(?:st|nd|rd|th)?(?: one| reminder| event)?$`);
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
const NO_NEED = new RegExp(wordList`^(?:i )?(?:don't|dont|do not|no longer|don't even|dont even) need (?:the |my |that |
  this )?(?:reminder (?:to |about |for )?(.+?)|(.+?) reminder)(?: any ?more| now| after all)?$`);
/** "in 5 min remind me to …": the time comes first. */
const TIME_FIRST = /^(.+?)\s+((?:please\s+)?remind me\b.*)$/;
/** "remind me to call mom at 6 and to pay the bill at 7": two tasks, each with its own time. */
const SECOND_TASK = /\s+(?:and|&)\s+(?:also\s+)?(?:to|remind me to)\s+/;
const DONE = new RegExp(wordList`^(?:(?:ok |okay |yes |yep |yup )?(?:done|did it|i did it|finished|completed|complete|all done|
  its done|it's done|got it done|took it|took them|mark(?: it| that)?(?: as)? done|that's done|
  thats done)(?: thanks| thank you| already)?|✅|✔️)$`);
const DONE_WITH = /^(?:done with|finished|completed|mark|i did|did)\s+(.+?)(?:\s+(?:as )?(?:done|complete|completed))?$/;
const SNOOZE = /^(?:snooze|snoze|snooz|snoozed|remind me (?:again|later)|later|not now|ask me later)\b\s*(.*)$/;
const TWO_TIMES = /\b(?:at )?(\d{1,2}(?::\d{2})?\s?(?:am|pm)) (?:and|&) (?:at )?(\d{1,2}(?::\d{2})?\s?(?:am|pm))\b/;
const MONEY = /[$€£]|\b\d+[.,]\d{2}\b|\b(?:spent|paid|bucks|dollars|euros|cost)\b/;

function targetArgs(rest: string, ctx: UnderstandContext): { number?: number; words?: string; onDate?: string } | null {
  const num = NUMBER.exec(rest.trim());
  if (num) return { number: ORDINALS[num[1]!] ?? Number(num[1]) };
  const words = rest.replace(/\b(?:my|the|that|this|reminders?|to|about|for|please|pls|one)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? wordsAndDate(words, ctx) : null;
}

function snoozeArgs(rest: string, ctx: UnderstandContext): object {
  const body = rest.replace(/^(?:for|till|til|until|to|by|in)\s+/, '').trim();
  if (!body) return {};
  if (body === 'later') return { inMinutes: 60 };
  const rel = findRelativeMinutes(`in ${body}`);
  if (rel && rel.index === 0) return { inMinutes: rel.value };
  const when = parseWhen(body, ctx);
  return compact({ inMinutes: when.inMinutes, date: when.date, time: when.time });
}

function twoTasks(body: string, raw: string, ctx: UnderstandContext): Understanding | null {
  const m = SECOND_TASK.exec(body);
  if (!m) return null;
  const args = [body.slice(0, m.index), body.slice(m.index + m[0].length)].map((b) => reminderArgs(b, raw, ctx));
  if (!args.every((a) => a.text && (a.date || a.time || a.inMinutes !== undefined))) return null;
  return { kind: 'tools', calls: args.map((a) => ({ tool: 'reminders.create', args: a })) };
}

const HOURLY = /\b(?:every (?:\d+ )?(?:hours?|hrs?|minutes?|mins?)|hourly|every half hour)\b/;
const MOVE_LIKE = /^(?:change|move|push|shift)\b.*\s(?:to|till|until)\s/;

export const reminderRules: Rule[] = [
  {
    name: 'reminders.hourly',
    match: ({ text }) =>
      REMINDER_TRIGGER.test(text) && HOURLY.test(text)
        ? {
          kind: 'reply',
          text: "I can't repeat reminders by the hour yet — I can do every day at set times, "
            + 'e.g. "remind me every day at 9am and 3pm to drink water".',
        }
        : null,
  },
  { name: 'reminders.list', match: ({ text }) => (LIST.test(text) && !SET_ONE.test(text) ? toolCall('reminders.list', {}) : null) },
  {
    name: 'reminders.snooze',
    match: ({ text }, ctx) => {
      const m = SNOOZE.exec(text);
      return m ? toolCall('reminders.snooze', snoozeArgs(m[1] ?? '', ctx)) : null;
    },
  },
  { name: 'reminders.done', match: ({ text }) => (DONE.test(text) ? toolCall('reminders.done', {}) : null) },
  {
    name: 'reminders.done-with',
    match: ({ text }, ctx) => {
      const m = DONE_WITH.exec(text);
      if (!m || !/\b(?:done|complete|completed|finished)\b|^done with/.test(text)) return null;
      const target = targetArgs(m[1]!, ctx);
      return target ? toolCall('reminders.done', target) : null;
    },
  },
  {
    name: 'reminders.no-need',
    match: ({ text }, ctx) => {
      const m = NO_NEED.exec(text);
      const target = m ? targetArgs(m[1] ?? m[2]!, ctx) : null;
      return target ? toolCall('reminders.cancel', target) : null;
    },
  },
  {
    name: 'reminders.stop',
    match: ({ text }, ctx) => {
      const m = STOP_REMINDING.exec(text.replace(/^(?:nvm|never ?mind|actually|oh|wait|ok|okay)[\s,]+/, ''));
      const target = m ? targetArgs(m[1]!, ctx) : null;
      return target ? toolCall('reminders.cancel', target) : null;
    },
  },
  {
    name: 'reminders.cancel',
    match: ({ text }, ctx) => {
      const m = CANCEL.exec(text);
      if (!m) return null;
      // "cancel the milk from the shopping list" is the list's.
      if (/\b(?:list|shopping|grocery|groceries)\b/.test(m[1]!)) return null;
      const target = targetArgs(m[1]!, ctx);
      if (!target) return null;
      if (target.number !== undefined) {
        const calendar = /\b(?:event|appointment|appt)\b/.test(m[1]!) || (lastToolFamily(ctx) === 'calendar' && !/\breminder\b/.test(m[1]!));
        return toolCall(calendar ? 'calendar.delete' : 'reminders.cancel', target);
      }
      if (CALENDAR_WORDS.test(m[1]!) && !/\breminders?\b/.test(m[1]!)) return null;
      return toolCall('reminders.cancel', target);
    },
  },
  {
    name: 'reminders.create',
    match: ({ text, raw }, ctx) => {
      const m = REMINDER_TRIGGER.exec(text);
      if (!m) return null;
      const impossible = impossibleReminder(m[1] ?? '', raw, ctx);
      if (impossible) return impossible;
      // "take my pills at 8am and 8pm": one reminder per time.
      const tasks = twoTasks(m[1] ?? '', raw, ctx);
      if (tasks) return tasks;
      const pair = TWO_TIMES.exec(m[1] ?? '');
      if (!pair) return toolCall('reminders.create', reminderArgs(m[1] ?? '', raw, ctx));
      const bodies = [pair[1]!, pair[2]!].map((t) => m[1]!.replace(pair[0], `at ${t}`));
      return { kind: 'tools', calls: bodies.map((b) => ({ tool: 'reminders.create', args: reminderArgs(b, raw, ctx) })) };
    },
  },
  {
    name: 'reminders.time-first',
    match: ({ text, raw }, ctx) => {
      const m = TIME_FIRST.exec(text);
      if (!m || REMINDER_TRIGGER.test(text)) return null;
      const when = parseSchedule(m[1]!, ctx);
      const body = REMINDER_TRIGGER.exec(m[2]!)?.[1];
      return when.found && !when.rest && body ? toolCall('reminders.create', reminderArgs(`${m[1]} ${body}`, raw, ctx)) : null;
    },
  },
  {
    name: 'reminders.recurring',
    match: ({ text, raw }, ctx) => {
      if (MONEY.test(text) || /^(?:what|whats|what's|when|show|list|add|put|cancel|delete|remove)\b/.test(text)) return null;
      const rep = parseRepeat(text);
      return rep ? toolCall('reminders.create', reminderArgs(text, raw, ctx)) : null;
    },
  },
  {
    name: 'reminders.task-with-time',
    match: ({ text, raw }, ctx) => {
      if (!TASK_VERB.test(text) || MONEY.test(text) || MOVE_LIKE.test(text)) return null;
      const impossible = impossibleReminder(text, raw, ctx);
      if (impossible) return impossible;
      const when = parseSchedule(text, ctx);
      if (!when.found || !when.rest) return null;
      return toolCall('reminders.create', compact({
        text: cleanTask(when.rest, raw),
        date: when.date,
        time: when.time,
        inMinutes: when.repeat ? undefined : when.inMinutes,
        repeat: when.repeat,
      }));
    },
  },
];
