import { REAL_WORDS_NEAR_DOMAIN_WORDS } from './typos.real-words.js';

/** The words the rules key on. A text that misspells one by a single slip ("remnid", "grocry", "alrm") is read as meant. */
export const DOMAIN_WORDS = `remind reminder reminders alarm alarms calendar schedule appointment appointments meeting meetings
  event events grocery groceries shopping list tomorrow tonight morning evening afternoon monday tuesday wednesday thursday friday
  saturday sunday expense expenses spent delete cancel remove birthday minutes hours weekend budget`.trim().split(/\s+/);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one slip away from `word`: a letter dropped, two neighbours swapped, one changed or one added. */
export function oneSlipFrom(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

let corrections: Map<string, string> | undefined;

/**
 * Misspelling → meant word, for slips that are not English words themselves ("chopping", "remote" and "cancer" stay
 * as written; the list of those is generated from a dictionary by `npm run train:typos`). A slip two domain words
 * share is left alone.
 */
function correctionsMap(): Map<string, string> {
  const real = new Set(REAL_WORDS_NEAR_DOMAIN_WORDS);
  const domain = new Set(DOMAIN_WORDS);
  const found = new Map<string, string | null>();
  for (const word of DOMAIN_WORDS) {
    for (const slip of oneSlipFrom(word)) {
      if (slip.length < 4 || domain.has(slip) || real.has(slip)) continue;
      found.set(slip, found.has(slip) && found.get(slip) !== word ? null : word);
    }
  }
  return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The domain word a lower-case token misspells, or the token itself. */
export function correctTypo(token: string): string {
  corrections ??= correctionsMap();
  return corrections.get(token) ?? token;
}
