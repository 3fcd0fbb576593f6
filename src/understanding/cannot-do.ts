import { wordList } from './pattern.js';
import { clausesOf } from './story.js';
import { normalizeText } from './normalize.js';

/** What Errand cannot do, how people ask for it, and the honest answer; the gate keeps such asks from storing anything. */

const ASKED = String.raw`^(?:(?:please|could you|can you|would you|will you|i need you to|i want you to|i'd like you to)\s+)*`;

/**
 * "pay my verizon bill friday", "book me a haircut at great clips at 4", "facetime grandma at 7": an ask, said first,
 * that Errand do a thing itself. Kept only when asked in Errand's own words ("remind me to pay…", "put … on my calendar").
 */
const DONE_FOR_YOU: [RegExp, string][] = [
  [new RegExp(`${ASKED}(?:pay|pay off|set up autopay|autopay|schedule (?:my |a |the )?(?:[$\\d.]+ )?(?:\\w+ ){0,2}payment)\\b`),
    "I can't pay bills"],
  [new RegExp(wordList`${ASKED}(?:(?:book|reserve) (?:me|us|a table|an? (?:flight|hotel|room|car|ride|cab|taxi|uber|lyft|seat|
    tee time)|tickets?|seats?)|rent|order|buy (?:me |us )?(?:\w+ )?(?:tickets?|tix)|buy (?:.+ )?(?:on|from) (?:amazon|instacart|online|
    ebay|target|walmart)|schedule (?:a |an )?(?:pickup|delivery|ride|uber|lyft|cab|taxi)|(?:change|cancel|move) my (?:hotel|flight|
    table|restaurant|car|dinner) (?:reservation|booking)|start (?:a |the )?return|return (?:the|my|these|those)|refund)\b(?! club)`),
  "I can't book, order or return things"],
  [new RegExp(wordList`${ASKED}(?:facetime|skype|video ?call|text|message|email|e-mail|dm|whatsapp|tweet|reply to|respond to|
    write back to|let (?!me\b)(?:\w+ ){1,2}know|send (?:\w+ ){1,2}(?:an? )?(?:invite|invitation|message|text|email)|
    schedule (?:a |an )?(?:text|email|e-mail|message|post|tweet|call to))\b(?! me\b)`), "I can't send messages or place calls"],
  [new RegExp(wordList`${ASKED}(?:turn|switch) (?:on|off|up|down)\b(?!.*\balarm)|${ASKED}(?:start|run|set) (?:the |my )?(?:coffee|
    dishwasher|washer|washing|dryer|vacuum|roomba|sprinklers?|thermostat|heat|ac|oven)\b`), "I can't control your home"],
  [/\b(?:timer|stopwatch|countdown)\b/, "I can't run timers"],
  [new RegExp(wordList`${ASKED}(?:convert|translate|calculate|compute|google|look up|search for|summari[sz]e|give me (?:a |the )?
    (?:summary|recap|rundown) of)\b`), "I can't look things up"],
  [new RegExp(`${ASKED}(?:freeze|unfreeze|lock|unlock|dispute|report) (?:my |a |the )?(?:debit |credit )?(?:card|charge|account)\\b`),
    "I can't move money or check accounts"],
];
/** Errand's own words for keeping a thing: with one, the ask is to keep it. */
const KEEP_IT = /\b(?:remind|reminder|calendar|diary|agenda|list|log|note|expense|alarm)\b/;

/** Words after "remind" that are not a person: "remind tmrw at 6 to call mom" drops the "me". */
const NOT_SOMEONE = wordList`(?:me|us|myself|tomorrow|today|tonight|on|at|in|every|this|next|mon|tue|wed|thu|fri|sat|sun|
  \d)`;

/**
 * Asks no keeping word turns into one: reminding someone else ("remind my mom to take her pills", "text my son a
 * reminder"), and writing a plan or a list for the user ("make me a packing list for cancun", "plan my saturday").
 */
const NEVER_KEPT: [RegExp, string][] = [
  [new RegExp(wordList`${ASKED}(?:remind|ping|nudge|tell) (?!${NOT_SOMEONE})(?:my |the |our |his |her )?\w+(?: \w+)?
    (?: at \d\S*| tonight| tomorrow)? (?:to|about|that|of)\b|${ASKED}(?:text|send|give|email) (?!me\b)(?:\w+ ){1,2}(?:an? )?reminder|
    ${ASKED}(?:set|make|create) (?:a |an )?reminder for (?!${NOT_SOMEONE})(?:my |the |our )?\w+ (?:to|about)\b`),
  "I can only send reminders to you"],
  [new RegExp(wordList`${ASKED}(?:(?:make|create|write|build|draw up|put together|give) (?:me|us) (?:a |an )?|(?:give me|suggest|
    generate|come up with|recommend|write me) (?:a |an |some )?)(?:[\w-]+ ){0,4}(?:list|plan|schedule|budget|itinerary|menu|
    routine|ideas)\b|${ASKED}plan (?:my|our|the) (?:day|week|weekend|morning|evening|monday|tuesday|wednesday|thursday|friday|
    saturday|sunday|trip|vacation)\b|${ASKED}plan (?:a |an |out )?(?:[\w-]+ ){0,3}(?:itinerary|trip|route|menu|workout|vacation|
    schedule)\b|
    ${ASKED}(?:make|create|build) (?:a |an )?(?:budget|(?:study|workout|meal|training|diet) (?:plan|schedule))\b(?! (?:on|to|in) my)`),
  "I can't write plans or lists for you"],
];

/** "venmo sam $20" moves money; "venmo'd sam $18 for lunch" tells of money spent. */
const MONEY_MOVED: [RegExp, string] = [
  new RegExp(wordList`\b(?:transfer|venmo(?!'?d\b)|zelle(?!'?d\b)|paypal(?!'?d\b)|wire|deposit|balance|invest|stocks?)\b|
    \b(?:send|move)\b(?=.*(?:[$€£]|\b(?:dollars?|bucks|money)\b))`),
  "I can't move money or check accounts",
];
const WEATHER: [RegExp, string] = [/\b(?:weather|rain|snow|forecast|temperature|sunny)\b/, "I can't check the weather"];

const OUT_OF_SCOPE: [RegExp, string][] = [
  MONEY_MOVED,
  WEATHER,
  ...NEVER_KEPT,
  ...DONE_FOR_YOU,
  [/\b(?:book(?! club)|reserve|order|uber|lyft|taxi|flight|hotel|table)\b/, "I can't book or order things"],
  [/\b(?:play|song|music|album|playlist|volume)\b/, "I can't play music"],
  [/\b(?:lights?|thermostat|lock|oven|vacuum|heat|ac)\b/, "I can't control your home"],
];

/** Of the things Errand cannot do, those no event or expense is named after (a flight or a hotel booking can be). */
export const NEVER_STORED = [/\b(?:transfer|venmo|zelle|wire|invest|stocks?)\b|\bmove \$/, /\b(?:weather|forecast|temperature)\b/,
  /\b(?:lights?|thermostat|vacuum|roomba|heating)\b/];

/** Which of the things Errand cannot do (ordering, booking, moving money, the weather…) a text asks for, if any. */
export function whatErrandCannotDo(text: string): [RegExp, string] | undefined {
  return OUT_OF_SCOPE.find(([words]) => words.test(text));
}

export function asksForWhatErrandCannotDo(text: string): boolean {
  return whatErrandCannotDo(text) !== undefined;
}

/** Money moved, the weather or a reminder for someone else asked for: said outright, the honest answer beats "didn't get that". */
export function saidOutright(text: string): boolean {
  const cannot = whatErrandCannotDo(text);
  return cannot === MONEY_MOVED || cannot === WEATHER || cannot === NEVER_KEPT[0];
}

export function outOfScopeReply(text: string): string {
  const cannot = whatErrandCannotDo(text)?.[1] ?? "That's outside what I do";
  return `${cannot} — I keep your reminders, calendar, lists and expenses. Nothing was saved.`;
}

/**
 * What a text asks Errand to do itself, in any of its clauses ("Someone used my card for $40. Can you freeze it?"):
 * the honest answer to give instead of storing, or null.
 */
export function doneForYouAsked(raw: string): string | null {
  for (const clause of [normalizeText(raw), ...clausesOf(raw).map(normalizeText)]) {
    const never = NEVER_KEPT.find(([words]) => words.test(clause));
    if (never) return never[1];
    const done = KEEP_IT.test(clause) ? undefined : DONE_FOR_YOU.find(([words]) => words.test(clause));
    if (done) return done[1];
  }
  return null;
}

/**
 * "i cant believe my rent went up $150", "ugh mondays. 4 meetings before lunch", "that 6:30 alarm saved me": a text
 * that vents or thanks and asks nothing, whatever days or amounts it names.
 */
const VENTS = new RegExp(wordList`\b(?:can'?t believe|cant believe|so tired of|sick of|fed up|who does that|saved me|saved my life|
  i hate it when|why do(?:es)? (?:\w+ )?always)\b|^(?:ugh+|argh+)\b`);
const STILL_ASKS = /\b(?:remind|add|put|log|note|schedule|spent|paid|cost|bought|cancel|delete|remove|set)\b/;

export function onlyVents(text: string): boolean {
  return VENTS.test(text) && !STILL_ASKS.test(text);
}
