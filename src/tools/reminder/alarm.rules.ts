import { parseAlarmSchedule } from '../../understanding/schedule.js';
import { parseWhen } from '../../understanding/dates.js';
import { compact } from '../shared/wording.js';
import { clarify, toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { wordList } from '../../understanding/pattern.js';

/**
 * Alarms are reminders named "Alarm" (or "Wake up") due at exactly the time asked: listed, snoozed and cancelled like
 * any reminder. "set an alarm for 6:30", "alarm 5am", "wake me up at 7 tomorrow", "get me up at noon".
 */
const SET = new RegExp(wordList`^(?:please |pls )?(?:(?:can|could|would) you |u )?(?:set|make|create|add|put|
  schedule|i want|i need|i will need|i'll need|i would need|i'd need|i would like|i'd like)(?: me)? (?:an? |my |the )?
  (?:new )?(?:wake ?up )?(?:alarm|wake ?up call|wakeup)(?: clock)?\b(.*)$`);
/** "alarm 5:45", "sat alarm 8:30": the day may come first. */
const BARE = new RegExp(wordList`^((?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) )?(?:an? )?
  (?:alarm|wake ?up call)(?: for)?\b(.*)$`);
const WAKE = /^(?:please |pls )?(?:(?:can|could|would) you |u )?(?:wake me(?: up)?|get me up)\b(.*)$/;
/** "alert me in three hours", "ping me at 4": a time and no task ("alert me at 4 to call mom" is a reminder). */
const ALERT = /^(?:please |pls )?(?:(?:can|could|would) you |u )?(?:alert|ping|buzz|beep) me ((?:in|at|on|tomorrow|tonight|today)\b.*)$/;
const QUERY = new RegExp(wordList`\b(?:what|which|show|list|any|read|tell me|check|when(?:'s| is)?|do i have|is there|
  are there)\b.*\balarms?\b|^(?:my )?alarms$`);
const REMOVE = new RegExp(wordList`^(?:please |pls )?(?:cancel|delete|remove|turn off|switch off|disable|clear|
  stop)(?: all)? (?:of )?(?:my |the |all )?(.*?)\balarms?\b(.*)$`);

const IN_PASSING = /\b(?:need|want|like|set|have|maybe|think|put|get) (?:me )?an? alarm (?:at|for) \S*\d/;
const REMOVE_ANYWHERE = /\b(?:cancel|delete|remove|turn off|switch off|disable|no need|don'?t need|do not need|get rid)\b/;

const TIME_QUESTION = 'What time should the alarm go off?';

function setAlarm(rest: string, ctx: UnderstandContext, label: string): Understanding {
  const when = parseAlarmSchedule(rest.trim(), ctx);
  // "an alarm for tomorrow": an alarm rings at a time, so it is asked for rather than guessed.
  if (when.date && !when.time && when.inMinutes === undefined && !when.repeat) {
    return clarify('reminders.create', { text: label, date: when.date }, 'when', TIME_QUESTION, ctx.now);
  }
  return toolCall('reminders.create', { text: label, date: when.date, time: when.time, inMinutes: when.inMinutes, repeat: when.repeat });
}

/** "tomorrow's 6:30 alarm", "the alarm for tmrw morning": the day, and the clock only when one was said in digits. */
function alarmWhen(words: string, ctx: UnderstandContext): { onDate?: string; atTime?: string; words?: string } {
  const plain = words.replace(/\b(?:wake ?up|my|the|for|on|at)\b/g, ' ').replace(/'s\b/g, '');
  const when = parseWhen(plain, ctx, { dateDecidedElsewhere: true });
  const wake = /\bwake\b/.test(words) ? 'wake up' : undefined;
  return compact({ onDate: when.date, atTime: /\d/.test(words) ? when.time : undefined, words: wake });
}

function match({ text }: RuleInput, ctx: UnderstandContext): Understanding | null {
  if (QUERY.test(text) && !SET.test(text)) return toolCall('reminders.list', {});
  const removal = REMOVE.exec(text);
  if (removal) return toolCall('reminders.cancel', { alarm: true, ...alarmWhen(`${removal[1]} ${removal[2]}`, ctx) });
  const wake = WAKE.exec(text);
  if (wake) return setAlarm(wake[1]!, ctx, 'Wake up');
  const alert = ALERT.exec(text);
  if (alert && !/\b(?:to|about|that|of|when)\b/.test(alert[1]!)) return setAlarm(alert[1]!, ctx, 'Alarm');
  const set = SET.exec(text);
  if (set) return setAlarm(set[1]!, ctx, 'Alarm');
  const bare = BARE.exec(text);
  if (bare) return setAlarm(`${bare[1] ?? ''}${bare[2]!}`, ctx, 'Alarm');
  // "…an early flight thursday, so i would need an alarm at 4:15 in the morning": an alarm and its time, said mid-text.
  return IN_PASSING.test(text) && !REMOVE_ANYWHERE.test(text) ? setAlarm(text, ctx, 'Alarm') : null;
}

export const alarmRules: Rule[] = [{ name: 'alarm', match }];
