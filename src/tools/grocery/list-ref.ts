import { isGroceryListName } from './list-names.js';

/** Which list a phrase names: `list` null is the grocery list. */
export interface ListRef {
  list: string | null;
}

const LEADING = /^(?:(?:my|the|our|a|an|this|that|your|me|da|teh|new|whole|entire|current|full)\s+)*/;
/** Words a list's own name never holds: a phrase with one is a sentence around "list", not a list's name. */
const NOT_NAME = new Set(`my the our a an to on in into onto from of off and or this that your for with at it its is are was what
  whats what's i me you we do did have has not no any all every remove add delete show put`.split(/\s+/));

/** "to do", "todo", "to-do" read alike, as do "hardware-store" and "hardware store" (one stored key). */
export function withListSpellings(text: string): string {
  return text.replace(/\b(?:to[ -]?do|2do|todo)(?=\s+lists?\b)/g, 'to-do');
}

/** "my to-do list" → to-do; "the shopping list", "my list", "groceries" → the grocery list; anything else → null. */
export function readListRef(phrase: string): ListRef | null {
  const text = withListSpellings(phrase.trim());
  if (/^(?:(?:the|my|our)\s+)?(?:groceries|grocery|shopping|cart)$/.test(text)) return { list: null };
  const m = /^(.*?)\s*\blist$/.exec(text);
  if (!m) return null;
  const name = `${m[1]} `.replace(LEADING, '').trim();
  if (!name) return { list: null };
  const words = name.split(/\s+/);
  if (words.length > 3 || words.some((w) => NOT_NAME.has(w)) || /^\d/.test(name)) return null;
  return isGroceryListName(name) ? { list: null } : { list: name };
}

/**
 * "call the plumber to my to-do list" → the item part and the list named after one of `joins` ("to", "on", …).
 * Each place the join word appears is tried from the left, so "go to the bank to my to-do list" splits at the last "to".
 */
export function splitAtList(body: string, joins: readonly string[]): { payload: string; ref: ListRef } | null {
  const words = body.split(' ');
  for (let i = 1; i < words.length - 1; i++) {
    if (!joins.includes(words[i]!)) continue;
    const ref = readListRef(words.slice(i + 1).join(' '));
    if (ref) return { payload: words.slice(0, i).join(' '), ref };
  }
  return null;
}
