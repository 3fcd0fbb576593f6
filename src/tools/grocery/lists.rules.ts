import { clarify, toolCall, type Rule, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { stripPoliteness, wordsToNumber } from '../../understanding/words.js';
import { wordList } from '../../understanding/pattern.js';
import { isQuestion } from '../../understanding/gate.js';
import { isKnownItem } from './grocery.categories.js';
import { parseItem, UNITS } from './grocery.parse.js';
import { items, names, NOT_GROCERY } from './grocery.rules.js';
import { isTaskList } from './list-names.js';
import { readListRef, splitAtList, withListSpellings, type ListRef } from './list-ref.js';

/** "… to my to-do list for today": when is not part of which list (a named list has no date). */
const LIST_WHEN = /(\blist)\s+(?:for |from |by |on )?(?:today|tonight|tomorrow|this week|this weekend|next week)$/;
const LEADING_ASK = /^(?:(?:hey|ok|so|and|can you|could you|will you|would you|please|pls|just)\s+)+/;

const text = (input: RuleInput) =>
  withListSpellings(stripPoliteness(input.text)).replace(/[?.!]+$/, '').replace(LEADING_ASK, '').replace(LIST_WHEN, '$1').trim();
const onList = (ref: ListRef) => (ref.list ? { list: ref.list } : {});

/** To-do items are tasks, kept whole ("call mom and dad"); other lists split like groceries ("sunscreen and towels"). */
function listItems(payload: string, list: string): object[] | null {
  if (!isTaskList(list)) return items(payload);
  const tasks = payload.split(/\s*[,;\n]\s*/).map((t) => t.replace(/^(?:to|that i need to|i need to)\s+/, '').trim()).filter(Boolean);
  return tasks.length ? tasks.map((name) => ({ name, quantity: null, unit: null, category: 'other' })) : null;
}

const ADD_VERB = new RegExp(wordList`^(?:(?:can you |could you |please |pls |also |and )*)(?:add|ad|put|throw|stick|pop|toss|include|
  write|write down|jot down|note|tack on|place)\s+(.+)$`);

/** "packing list: passport", "to-do list add call mom", "add to my to-do list call the plumber". */
const LIST_FIRST = /^(?:add\s+(?:to|on|onto)\s+)?(.+?\blist)\s*(?::|-|\badd\b)\s*(.+)$/;
const ADD_TO_LIST_FIRST = /^add\s+(?:to|on|onto)\s+(.+?\blist)\s+(.+)$/;

/** "add call the plumber to my to-do list", "put sunscreen on the packing list", "packing list: towels". */
function matchAdd(input: RuleInput): Understanding | null {
  const t = text(input);
  if (isQuestion(t, input.raw) || /\bremind/.test(t)) return null;
  let found: { payload: string; ref: ListRef } | null = null;
  const verb = ADD_VERB.exec(t);
  if (verb) found = splitAtList(verb[1]!, ['to', 'on', 'onto', 'in', 'into']);
  const lead = LIST_FIRST.exec(t) ?? ADD_TO_LIST_FIRST.exec(t);
  if (!found && lead) {
    const ref = readListRef(lead[1]!);
    if (ref) found = { payload: lead[2]!, ref };
  }
  if (!found?.ref.list) return null;
  const parsed = listItems(found.payload, found.ref.list);
  return parsed ? toolCall('grocery.add', { items: parsed, list: found.ref.list }) : null;
}

const SHOW = new RegExp(wordList`^(?:(?:what'?s|whats|what is|what are|what do i have|what have i got|show|show me|view|see|send|
  send me|text me|read|read me|give me|display|check|open|pull up|lemme see|let me see|can i see|tell me|tell me what'?s|
  get|list)\s+)*(?:(?:on|in)\s+)?(.+?\blist)(?:\s+(?:now|again|so far|say|look like|looks like))?$`);

/** "what's on my packing list", "show my to-do list", "to-do list". */
function matchShow(input: RuleInput): Understanding | null {
  const m = SHOW.exec(text(input));
  const ref = m ? readListRef(m[1]!) : null;
  return ref?.list ? toolCall('grocery.list', { list: ref.list }) : null;
}

const ALL_LISTS = new RegExp(wordList`^(?:(?:what|which) (?:are|r|is) (?:all )?(?:of )?my lists|what're my lists|
  (?:show|read|list|tell|give|send|text)(?: me| us)?(?: what are)? (?:all )?(?:of )?(?:my|the|our) lists|
  (?:see|view|open|check) (?:all )?(?:of )?(?:my|the) lists|(?:my|all my|all) lists|what lists do i have|
  (?:which|what|how many) lists (?:do i have|have i got|are there|i have)|what lists (?:are there|have i got))$`);

function matchAllLists(input: RuleInput): Understanding | null {
  return ALL_LISTS.test(text(input)) ? toolCall('lists.all', {}) : null;
}

const NEED = new RegExp(wordList`^(?:do|did)\s+(?:i|we)\s+(?:still\s+)?(?:need|need to (?:buy|get|pick up)|have to (?:buy|get))\s+
  (?:any\s+|more\s+|some\s+)?(.+)$`);

/** "is milk on my shopping list", "is sunscreen on the packing list", "do I need eggs": a question, never a write. */
function matchHas(input: RuleInput): Understanding | null {
  const t = text(input);
  const asked = /^(?:is|are|r|was|were)\s+(?:there\s+)?(?:any\s+|some\s+)?(.+)$/.exec(t)
    ?? /^(?:do|did|have)\s+(?:i|we)\s+(?:already\s+)?(?:have|put|add|added|got|write|written)\s+(.+)$/.exec(t);
  if (asked) {
    const split = splitAtList(asked[1]!, ['on', 'in', 'to']);
    const name = split ? names(split.payload)?.[0] : null;
    return split && name ? toolCall('grocery.has', { name, ...onList(split.ref) }) : null;
  }
  const need = NEED.exec(t);
  const name = need && !NOT_GROCERY.test(t) ? parseItem(need[1]!)?.name : null;
  return name && isKnownItem(name) ? toolCall('grocery.has', { name }) : null;
}

const CREATE = new RegExp(wordList`^(?:create|make|start|set up|setup|begin|new)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|another\s+)?
  (?:new\s+)?(?:list\s+(?:for|called|named|of)\s+(.+)|(.+?\blist))$`);

const BARE_CREATE = /^(?:create|make|start|set up|begin)\s+(?:me\s+)?(?:a\s+)?(?:new\s+|another\s+)?list$/;
export const LIST_NAME_MISSING = 'list name';
const NAME_QUESTION = 'What should I call the new list — packing, to-do…?';

/** "packing", "the to-do one": the name asked for by "What should I call the new list?". */
export function resumeListName(answer: string): Understanding | null {
  const said = withListSpellings(answer.replace(/[?.!]+$/, '').replace(/\s+(?:one|list)$/, '').trim());
  const name = readListRef(`${said} list`)?.list;
  return name ? toolCall('lists.create', { name }) : null;
}

/** "create a new list for packing", "make a packing list": an empty named list. */
function matchCreate(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const t = text(input).replace(/^(?:by |for )?(?:today|tonight|tomorrow)\s+/, '');
  if (isQuestion(t, input.raw)) return null;
  if (BARE_CREATE.test(t)) return clarify('lists.create', {}, LIST_NAME_MISSING, NAME_QUESTION, ctx.now);
  const m = CREATE.exec(t);
  if (!m) return null;
  const name = m[1] ? readListRef(`${m[1].replace(/\s+(?:items|things|stuff)$/, '')} list`)?.list : readListRef(m[2]!)?.list;
  return name ? toolCall('lists.create', { name }) : null;
}

const DELETE = new RegExp(wordList`^(?:delete|remove|get rid of|trash|scrap|erase|drop|throw away|throw out|destroy)\s+(.+?\blist)
  (?:\s+(?:entirely|completely|altogether))?$`);
const UNWANTED = /^(?:i|we)\s+(?:don't|dont|do not|no longer)\s+(?:want|need)\s+(this|that|the|my)\s+(.*?\blist)\s*(?:any ?more|now)?$/;

/** "delete my to-do list" (asks first); "I don't want this list any more" is the list just used. */
function matchDelete(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const t = text(input);
  const m = DELETE.exec(t);
  const ref = m ? readListRef(m[1]!) : null;
  if (ref?.list) return toolCall('lists.delete', { name: ref.list, confirmed: false });
  const unwanted = UNWANTED.exec(t);
  if (!unwanted) return null;
  const named = readListRef(`${unwanted[1]} ${unwanted[2]}`);
  const list = named?.list ?? (unwanted[2] === 'list' ? lastList(ctx) : null);
  if (list) return toolCall('lists.delete', { name: list, confirmed: false });
  // "this list" with no named list in view is the grocery list, which always stays: emptying it is what can be done.
  return unwanted[2] === 'list' || named ? toolCall('grocery.clear', { scope: 'all', confirmed: false }) : null;
}

/** The named list the last answer was about, from the conversation's last tool results. */
function lastList(ctx: UnderstandContext): string | null {
  const results = Array.isArray(ctx.lastToolResult) ? (ctx.lastToolResult as { tool?: string; data?: { list?: unknown } }[]) : [];
  const named = results.find((r) => r.tool?.startsWith('grocery.') && typeof r.data?.list === 'string');
  return (named?.data?.list as string | undefined) ?? null;
}

const CLEAR = /^(?:clear|empty|wipe|reset|clean out|clear out|wipe out|empty out)\s+(?:out\s+)?(.+?\blist)(?:\s+out)?$/;

function matchClear(input: RuleInput): Understanding | null {
  const m = CLEAR.exec(text(input));
  const ref = m ? readListRef(m[1]!) : null;
  return ref?.list ? toolCall('grocery.clear', { scope: 'all', confirmed: false, list: ref.list }) : null;
}

const CHECK = new RegExp(wordList`^(?:(?:cross|check|tick|mark|strike)\s+off|(?:i\s+)?(?:finished|did|packed|got|bought|completed|
  done with))\s+(.+)$|^(?:cross|check|tick|mark|strike)\s+(.+?\s+off\s+.+)$|^mark\s+(.+?)\s+(?:as\s+)?(?:done|complete|completed|
  packed)\s+(?:on|in|from)\s+(.+)$`);
const REMOVE = new RegExp(wordList`^(?:remove|delete|del|take|take off|take out|scratch|drop|erase|cancel|cross out|strike out|
  scratch out|get rid of|rm|nix)\s+(.+)$`);

/** "cross off sunscreen on the packing list", "check off call the plumber from my to-do list". */
function matchCheck(input: RuleInput): Understanding | null {
  const t = text(input);
  const m = CHECK.exec(t);
  if (!m) return null;
  if (m[3]) return named('grocery.check', m[3], readListRef(m[4]!));
  const split = splitAtList(m[1] ?? m[2]!, ['on', 'from', 'off', 'in', 'of']);
  return split ? named('grocery.check', split.payload, split.ref) : null;
}

const FIND_AND_REMOVE = new RegExp(wordList`^(?:find|open|get|pull up|go to|check)\s+(.*?\blist)\s+(?:and|&|then)\s+(?:remove|delete|
  take off|cross off|drop|take out)\s+(.+)$`);

const UNWANTED_ITEM = /^(?:i|we)\s+(?:don't|dont|do not)\s+want\s+(?:the\s+|any\s+|those\s+|these\s+)?(.+?)(\s+any ?more)?$/;

/** "remove call the plumber from my to-do list", "cancel the milk from the shopping list", "cross out bread from shopping list". */
function matchRemove(input: RuleInput): Understanding | null {
  const t = text(input);
  const m = REMOVE.exec(t);
  const split = m ? splitAtList(m[1]!, ['from', 'off', 'on', 'in', 'of']) : null;
  if (split) return split.ref.list ? named('grocery.remove', split.payload, split.ref) : groceryRemove(split.payload);
  const find = FIND_AND_REMOVE.exec(t);
  if (find) {
    const ref = readListRef(find[1]!);
    return ref ? (ref.list ? named('grocery.remove', find[2]!, ref) : groceryRemove(find[2]!)) : null;
  }
  const unwanted = UNWANTED_ITEM.exec(t);
  if (!unwanted || /^(?:to|this|that|it|them|my|the)\b|\blist\b/.test(unwanted[1]!) || NOT_GROCERY.test(t)) return null;
  // "i don't want eggs any more" is about the list; "i don't want eggs" only when eggs are groceries.
  return unwanted[2] || isKnownItem(parseItem(unwanted[1]!)?.name ?? '') ? groceryRemove(unwanted[1]!) : null;
}

function groceryRemove(payload: string): Understanding | null {
  const list = names(payload);
  return list ? toolCall('grocery.remove', { names: list }) : null;
}

function named(tool: string, payload: string, ref: ListRef | null): Understanding | null {
  if (!ref?.list) return null;
  const list = isTaskList(ref.list) ? [payload.replace(/^the\s+/, '')] : names(payload);
  return list?.length ? toolCall(tool, { names: list, list: ref.list }) : null;
}

const CORRECT = new RegExp(wordList`^(?:(?:actually|oops|sorry|no|nope|wait|oh|ah|hmm|um|i mean|i meant|sorry i meant)[, ]+)*
  (?:make (?:that|it)|change (?:that|it)(?: to)?|update (?:that|it) to|i meant|i mean|(?:it|that) should be|should be|make it)
  \s+(\d+(?:\.\d+)?|[a-z]+(?:[ -][a-z]+)?)(?:\s+([a-z]+(?:\s+[a-z]+)*))?(?:\s+instead)?$`);

/** "actually make that 4 cans" right after adding one item: that item's quantity (and unit). */
function matchCorrect(input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const itemId = lastAddedItem(ctx);
  if (itemId === null) return null;
  const t = text(input);
  const m = CORRECT.exec(t);
  // "make it 7 pm" changes a time, not a quantity.
  if (!m || NOT_GROCERY.test(t) || /\b(?:am|pm|a\.m|p\.m)\b/.test(t)) return null;
  const quantity = /^\d/.test(m[1]!) ? Number(m[1]) : wordsToNumber(m[1]!);
  if (quantity === null || !(quantity > 0)) return null;
  const rest = (m[2] ?? '').split(' ').filter(Boolean);
  const unit = rest.length ? UNITS[rest[0]!] : undefined;
  if (rest.length && !unit && rest.length > 3) return null;
  return toolCall('grocery.correct', { itemId, quantity, ...(unit ? { unit } : {}) });
}

/** The one item the last answer added, when it added exactly one. */
function lastAddedItem(ctx: UnderstandContext): number | null {
  const results = Array.isArray(ctx.lastToolResult) ? (ctx.lastToolResult as { tool?: string; data?: { itemIds?: unknown } }[]) : [];
  const added = results.filter((r) => r.tool === 'grocery.add' || r.tool === 'grocery.correct');
  const ids = added.flatMap((r) => (Array.isArray(r.data?.itemIds) ? (r.data.itemIds as number[]) : []));
  return added.length === 1 && ids.length === 1 ? ids[0]! : null;
}

/** Before the grocery rules: these name a list of their own, ask a question, or correct what was just added. */
export const listRules: Rule[] = [
  { name: 'lists-correct', match: matchCorrect },
  { name: 'lists-has', match: matchHas },
  { name: 'lists-all', match: matchAllLists },
  { name: 'lists-create', match: matchCreate },
  { name: 'lists-delete', match: matchDelete },
  { name: 'lists-clear', match: matchClear },
  { name: 'lists-show', match: matchShow },
  { name: 'lists-check', match: matchCheck },
  { name: 'lists-remove', match: matchRemove },
  { name: 'lists-add', match: matchAdd },
];
