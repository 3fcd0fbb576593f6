import { clarify, toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { emojiOf, isEmojiName } from '../../understanding/fold.js';
import { cleanText, stripPoliteness } from '../../understanding/words.js';
import { TASK_VERB } from '../shared/task-wording.js';
import { isKnownItem } from './grocery.categories.js';
import { parseItem, splitItems, type ParsedItem } from './grocery.parse.js';
import { wordList } from '../../understanding/pattern.js';
import { normalizeText } from '../../understanding/normalize.js';

const LIST = wordList`(?:(?:the |my |our |da |teh )?(?:grocery |groceries |shopping |food |store )?(?:list|cart)|(?:the |my |
  our )?groceries)`;
/** Words that make a message a reminder, an event or an expense rather than a list edit. */
export const NOT_GROCERY = new RegExp(wordList`\b(?:time ?zone|currency|remind|reminder|reminders|alarm|calendar|appointment|appt|
  meeting|mtg|schedule|event|events|expense|expenses|spent|spend|paid|budget|tomorrow|tmrw|tmr|2moro|tonight|tonite|today|
  next week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|every|o'?clock|noon|midnight)\b|\bat \d|\d\s?(?:am|pm)\b|
  \d:\d\d|\bin \d+ (?:min|minutes|hours?|days?)\b|[$€£¥₹]|\b(?:dollars?|bucks|euros?|usd|eur|gbp)\b`);
const STORE_SUFFIX = new RegExp(wordList`\s+(?:(?:at|from) (?:the )?(?:store|shop|supermarket|market|grocery store|grocery|costco|
  target|walmart|trader joe'?s|whole foods|aldi|kroger|safeway|tesco|lidl|publix|sainsbury'?s)|when (?:you|i|we) (?:can|
  go)(?: shopping)?|for (?:this|the) week(?:end)?|on (?:the|my|your) way (?:home|back)|after work|while (?:you're|youre|you are|
  i'm|im) out|if (?:you|u) can|later)$`);
/** "for dinner", "for tomorrow": what the items are for, not part of their names (and not a reminder time). */
const PURPOSE_SUFFIX = new RegExp(wordList`\s+for (?:tomorrow|tonight|the weekend|this weekend|dinner|lunch|breakfast|the party|
  the bbq|thanksgiving|christmas|the kids|the week)$`);
const NOT_ITEMS = new RegExp(wordList`^(?:it|that|this|them|those|these|something|stuff|things|anything|everything|help|
  a reminder|to .*|a ride|a break|some help|some sleep|sleep|a nap|money|you|me|home|back|done|ready|there|here|all|i|im|i'm|we|
  we're|were|us|shopping|the shopping|groceries|the groceries|my list|the list|list)$`);

const anyList = new RegExp(String.raw`\s+(?:to|2|on|onto|in|into|for)\s+${LIST}$`);

/** Finds the item text of an add request; `explicit` when the message names the list. */
function addPayload(t: string): { payload: string; explicit: boolean } | null {
  let m = t.match(/^(?:grocery|groceries|grocerys|grocries|shopping|grocery list|shopping list|list)\s*[:\-]\s*(.+)$/);
  if (m) return { payload: m[1]!, explicit: true };
  m = t.match(new RegExp(String.raw`^(?:add|ad|addd|put|throw|stick|pop|toss|include|plus)\s+(?:to|on|onto)\s+${LIST}\s*:?\s+(.+)$`));
  if (m) return { payload: m[1]!, explicit: true };
  m = t.match(/^(?:grocery|shopping) list\s+(?:add\s+)?(.+)$/);
  if (m) return { payload: m[1]!, explicit: true };
  if (anyList.test(t)) {
    const body = t.replace(anyList, '');
    const verb = body.match(new RegExp(wordList`^(?:(?:i |we )?(?:also )?(?:add|ad|addd|put|throw|stick|pop|toss|include|plus|
      need|get|buy|and|also|write|jot down|note))\s+(.+)$`));
    if (verb) return { payload: verb[1]!, explicit: true };
    if (!/^(?:add|put|write)$/.test(body)) return { payload: body, explicit: true };
  }
  m = t.match(/^(?:add|ad|addd|include|plus|\+)\s+(.+)$/)
    ?? t.match(new RegExp(wordList`^(?:(?:i|we|i'll|we'll|also|and)\s+)*(?:need to get|need to buy|need to grab|need to pick up|
      need some|need more|needs|need|gotta get|got to get|have to get|should get|should buy|want to get|wanna get|could use|
      still need)\s+(.+)$`))
    ?? t.match(new RegExp(wordList`^(?:(?:we're|we are|were|we r|i'm|im|i am|we|i|also)\s+)?(?:out of|low on|running low on|
      running out of|almost out of|nearly out of|all out of|outta|ran out of)\s+(.+)$`))
    ?? t.match(/^(?:buy|get|grab|pick up|pickup|purchase)\s+(.+)$/);
  if (m) return { payload: m[1]!, explicit: false };
  return null;
}

export function items(payload: string): ParsedItem[] | null {
  let text = stripPoliteness(payload.replace(STORE_SUFFIX, '')).replace(STORE_SUFFIX, '');
  // "cilantro for tacos": the purpose is not part of the item's name (unless nothing else is left).
  const withoutPurpose = text.replace(/\s+for\s+(?:the\s+|my\s+|our\s+|a\s+)?[a-z' ]+$/, '');
  if (withoutPurpose && !NOT_ITEMS.test(withoutPurpose)) text = withoutPurpose;
  if (!text || NOT_ITEMS.test(text)) return null;
  const parsed = splitItems(text).flatMap(splitRun).map(parseItem).filter((i): i is ParsedItem => i !== null);
  return parsed.length ? parsed : null;
}

/** "lemons limes cilantro" without commas: split only when every word is an item of its own. */
function splitRun(part: string): string[] {
  const words = part.split(' ');
  if (words.length < 2 || isKnownItem(part) || /\d/.test(part)) return [part];
  return words.every((w) => isKnownItem(w)) ? words : [part];
}

export function names(payload: string): string[] | null {
  const text = stripPoliteness(payload).replace(/\s+(?:any ?more|already|now|too)$/, '');
  if (!text || NOT_ITEMS.test(text)) return null;
  const list = splitItems(text).map((p) => parseItem(p)?.name).filter((n): n is string => Boolean(n));
  return list.length ? list : null;
}

const clean = (input: RuleInput) => stripPoliteness(cleanText(input.raw));

/**
 * Emoji are dropped before the rules read a message ("add milk 🥛"), yet an emoji can be an item of its own
 * ("add 🍎", "remove 🍎"): the message is read again with its emoji, and that reading wins when it names one.
 */
function withEmojiItems(input: RuleInput, read: (t: string) => Understanding | null): Understanding | null {
  const plain = read(clean(input));
  if (!emojiOf(input.raw)) return plain;
  const withEmoji = read(stripPoliteness(cleanText(input.raw, { keepEmoji: true })));
  return withEmoji && namedItems(withEmoji).some(isEmojiName) ? withEmoji : plain;
}

function namedItems(u: Understanding): string[] {
  if (u.kind !== 'tools') return [];
  return u.calls.flatMap(({ args }) => {
    const { items, names } = args as { items?: { name: string }[]; names?: string[] };
    return [...(items ?? []).map((i) => i.name), ...(names ?? [])];
  });
}

const lastWasGrocery = (ctx: UnderstandContext) =>
  Array.isArray(ctx.lastToolResult) && ctx.lastToolResult.some((r: { tool?: string }) => r?.tool?.startsWith('grocery.'));

const CLEAR_CHECKED = new RegExp(wordList`^(?:clear|remove|delete|clean|clean up|wipe|purge|trash|get rid of|
  erase)\s+(?:out\s+)?(?:all\s+)?(?:the\s+|my\s+)?(?:checked|checked off|checked-off|ticked|ticked off|done|completed|bought|
  crossed off|crossed out|purchased|finished|got)(?:\s+(?:off|out))?(?:\s+(?:items?|ones|stuff|things|groceries))?(?:\s+(?:from|
  off|on)\s+${LIST})?$|^clean up ${LIST}$|^(?:clear|remove|delete|clean|wipe|
  get rid of)\s+(?:out\s+)?(?:all\s+)?(?:the\s+)?(?:stuff|things|items|ones|groceries)\s+(?:that\s+)?(?:i|we)\s+(?:already\s+|
  just\s+)?(?:got|bought|checked off|ticked off|picked up|grabbed|have)(?:\s+(?:from|off|on)\s+${LIST})?$`);
const CLEAR_ALL = new RegExp(wordList`^(?:clear|empty|wipe|reset|delete|erase|trash|clean out|clear out|wipe out|nuke|scrap|
  start over)\s+(?:out\s+)?(?:the\s+|my\s+|our\s+)?(?:whole\s+|entire\s+|full\s+)?(?:grocery\s+|shopping\s+)?(?:list|
  cart)(?:\s+out)?$|^(?:clear|delete|remove|erase|empty)\s+(?:all|everything|all items|all the items|every item|it all|
  all of it)(?:\s+(?:from|on|off)\s+${LIST})?$|^start (?:a )?(?:new|fresh) (?:grocery |shopping )?list$`);
const SHOW = new RegExp(wordList`^(?:(?:what'?s|whats|wats|wuts|what is|what are|show|show me|view|see|send|send me|text me|read|
  read me|give me|display|check|open|pull up|lemme see|let me see|can i see|can i get|print|get|current|full|entire|
  whole)\s+)*(?:(?:on|in)\s+)?${LIST}(?:\s+(?:now|again|so far))?$|^(?:what|wat|wut)\s+(?:do|does|should|else do)\s+(?:i|
  we)\s+(?:need|have to|gotta|still need)(?:\s+to)?(?:\s+(?:get|buy|pick up|grab))?(?:\s+(?:from|at)\s+(?:the\s+)?(?:store|shop|
  supermarket|grocery store))?$|^(?:show|list|see|view|what are)\s+(?:me\s+)?(?:my |the |our )?(?:groceries|grocery items|grocery|
  shopping)$|^(?:grocery|groceries|list)$|^what'?s left(?: on ${LIST})?(?: to (?:get|buy))?$|^what (?:groceries|items) do (?:i|
  we) need$`);
const CHECK_ALL = new RegExp(wordList`^(?:(?:(?:i |we )?(?:just )?(?:got|bought|grabbed|picked up)\s+(?:everything|it all|
  all of it|all the groceries|the groceries|groceries|all of them|all the stuff|the lot)|(?:check|tick|cross|
  mark)\s+(?:off\s+)?(?:everything|all|all items|it all)(?:\s+off)?(?:\s+(?:as )?done)?)(?:\s+(?:on|from|off)\s+${LIST})?|
  done shopping|finished shopping)$`);
const REMOVE_SUFFIXED = new RegExp(wordList`^(?:remove|delete|del|take|scratch|drop|erase|rm|nix|get)\s+(.+?)\s+(?:off|from|
  out of|off of)\s+${LIST}$|^(?:take|scratch|knock)\s+(.+?)\s+off$`);
const REMOVE = new RegExp(wordList`^(?:remove|delete|del|drop|nix|take off|take out|erase|rm|scratch)\s+(.+)$|^(?:(?:i|
  we)\s+)?(?:don't|dont|do not|no longer|don't even|doesn't|dont even) need\s+(?:the\s+|any\s+)?(.+)$|^(?:no more|
  never ?mind(?: the)?|nvm(?: the)?|forget(?: about)? the|skip(?: the)?)\s+(.+)$|^(?:we|i) (?:already )?(?:have|
  got) (.+?) already$|^(?:we|i) already (?:have|got) (.+)$`);
const CHECK_SUFFIXED = new RegExp(wordList`^(?:cross|check|tick|strike|mark)\s+(.+?)\s+off(?:\s+${LIST})?$|
  ^(?:mark)\s+(.+?)\s+(?:as\s+)?(?:done|bought|got|purchased|complete|completed|checked)$`);
const CHECK = new RegExp(wordList`^(?:(?:i|we)\s+)?(?:just\s+|already\s+)?(?:got|gotten|bought|buyed|picked up|grabbed|purchased|
  found|check off|checkoff|check|tick off|tick|cross off|crossed off|strike|mark off|done with)\s+(.+?)(?:\s+(?:off|
  from)\s+${LIST})?$|^(.+?)\s+(?:done|bought|got it|gotten|purchased|checked|checked off|in the cart|in cart|is done|are done|
  in basket)$`);

function matchClear(input: RuleInput): Understanding | null {
  const t = clean(input);
  if (CLEAR_CHECKED.test(t)) return toolCall('grocery.clear', { scope: 'checked', confirmed: false });
  if (CLEAR_ALL.test(t)) return toolCall('grocery.clear', { scope: 'all', confirmed: false });
  return null;
}

function matchShow(input: RuleInput): Understanding | null {
  return SHOW.test(clean(input)) ? toolCall('grocery.list', {}) : null;
}

function matchRemove(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  return withEmojiItems(input, (t) => readRemove(t, ctx));
}

function readRemove(t: string, ctx: UnderstandContext): Understanding | null {
  const suffixed = t.match(REMOVE_SUFFIXED);
  const m = suffixed ?? (NOT_GROCERY.test(t) ? null : t.match(REMOVE));
  const payload = m?.slice(1).find(Boolean);
  const list = payload ? names(payload) : null;
  if (!list || (!suffixed && /^(?:last|my last|the last|that|this)\b/.test(payload!))) return null;
  // "delete 2" refers to whatever was listed last: only ours when the last answer was the grocery list.
  if (!suffixed && /^(?:#|no\.?\s*|number\s+)?\d+(?:\s*(?:,|and|&)\s*#?\d+)*$/.test(payload!) && !lastWasGrocery(ctx)) return null;
  return toolCall('grocery.remove', { names: list });
}

function matchCheck(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  return withEmojiItems(input, (t) => readCheck(t, ctx));
}

function readCheck(t: string, ctx: UnderstandContext): Understanding | null {
  if (CHECK_ALL.test(t) || (lastWasGrocery(ctx) && /^(?:all done|got (?:them|em|'em|those) all|got all)$/.test(t))) {
    return toolCall('grocery.check', { names: [], all: true });
  }
  if (NOT_GROCERY.test(t) && !CHECK_SUFFIXED.test(t)) return null;
  const m = t.match(CHECK_SUFFIXED) ?? t.match(CHECK);
  const payload = m?.slice(1).find(Boolean);
  // "mark call mom as done" is a reminder (a task), not an item on the list.
  if (payload && /^mark\b/.test(t) && TASK_VERB.test(payload)) return null;
  const list = payload ? names(payload) : null;
  return list ? toolCall('grocery.check', { names: list }) : null;
}

/** "how do i add something to my list" asks how, it adds nothing. */
const QUESTION = /^(?:how|what|why|where|when|who|do i|does|did i|should i)\b/;

function matchAdd(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  if (NOTHING_NAMED.test(clean(input))) return clarify('grocery.add', {}, ITEMS_MISSING, ITEMS_QUESTION, ctx.now);
  return withEmojiItems(input, (t) => readAdd(t.replace(PURPOSE_SUFFIX, '')));
}

/** "add to the shopping list", "add something to my list": the list is named but nothing to put on it. */
const NOTHING_NAMED = new RegExp(wordList`^(?:add|put|write|stick|pop)(?: (?:something|some stuff|stuff|things|some things|an item|
  items|it|this|that))? (?:to|on|onto|in) ${LIST}$`);
export const ITEMS_MISSING = 'items';
const ITEMS_QUESTION = 'What should I add to your list?';

/** The answer to "What should I add to your list?": the items it names; anything else is a new request. */
export function resumeItems(answer: string): Understanding | null {
  const parsed = items(stripPoliteness(cleanText(answer)));
  return parsed ? toolCall('grocery.add', { items: parsed }) : null;
}

function readAdd(t: string): Understanding | null {
  if (QUESTION.test(t)) return null;
  const found = addPayload(t);
  if (!found) return null;
  if (/\bremind/.test(t) || (!found.explicit && notAnItemRequest(t, found.payload))) return null;
  const parsed = items(found.payload);
  return parsed ? toolCall('grocery.add', { items: parsed }) : null;
}

/**
 * Without a list named, times in words count ("need a jacket after ten am"), and "get me…" asks Errand to fetch
 * something ("get me an uber", "get me takeaway food") rather than to note it.
 */
function notAnItemRequest(t: string, payload: string): boolean {
  return NOT_GROCERY.test(t) || NOT_GROCERY.test(normalizeText(t)) || CLOCK_IN_WORDS.test(t) || /^me\b/.test(payload);
}

const CLOCK_IN_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: thirty| fifteen| forty five)? ?[ap]\.?m\b/;

/** A bare "milk" or "eggs and bread": only when every item is a known grocery. */
function matchBare(input: RuleInput): Understanding | null {
  const t = clean(input);
  if (NOT_GROCERY.test(t) || t.length > 120 || /^\d+(?:[.,]\d+)?$/.test(t)) return null;
  let parsed = splitItems(t).map(parseItem);
  if (parsed.length === 1 && parsed[0] && !isKnownItem(parsed[0].name) && !/\d/.test(t)) {
    parsed = t.split(' ').map(parseItem);
  }
  if (!parsed.length || parsed.length > 12 || parsed.some((i) => !i || !isKnownItem(i.name))) return null;
  return toolCall('grocery.add', { items: parsed });
}

export const groceryRules: Rule[] = [
  { name: 'grocery-clear', match: matchClear },
  { name: 'grocery-show', match: matchShow },
  { name: 'grocery-check', match: matchCheck },
  { name: 'grocery-remove', match: matchRemove },
  { name: 'grocery-add', match: matchAdd },
  { name: 'grocery-bare-items', match: matchBare },
];
