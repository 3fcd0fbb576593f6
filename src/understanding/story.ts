import { cleanTask, reminderArgs } from '../tools/shared/task-wording.js';
import type { Act, IntentFamily } from './intent/classifier.js';
import { normalizeText } from './normalize.js';
import { wordList } from './pattern.js';
import type { UnderstandContext, Understanding } from './types.js';

/** Sentences of a text, at ". ", "? ", "! " (not "Dr. Lee" or "5.30"); short texts are one sentence. */
export function sentencesOf(raw: string): string[] {
  return raw.split(/(?<=[a-z0-9)'"][.?!]+)\s+(?=[A-Za-z])/).map((s) => s.trim()).filter(atLeastTwoWords);
}

function atLeastTwoWords(s: string): boolean {
  return s.split(/\s+/).length >= 2;
}

/** "…on Thursday at 4:15, could you add that for me?": an ask after a comma or a "so" is a clause of its own. */
const ASK_AFTER = new RegExp(wordList`(?:,\s*|\s+so\s+)(?=(?:so\s+|and\s+|but\s+)?(?:(?:could|would|can|will) you|please|
  (?:perhaps|maybe) you|i wonder|i suppose|would it be)\b)`, 'i');

/** A text's sentences, and within a sentence the ask said after its story. */
export function clausesOf(raw: string): string[] {
  return sentencesOf(raw).flatMap((s) => s.split(ASK_AFTER)).map((s) => s.trim()).filter(atLeastTwoWords);
}

/** A story clause's parts: "I've taken tomorrow off, so there's no need for the 6:30 alarm". */
export function piecesOf(clause: string): string[] {
  return clause.split(/,\s*|\s+(?:so|and|but|because)\s+/).filter(atLeastTwoWords);
}

/** "could you order some from Amazon", "please turn the heat up": a clause that asks, not one that tells. */
const ASK_START = new RegExp(wordList`^(?:(?:so|and|but|then|also|now|maybe|perhaps)\s+)*(?:(?:could|would|can|will) you|please|
  i'd like you to|i want you to|i need you to|order|book|buy|send|pay|call|text|turn|switch|play|reserve|transfer|move|start)\b`);

export function asksOutright(text: string): boolean {
  return ASK_START.test(text);
}

/** What an ask points back at: "add that", "put it in my diary", "block out that time". */
const IT = String.raw`(?:it|that|this|them|those|that one|that time|the time|this down|that down|it down)`;
const WHERE = String.raw`(?:\s+(?:down|in|on|into|to|out|off|up))?(?:\s+(?:in|on|to|into|onto|from|off)\s+(?:my|the)\s+(?:calendar|diary|
  schedule|agenda|planner|(?:grocery |shopping |to-?do )?list|alarms?|reminders?))?`.replace(/\n\s*/g, '');
const END = String.raw`(?:,?\s+(?:for me|anyway|then|please|as well|too|somewhere|for that|for then|for that time))*(?:,? (?:shouldn't i|right|ok))?$`;
const ASKING = String.raw`^(?:(?:and|but|then|so|perhaps|maybe|i suppose|i guess)\s+)*(?:(?:(?:could|would|can|will) you|please|you can|
  you could|can we|could we|i'd like you to|i want you to|i should|i should probably|i'd better|i had better)\s+)*`.replace(/\n\s*/g, '');

const ask = (verbs: string, object = IT) => new RegExp(`${ASKING}(?:${verbs}) ${object}${WHERE}${END}`);

/** Asks that name what to do but not what to do it to: the story before them tells that. */
const REFERRING_ASKS: [RegExp, Act, IntentFamily | null][] = [
  [new RegExp(`${ASKING}(?:set|make|add|have) (?:an? |the )?alarm(?: (?:for|at) ${IT})?${WHERE}${END}`), 'create', 'alarm'],
  [new RegExp(`${ASKING}remind me(?: (?:of|about) ${IT})?${END}`), 'create', 'reminder'],
  [ask('add|put|note|write|pencil|jot|block out|block off|save|mark|enter|pop|stick|keep|schedule'), 'create', null],
  [ask('cancel|delete|remove|clear|switch|turn|get rid of|scrap|drop|take'), 'remove', null],
  [ask('change|update|move|fix|amend|adjust|correct|edit'), 'change', null],
];

/** Words of an ask that settle the family ("put it in my diary" is the calendar's). */
const FAMILY_NAMED: [RegExp, IntentFamily][] = [
  [/\balarms?\b/, 'alarm'], [/\bremind/, 'reminder'], [/\b(?:calendar|diary|schedule|agenda|planner)\b/, 'calendar'], [/\blist\b/, 'list'],
];

export interface ReferringAsk {
  act: Act;
  /** The family the ask's own words name, if any. */
  family: IntentFamily | null;
}

/** "could you add that for me": an ask whose object is the story's thing. */
export function referringAsk(text: string): ReferringAsk | null {
  for (const [words, act, family] of REFERRING_ASKS) {
    if (words.test(text)) return { act, family: family ?? FAMILY_NAMED.find(([w]) => w.test(text))?.[1] ?? null };
  }
  return null;
}

/**
 * How a story tells of a thing, cut so the rest reads like a request: "I have a parent-teacher conference on
 * Thursday at 4:15" → "a parent-teacher conference on thursday at 4:15"; "I'm told the furnace inspection will be
 * tomorrow at 1" → "the furnace inspection tomorrow at 1".
 */
const STORY_LEAD = new RegExp(wordList`^(?:(?:i think|i guess|so|and|but|well|oh|just so you know|fyi)\s+)*(?:
  (?:i|we) (?:have |'ve )?planned to|(?:i'm|we're|i am|we are) planning to|(?:i|we) plan to|(?:\w+ ){0,3}and i (?:have )?planned to|
  (?:there's |there is )?no (?:need|point) (?:for|in)|(?:i|we) (?:have|have got|'ve got|got|am having|are having|booked|have booked|
  made|have made|scheduled|have scheduled)|i've got|i've booked|i've made|we've got|i'm having|we're having|i'm told(?: that)?|
  i was told(?: that)?|they told me(?: that)?|there's|there is|there will be)\s+`);
const COPULA = /\s+(?:will be|is|are|is going to be|are going to be|has been moved to|has been set for|is set for)(?=\s)/;

/** "My wife asked me to pick up some orange juice" → "some orange juice": the things a story says to get. */
const TO_GET = new RegExp(wordList`^(?:.*?\b(?:asked me to|told me to|wants me to|need to|have to|should|must|i'll|we'll|will)\s+)?
  (?:pick up|get|buy|grab|need|be needing)\s+(?:some more |more |some )?`);

export function itemsTold(text: string): string {
  return TO_GET.test(text) ? text.replace(TO_GET, '') : storyThing(text);
}

export function storyThing(text: string): string {
  return text.replace(STORY_LEAD, '').replace(COPULA, '');
}

/** "I'm supposed to renew my car registration this week": what a person says they must do. */
const TASK_TOLD = new RegExp(wordList`^(.*?)\b(?:i'?m supposed to|i am supposed to|i need to|
  i have to|i've got to|i have got to|i must|i should|i ought to|i keep forgetting to|i always forget to|i've been meaning to|
  i have been meaning to|i promised to|i'm meant to|i am meant to|i need to remember to|(?:\w+ ){1,3}asked me to|i said i(?:'d| would))\s+(.+)$`);
const TOLD_LEAD = /^(?:(?:i think|i guess|so|and|but|well|oh)\s+)+/;

/** "…before the end of the week", ", but lately I forget": what follows the task, which the ask's own time says better. */
const AFTER_THE_TASK = /\s+(?:before|by) the end of the (?:week|month|day)$|,?\s+(?:but|and|so|because)\s.*$/;

/**
 * The task a story's sentence says the person must do, and what was said before it: "in about 45 minutes I need to
 * check on the bread" → ["in about 45 minutes ", "check on the bread"].
 */
export function taskTold(sentence: string): [before: string, task: string] | null {
  const told = TASK_TOLD.exec(normalizeText(sentence));
  return told ? [told[1]!.replace(TOLD_LEAD, ''), told[2]!.replace(AFTER_THE_TASK, '')] : null;
}

/**
 * "I'm supposed to renew my car registration. Could you give me a reminder on Thursday at 10?": the ask has a time
 * and no task; the task is the one the story tells. "I'm supposed to take my pill at 9 pm. Would you remind me?": the
 * story tells the time too. (The reminder tool still asks for what no sentence tells.)
 */
export function withTaskFromStory(understood: Understanding, story: string[], ctx: UnderstandContext): Understanding {
  if (understood.kind !== 'tools' || understood.calls.length !== 1) return understood;
  const [call] = understood.calls;
  const args = (call!.args ?? {}) as Record<string, unknown>;
  if (call!.tool !== 'reminders.create' || args.text) return understood;
  const timed = ['date', 'time', 'inMinutes', 'repeat'].some((k) => args[k] !== undefined);
  for (const sentence of story) {
    const told = taskTold(sentence);
    const read = told ? reminderArgs(told.join(''), sentence, ctx) : null;
    if (read?.text) return { kind: 'tools', calls: [{ ...call!, args: timed ? { ...args, text: read.text } : { ...args, ...read } }] };
  }
  return understood;
}
