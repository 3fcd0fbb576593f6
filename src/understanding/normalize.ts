import { clockWordsToDigits } from './clock-words.js';
import { NUMBER_PHRASE, remember, wordsToNumber } from './words.js';
import { correctTypo } from './typos.js';
import { wordList } from './pattern.js';
import { moneyWordsToDigits } from './money-words.js';

/** Texting shorthand → words the rules and chrono-node understand. */
const SHORTHAND: Record<string, string> = {
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tomoro: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow',
  tomorow: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow', tmw: 'tomorrow',
  tonite: 'tonight', '2nite': 'tonight', '2night': 'tonight', tdy: 'today', tody: 'today', '2day': 'today',
  pls: 'please', plz: 'please', pleas: 'please', thx: 'thanks', thanx: 'thanks', ty: 'thanks',
  remindme: 'remind me', remider: 'reminder', reminer: 'reminder', remindr: 'reminder', remiders: 'reminders', reminers: 'reminders',
  remd: 'remind', remnd: 'remind', rmnd: 'remind', rmndr: 'reminder', rmdr: 'reminder', remid: 'remind', rmind: 'remind', remine: 'remind', reminde: 'remind',
  u: 'you', ur: 'your', r: 'are', n: 'and', w: 'with', b4: 'before', bc: 'because',
  hr: 'hour', hrs: 'hours', min: 'minutes', mins: 'minutes', sec: 'seconds', secs: 'seconds', wk: 'week', wks: 'weeks',
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', weds: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday', nite: 'night', mornin: 'morning', mrng: 'morning',
  appt: 'appointment', apt: 'appointment', mtg: 'meeting', mtng: 'meeting', bday: 'birthday',
  groceries: 'groceries', grocery: 'grocery', grocerys: 'groceries', grocries: 'groceries', grocerie: 'groceries',
  calender: 'calendar', calandar: 'calendar', calnedar: 'calendar',
  tomatoe: 'tomato', tomatos: 'tomatoes', potatos: 'potatoes', bannanas: 'bananas', bananna: 'banana',
  expences: 'expenses', expense: 'expense', spnt: 'spent', spend: 'spend', spet: 'spent',
};

/** Counts that are not plain numbers; spelled-out numbers go through words.ts's parser. */
const COUNT_WORDS: Record<string, string> = { 'a couple': '2', couple: '2', 'a dozen': '12', dozen: '12' };
const UNIT_AHEAD = String.raw`(?= (?:min|minute|minutes|hour|hours|hr|hrs|day|days|week|weeks|month|months)\b)`;
const SPELLED_COUNT = new RegExp(String.raw`\b(a couple|a dozen|couple|dozen|${NUMBER_PHRASE})\b` + UNIT_AHEAD, 'g');

/**
 * Lowercases, strips emoji and stray punctuation, expands texting shorthand and "@" and mends slips in the words the
 * rules key on, so that "Remnid me 2moro @ 5pm pls 🙏" reads "remind me tomorrow at 5pm please".
 */
export function normalizeText(raw: string): string {
  let text = recentlyNormalized.get(raw);
  if (text === undefined) remember(recentlyNormalized, raw, (text = normalized(raw)));
  return text;
}

const recentlyNormalized = new Map<string, string>();

function normalized(raw: string): string {
  let text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D/gu, ' ')
    .replace(/\s@\s?|^@/g, ' at ')
    .replace(/\bw\/\s?/g, 'with ')
    .replace(/[!?;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  text = text.replace(/\b(\d+)(min|mins|minutes|hr|hrs|hours?)\b/g, '$1 $2');
  text = text.replace(/[a-z0-9']+/g, (word) => SHORTHAND[word] ?? correctTypo(word));
  text = text.replace(/\bhalf an? hour\b/g, '30 minutes').replace(/\bafter noon\b/g, 'afternoon');
  text = text.replace(SPELLED_COUNT, (phrase) => COUNT_WORDS[phrase] ?? String(wordsToNumber(phrase) ?? phrase));
  text = moneyWordsToDigits(text);
  return rephrase(text.replace(/\.+$/, '').trim());
}

/**
 * What people say before the request, as they do to voice assistants: a name ("hey errand, …", "siri remind me…",
 * "olly"), and fillers ("um", "so", "wait", "ok so"). A filler inside the text ("um please add …") goes too.
 */
const LEAD_IN = new RegExp(wordList`^(?:(?:(?:hey|hi|ok|okay|yo)\s+)?(?:errand|siri|alexa|google|olly|assistant|computer)\b|um+|uh+|uhm|
  erm|hmm+|so|wait|ok|okay|alright|well|oh|sorry|excuse me|hello|hi|good (?:morning|afternoon|evening))[,.:!]?\s+(?=\S)`);
const FILLER = /\s(?:um+|uh+|uhm|erm)\b/g;

function withoutLeadIn(text: string): string {
  let out = text.replace(FILLER, '');
  for (let before = ''; before !== out; ) [before, out] = [out, out.replace(LEAD_IN, '')];
  return out;
}

/** Other ways of asking for a reminder, said the way the rules read it ("remind me to…"). */
const ASKS_FOR_A_REMINDER: [RegExp, string][] = [
  [/^(?:please |pls )?(?:i want|i'd like|i would like|i need) (?:you )?to (?:be reminded|remind me)(?: to)?\b/, 'remind me to'],
  [/^(?:please |pls )?(?:don't|dont|do not) let me forget(?: to)?\b/, 'remind me to'],
  [/^(?:please |pls )?(?:be sure to|make sure to|make sure you) remind me\b/, 'remind me'],
  [/^(?:(?:could|can|would|will) you |please )?make sure (?:that )?i (?:don't|dont|do not) forget(?: it| that| this)?\b/, 'remind me'],
  [/^(?:please |pls )?(?:set up|create|make|add|set) (?:a |me a )?reminder (?:to|that i need to|that i have to)\b/, 'remind me to'],
  [/^(?:please |pls )?tell me (?:later |again )?to\b/, 'remind me to'],
  [new RegExp(wordList`^(?:(?:could|can|would|will) you |please )?(?:give me|send me|set me|set up|i would appreciate|i'd appreciate|
    i'd like|i would like|i need|i want) (?:a |an )?(?:little |quick |small |gentle |friendly )?(?:reminder|nudge|heads up|ping)\b`),
  'remind me'],
  [/^(?:please |pls )?remind to\b/, 'remind me to'],
  [new RegExp(wordList`^(?:please )?(?:i'd like|i would like|i want|i wanna|i'd love|i need you) to (?=(?:add|put|cancel|delete|remove|
    clear|turn off|switch off|see|check|set|move|change|reschedule|log|note|take|get rid of|write down)\b)`), ''],
  // "were out of milk" is "we're", typed without the apostrophe, not a question.
  [/^were (?=(?:out|low|running|almost|nearly|all out|doing|having|going|getting|meeting|hosting|throwing|planning)\b)/, "we're "],
];

/** Roundabout ways of asking, said the plain way ("could you …"), and adverbs that sit before the verb. */
const ROUNDABOUT_ASK = new RegExp(wordList`^(?:i (?:was )?wonder(?:ing)? if you (?:could|might|would)|(?:perhaps|maybe) you could|
  it would be (?:a |very )?(?:great |big |real )?(?:help|helpful|great|lovely|nice) if you (?:could|would)|i would (?:really )?
  appreciate it if you (?:could|would)|would you be so kind as to|if it'?s not too much trouble,? (?:could you)?|if you could|
  would it be possible (?:for you )?to|is it possible (?:for you )?to|would you mind|do you mind)\s+`);
/** "would you mind clearing…": the verbs people ask with, said as the plain verb after "could you". */
const ASKED_WITH_ING: Record<string, string> = {
  adding: 'add', putting: 'put', setting: 'set', clearing: 'clear', removing: 'remove', deleting: 'delete', cancelling: 'cancel',
  canceling: 'cancel', moving: 'move', changing: 'change', taking: 'take', making: 'make', reminding: 'remind', writing: 'write',
  noting: 'note', checking: 'check', showing: 'show', telling: 'tell', updating: 'update', booking: 'book', scheduling: 'schedule',
  logging: 'log', switching: 'switch', turning: 'turn', getting: 'get', letting: 'let', giving: 'give', blocking: 'block',
};
const COULD_YOU_ING = /^could you (\w+ing)\b/;
/** "have an alarm go off in an hour" is an alarm set. */
const ALARM_GO_OFF = /^(could you |please )?(?:have|get|make) (an?|the|my) alarm (?:to )?go off\b/;
const POLITE_TAIL = new RegExp(wordList`,?\s+(?:(?:i would be|i'd be|i'll be) (?:very |so |most |really )?(?:grateful|thankful)(?: indeed)?|
  if (?:you don'?t mind|that'?s (?:alright|all right|ok|okay|possible)|that can be arranged|you would be so kind|
  it'?s not too much trouble|possible|you can)|thank you(?: so much| very much| kindly)?)$`);
const BEFORE_THE_VERB = /\b((?:could|would|can|will) you) (?:kindly|possibly|please|just|perhaps) /;

function rephrase(text: string): string {
  let out = clockWordsToDigits(withoutLeadIn(text))
    .replace(BEFORE_THE_VERB, '$1 ')
    .replace(ROUNDABOUT_ASK, 'could you ')
    .replace(COULD_YOU_ING, (said, verb: string) => (ASKED_WITH_ING[verb] ? `could you ${ASKED_WITH_ING[verb]}` : said))
    .replace(ALARM_GO_OFF, '$1set $2 alarm')
    .replace(POLITE_TAIL, '');
  for (const [asked, said] of ASKS_FOR_A_REMINDER) out = out.replace(asked, said);
  return out;
}
