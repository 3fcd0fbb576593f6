import { foldedWords, writtenWithoutSpaces } from './fold.js';
import { normalizeText } from './normalize.js';

/** Helpers for the words people use to name things: stored wording, and finding a row by a few of its words. */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Texting shorthand that reads better expanded in a stored title ("w/" → "with"); other words keep the sender's spelling. */
const EXPAND = new Set(['w', 'w/', 'appt', 'apt', 'bday', 'mtg', 'mtng', 'u', 'ur', 'b4', 'pls', 'plz', 'n', 'tmrw', '2moro', 'tonite', '2nite']);

/**
 * Rules match on normalized (lowercase, shorthand-expanded) text; this finds the same phrase in the raw message
 * to keep the sender's own words and capitals ("Joe's Cafe", "HR"), word by word.
 */
export function fromRaw(raw: string, phrase: string): string {
  if (!phrase) return phrase;
  const words = phrase.split(/\s+/).filter(Boolean).map(escape);
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s,.;:!?]+')}(?![\\p{L}\\p{N}])`, 'iu').exec(raw);
  return m ? m[0] : (aligned(raw, phrase) ?? phrase);
}

/** Word-by-word, skipping raw words that were cut out (dates between title words: "meeting tomorrow 3pm with HR"). */
function aligned(raw: string, phrase: string): string | null {
  const target = phrase.split(/\s+/);
  const tokens = raw.split(/\s+/).filter(Boolean).map((t) => ({ raw: t.replace(/[,.;:!?]+$/, ''), norm: normalizeText(t).split(/\s+/).filter(Boolean) }));
  const out: string[] = [];
  let k = 0;
  for (const t of tokens) {
    if (k === target.length) break;
    if (!t.norm.length || t.norm.some((w, x) => target[k + x] !== w)) continue;
    k += t.norm.length;
    out.push(EXPAND.has(t.raw.toLowerCase()) ? t.norm.join(' ') : t.raw);
  }
  return k === target.length ? out.join(' ') : null;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

const STOP = new Set([
  'the', 'a', 'an', 'my', 'to', 'for', 'of', 'on', 'at', 'in', 'with', 'and', 'about', 'that', 'this', 'me', 'i',
  'reminder', 'reminders', 'event', 'events', 'appointment', 'calendar', 'from', 'one', 'please', 'thing', 'your',
]);

export function keywords(text: string): string[] {
  return foldedWords(text).filter((w) => !STOP.has(w));
}

/**
 * True when every keyword of the query starts some word of the haystack ("dentist" matches "Dentist appt"),
 * or, in a script written without spaces, appears inside one ("牛奶" in "买牛奶").
 */
export function matchesWords(haystack: string, query: string[]): boolean {
  if (!query.length) return false;
  const words = foldedWords(haystack);
  return query.every((q) => words.some((w) => wordMatches(w, q)));
}

function wordMatches(word: string, q: string): boolean {
  return word.startsWith(q) || (q.length > 3 && q.startsWith(word) && word.length > 3) || (writtenWithoutSpaces(q) && word.includes(q));
}

/** Removes leading and trailing filler words left over once the date words are cut out. */
export function trimFillers(text: string, leading: RegExp, trailing: RegExp): string {
  let t = text.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(leading, '').replace(trailing, '').replace(/^[\s,:;-]+|[\s,:;-]+$/g, '').trim();
  }
  return t;
}
