/** Helpers for the words people use to name things: stored wording, and finding a row by a few of its words. */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rules match on normalized (lowercase) text; this finds the same phrase in the raw message to keep the
 * sender's capitals ("Joe's Cafe"). Falls back to the normalized phrase when texting shorthand was expanded.
 */
export function fromRaw(raw: string, phrase: string): string {
  if (!phrase) return phrase;
  const words = phrase.split(/\s+/).filter(Boolean).map(escape);
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s,.;:!?]+')}(?![\\p{L}\\p{N}])`, 'iu').exec(raw);
  return m ? m[0] : phrase;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

const STOP = new Set([
  'the', 'a', 'an', 'my', 'to', 'for', 'of', 'on', 'at', 'in', 'with', 'and', 'about', 'that', 'this', 'me', 'i',
  'reminder', 'reminders', 'event', 'events', 'appointment', 'calendar', 'from', 'one', 'please', 'thing', 'your',
]);

export function keywords(text: string): string[] {
  return text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/).filter((w) => w && !STOP.has(w));
}

/** True when every keyword of the query starts some word of the haystack ("dentist" matches "Dentist appt"). */
export function matchesWords(haystack: string, query: string[]): boolean {
  if (!query.length) return false;
  const words = haystack.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/);
  return query.every((q) => words.some((w) => w.startsWith(q) || (q.length > 3 && q.startsWith(w) && w.length > 3)));
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
