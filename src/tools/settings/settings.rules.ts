import { toolCall, type Rule, type RuleInput, type Understanding } from '../../understanding/types.js';
import { cleanText, stripPoliteness } from '../../understanding/words.js';
import { resolveTimeZone } from './timezones.js';
import { wordList } from '../../understanding/pattern.js';

const clean = (input: RuleInput) => stripPoliteness(cleanText(input.raw));

const TZ = String.raw`(?:time ?zone|tz)`;
const SET_TZ = new RegExp(wordList`^(?:(?:please\s+)?(?:set|change|update|switch|make|put|move)\s+)?(?:my\s+|
  the\s+)?(?:current\s+)?${TZ}(?:\s+(?:to|is|=|as|should be|is now|now)|\s*[:=])*\s+(.+)$`);
/** "…so I think my time zone ought to be Mountain Time now": the zone said later in a longer text. */
const TZ_SAID_LATER = new RegExp(wordList`\b(?:my|the)\s+${TZ}\s+(?:should be|ought to be|needs to be|has to be|must be|is now|to)\s+
  (.+?)(?:\s+(?:now|from now on|please|instead))*$`);
const PLACE = new RegExp(wordList`^(?:i'?m|im|i am|we'?re|we are|were|i live|we live|i'm living|im living|i moved|we moved|
  i just moved|i've moved|ive moved|i'm now|im now|i am now|i'm currently|im currently|i am currently|currently|now|i'm back|
  im back|i am back|i'm staying|im staying|i'm traveling|im traveling|i'm travelling)\s+(?:in|to|on|at|based in|located in|
  living in|out of)\s+(.+?)(?:\s+(?:now|these days|for now|this week|at the moment))?$`);
const USE_TIME = /^(?:use|switch to|change to|set to|go by|i'?m on|im on|i am on|we'?re on|i use)\s+(.+?)\s+time$/;
const SHOW_TZ = new RegExp(wordList`^(?:what'?s|whats|what is|wats|which|show|show me|check|tell me|what)?\s*(?:is\s+)?(?:my\s+|
  the\s+)?(?:current\s+)?${TZ}(?:\s+(?:set to|setting|do you have( for me)?|are you using|is it|am i in|am i on|is set))?$|
  ^what (?:time ?zone|timezone) (?:am i in|am i on|do you have( for me)?|are you using|is set)$|
  ^what time is it(?: for me| there| where i am)?$`);
const SHOW = new RegExp(wordList`^(?:(?:show|show me|view|see|check|open|what are|whats|what's)\s+)?(?:my\s+)?(?:settings|
  preferences|prefs|profile|account settings|account|config|setup)$|^(?:what'?s|whats|what is) my (?:name|currency|
  default currency)$|^(?:who am i|what do you call me|do you know my name)$`);
const NAME = new RegExp(wordList`^(?:my name is|my name's|my names|name is|name's|my name|name|call me|you can call me|
  u can call me|just call me|please call me|i go by|i'm called|im called|i am called|set my name to|change my name to|set name to|
  update my name to)\s*:?\s+(.+)$`);
const NOT_NAME = /\d|\b(?:back|later|tomorrow|tonight|today|at|when|if|asap|soon|maybe|please|pls|now|in|on|a|an|the|crazy|that)\b/;
const CURRENCY = new RegExp(wordList`^(?:(?:set|change|update|switch|make)\s+)?(?:my\s+)?(?:default\s+)?currency(?:\s+(?:to|is|=|
  as|should be|is now)|\s*[:=])*\s+(.+)$|^(?:use|switch to|i use|i spend in|i pay in|i'm using|track in|
  log in)\s+(.+?)(?:\s+(?:by default|as (?:my )?(?:default )?currency|for expenses|from now on|instead))*$`);
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', 'us dollars': 'USD', 'us dollar': 'USD', bucks: 'USD', $: 'USD', euro: 'EUR', euros: 'EUR', '€': 'EUR',
  pound: 'GBP', pounds: 'GBP', sterling: 'GBP', 'british pounds': 'GBP', quid: 'GBP', '£': 'GBP', yen: 'JPY', '¥': 'JPY',
  rupee: 'INR', rupees: 'INR', '₹': 'INR', 'canadian dollars': 'CAD', 'canadian dollar': 'CAD', 'australian dollars': 'AUD',
  'australian dollar': 'AUD', pesos: 'MXN', 'mexican pesos': 'MXN', francs: 'CHF', 'swiss francs': 'CHF', yuan: 'CNY', rmb: 'CNY',
  reais: 'BRL', real: 'BRL', won: 'KRW',
};

function matchTimezone(input: RuleInput): Understanding | null {
  const t = clean(input);
  if (SHOW_TZ.test(t)) return toolCall('settings.show', {});
  const explicit = t.match(SET_TZ);
  if (explicit && !/^(?:a|an|the)?\s*reminder\b/.test(explicit[1]!)) return toolCall('settings.update', { timezone: original(input.raw, explicit[1]!) });
  const later = TZ_SAID_LATER.exec(t);
  if (later && resolveTimeZone(later[1]!)) return toolCall('settings.update', { timezone: later[1]! });
  const loose = t.match(PLACE) ?? t.match(USE_TIME);
  if (loose && resolveTimeZone(loose[1]!)) return toolCall('settings.update', { timezone: loose[1]! });
  return null;
}

function matchName(input: RuleInput): Understanding | null {
  const m = clean(input).match(NAME);
  if (!m) return null;
  const name = m[1]!.replace(/[.!]+$/, '').trim();
  if (!name || name.split(/\s+/).length > 3 || name.length > 40 || NOT_NAME.test(name) || !/^[\p{L}' -]+$/u.test(name)) return null;
  return toolCall('settings.update', { name: displayName(original(input.raw, name)) });
}

function matchCurrency(input: RuleInput): Understanding | null {
  const m = clean(input).match(CURRENCY);
  const word = (m?.[1] ?? m?.[2])?.trim();
  if (!word) return null;
  const code = CURRENCY_WORDS[word] ?? (/^[a-z]{3}$/.test(word) ? word.toUpperCase() : null);
  if (m![1]) return toolCall('settings.update', { currency: code ?? word });
  if (!code || (!CURRENCY_WORDS[word] && !Intl.supportedValuesOf('currency').includes(code))) return null;
  return toolCall('settings.update', { currency: code });
}

function matchShow(input: RuleInput): Understanding | null {
  return SHOW.test(clean(input)) ? toolCall('settings.show', {}) : null;
}

/** The user's own spelling of a fragment found in the lowercased text ("America/Los_Angeles", "McKenzie"). */
function original(raw: string, fragment: string): string {
  const at = raw.toLowerCase().indexOf(fragment);
  return at >= 0 ? raw.slice(at, at + fragment.length).trim() : fragment;
}

function displayName(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export const settingsRules: Rule[] = [
  { name: 'settings-timezone', match: matchTimezone },
  { name: 'settings-currency', match: matchCurrency },
  { name: 'settings-name', match: matchName },
  { name: 'settings-show', match: matchShow },
];
