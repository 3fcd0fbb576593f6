import { findRelativeMinutes } from '../../understanding/date-prep.js';
import { parseWhen } from '../../understanding/dates.js';
import { parseSchedule } from '../../understanding/schedule.js';
import { parseRepeat } from '../../understanding/recurrence-text.js';
import type { Rule, UnderstandContext, Understanding } from '../../understanding/types.js';
import { cleanTask, compact, REMINDER_TRIGGER, reminderArgs, wordsAndDate } from './reminder-text.js';

const call = (tool: string, args: object): Understanding => ({ kind: 'tools', calls: [{ tool, args }] });

/** The tool family of the last answer ("delete 2" after a calendar list means event 2). */
export function lastToolFamily(ctx: UnderstandContext): string | null {
  const last = Array.isArray(ctx.lastToolResult) ? (ctx.lastToolResult[0] as { tool?: string } | undefined) : undefined;
  return last?.tool?.split('.')[0] ?? null;
}

const LIST = /^(?:(?:show|list|see|view|check|get|give|read|tell)(?: me)?(?: all)?(?: of)?(?: my| the)?|(?:what|wat|whats|what's|wats) (?:are|r|is)?\s*(?:my|the)?|my|all|any|upcoming|all my|do i have any|what|which)?\s*(?:upcoming |current |active |pending |set |open )?(?:reminders?|reminder list)(?: do i have| have i got| i have| i set| are set| set| list| pls| please)?(?: set)?$/;
const CALENDAR_WORDS = /\b(?:calendar|cal|event|events|appointment|appointments|meeting|meetings|schedule)\b/;
const CANCEL = /^(?:please )?(?:cancel|delete|remove|clear|drop|kill|scrap|erase|get rid of|turn off|stop|forget|disable|undo)\s+(.+)$/;
const STOP_REMINDING = /^(?:please )?(?:stop|quit|don't|dont|do not|no more|no need to)\s+(?:reminding|remind|pinging|ping|texting)(?: me)?(?: to| about| of)?\s*(.*)$/;
const NUMBER = /^(?:reminder |event |item )?(?:number |no\.? ?|# ?)?(\d{1,3})(?:st|nd|rd|th)?$/;
const DONE = /^(?:(?:ok |okay |yes |yep |yup )?(?:done|did it|i did it|finished|completed|complete|all done|its done|it's done|got it done|took it|took them|mark(?: it| that)?(?: as)? done|that's done|thats done)(?: thanks| thank you| already)?|✅|✔️)$/;
const DONE_WITH = /^(?:done with|finished|completed|mark|i did|did)\s+(.+?)(?:\s+(?:as )?(?:done|complete|completed))?$/;
const SNOOZE = /^(?:snooze|snoze|snooz|snoozed|remind me (?:again|later)|later|not now|ask me later)\b\s*(.*)$/;
const TASK_VERB = /^(?:call(?! with)|text|email|e-mail|pay|buy|pick up|take|check|send|renew|water|feed|walk|clean|wash|submit|finish|order|return|bring|drop off|grab|put out|take out|charge|pack|print|mail|refill|empty|go to|visit|cook|start|stop at|leave|wake up|get up|study|practice|workout|work out|stretch|meditate|read|write|file|sign|fax|change|move the car|feed|give)\b/;
const TWO_TIMES = /\b(?:at )?(\d{1,2}(?::\d{2})?\s?(?:am|pm)) (?:and|&) (?:at )?(\d{1,2}(?::\d{2})?\s?(?:am|pm))\b/;
const MONEY = /[$€£]|\b\d+[.,]\d{2}\b|\b(?:spent|paid|bucks|dollars|euros|cost)\b/;

function targetArgs(rest: string, ctx: UnderstandContext): { number?: number; words?: string; onDate?: string } | null {
  const num = NUMBER.exec(rest.trim());
  if (num) return { number: Number(num[1]) };
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

const HOURLY = /\b(?:every (?:\d+ )?(?:hours?|hrs?|minutes?|mins?)|hourly|every half hour)\b/;
const MOVE_LIKE = /^(?:change|move|push|shift)\b.*\s(?:to|till|until)\s/;

export const reminderRules: Rule[] = [
  {
    name: 'reminders.hourly',
    match: ({ text }) =>
      REMINDER_TRIGGER.test(text) && HOURLY.test(text)
        ? { kind: 'reply', text: "I can't repeat reminders by the hour yet — I can do every day at set times, e.g. \"remind me every day at 9am and 3pm to drink water\"." }
        : null,
  },
  { name: 'reminders.list', match: ({ text }) => (LIST.test(text) ? call('reminders.list', {}) : null) },
  {
    name: 'reminders.snooze',
    match: ({ text }, ctx) => {
      const m = SNOOZE.exec(text);
      return m ? call('reminders.snooze', snoozeArgs(m[1] ?? '', ctx)) : null;
    },
  },
  { name: 'reminders.done', match: ({ text }) => (DONE.test(text) ? call('reminders.done', {}) : null) },
  {
    name: 'reminders.done-with',
    match: ({ text }, ctx) => {
      const m = DONE_WITH.exec(text);
      if (!m || !/\b(?:done|complete|completed|finished)\b|^done with/.test(text)) return null;
      const target = targetArgs(m[1]!, ctx);
      return target ? call('reminders.done', target) : null;
    },
  },
  {
    name: 'reminders.stop',
    match: ({ text }, ctx) => {
      const m = STOP_REMINDING.exec(text);
      const target = m ? targetArgs(m[1]!, ctx) : null;
      return target ? call('reminders.cancel', target) : null;
    },
  },
  {
    name: 'reminders.cancel',
    match: ({ text }, ctx) => {
      const m = CANCEL.exec(text);
      if (!m) return null;
      const target = targetArgs(m[1]!, ctx);
      if (!target) return null;
      if (target.number !== undefined) {
        const calendar = /\b(?:event|appointment|appt)\b/.test(m[1]!) || (lastToolFamily(ctx) === 'calendar' && !/\breminder\b/.test(m[1]!));
        return call(calendar ? 'calendar.delete' : 'reminders.cancel', target);
      }
      if (CALENDAR_WORDS.test(m[1]!) && !/\breminders?\b/.test(m[1]!)) return null;
      return call('reminders.cancel', target);
    },
  },
  {
    name: 'reminders.create',
    match: ({ text, raw }, ctx) => {
      const m = REMINDER_TRIGGER.exec(text);
      if (!m) return null;
      // "take my pills at 8am and 8pm": one reminder per time.
      const pair = TWO_TIMES.exec(m[1] ?? '');
      if (!pair) return call('reminders.create', reminderArgs(m[1] ?? '', raw, ctx));
      const bodies = [pair[1]!, pair[2]!].map((t) => m[1]!.replace(pair[0], `at ${t}`));
      return { kind: 'tools', calls: bodies.map((b) => ({ tool: 'reminders.create', args: reminderArgs(b, raw, ctx) })) };
    },
  },
  {
    name: 'reminders.recurring',
    match: ({ text, raw }, ctx) => {
      if (MONEY.test(text) || /^(?:what|whats|what's|when|show|list|add|put|cancel|delete|remove)\b/.test(text)) return null;
      const rep = parseRepeat(text);
      return rep ? call('reminders.create', reminderArgs(text, raw, ctx)) : null;
    },
  },
  {
    name: 'reminders.task-with-time',
    match: ({ text, raw }, ctx) => {
      if (!TASK_VERB.test(text) || MONEY.test(text) || MOVE_LIKE.test(text)) return null;
      const when = parseSchedule(text, ctx);
      if (!when.found || !when.rest) return null;
      return call('reminders.create', compact({ text: cleanTask(when.rest, raw), date: when.date, time: when.time, inMinutes: when.repeat ? undefined : when.inMinutes, repeat: when.repeat }));
    },
  },
];
