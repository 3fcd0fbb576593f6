import { clockWordsToDigits } from './clock-words.js';
import { NUMBER_PHRASE, remember, wordsToNumber } from './words.js';
import { correctTypo } from './typos.js';
import { moneyWordsToDigits } from './money-words.js';

/** Texting shorthand → words the rules and chrono-node understand. */
const SHORTHAND: Record<string, string> = {
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tomoro: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow',
  tomorow: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow', tmw: 'tomorrow',
  tonite: 'tonight', '2nite': 'tonight', '2night': 'tonight', tdy: 'today', tody: 'today', '2day': 'today',
  pls: 'please', plz: 'please', pleas: 'please', thx: 'thanks', thanx: 'thanks', ty: 'thanks',
  remindme: 'remind me', remider: 'reminder', reminer: 'reminder', remindr: 'reminder', remiders: 'reminders', reminers: 'reminders',
  remd: 'remind', remnd: 'remind', remid: 'remind', rmind: 'remind', remine: 'remind', reminde: 'remind',
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
  text = text.replace(/\bhalf an? hour\b/g, '30 minutes');
  text = text.replace(SPELLED_COUNT, (phrase) => COUNT_WORDS[phrase] ?? String(wordsToNumber(phrase) ?? phrase));
  text = moneyWordsToDigits(text);
  return rephrase(text.replace(/\.+$/, '').trim());
}

/** A name said before the request, as people do to voice assistants: "hey errand, …", "siri remind me…", "ok google". */
const WAKE_WORD = /^(?:(?:hey|hi|ok|okay|yo)\s+)?(?:errand|siri|alexa|google|olly|assistant|computer)\b[,:]?\s+(?=\S)/;

/** Other ways of asking for a reminder, said the way the rules read it ("remind me to…"). */
const ASKS_FOR_A_REMINDER: [RegExp, string][] = [
  [/^(?:please |pls )?(?:i want|i'd like|i would like|i need) (?:you )?to (?:be reminded|remind me)(?: to)?\b/, 'remind me to'],
  [/^(?:please |pls )?(?:don't|dont|do not) let me forget(?: to)?\b/, 'remind me to'],
  [/^(?:please |pls )?(?:be sure to|make sure to|make sure you) remind me\b/, 'remind me'],
  [/^(?:please |pls )?(?:set up|create|make|add|set) (?:a |me a )?reminder (?:to|that i need to|that i have to)\b/, 'remind me to'],
  [/^(?:please |pls )?tell me (?:later |again )?to\b/, 'remind me to'],
  [/^(?:please |pls )?remind to\b/, 'remind me to'],
];

function rephrase(text: string): string {
  let out = clockWordsToDigits(text.replace(WAKE_WORD, ''));
  for (const [asked, said] of ASKS_FOR_A_REMINDER) out = out.replace(asked, said);
  return out;
}
