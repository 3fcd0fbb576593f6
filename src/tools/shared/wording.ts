import { parseWhen } from '../../understanding/dates.js';
import type { UnderstandContext } from '../../understanding/types.js';
import { trimFillers } from '../../understanding/wording.js';

/** The object without its undefined fields: tool arguments carry only what was said. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Nouns that name no particular row: "my 3pm meeting" is picked by its time. */
const GENERIC = /^(?:meeting|appointment|appt|event|thing|one|reminder|call)?$/;

/** "friday's lunch" / "the meeting on thursday" / "my 3pm" → words plus the local date and time they are at. */
export function wordsAndDate(phrase: string, ctx: UnderstandContext): { words?: string; onDate?: string; atTime?: string } {
  const plain = phrase.replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)'s\b/g, '$1');
  const when = parseWhen(plain, ctx, { dateDecidedElsewhere: true });
  if (!when.date && !when.time) return { words: phrase };
  const words = trimFillers(when.rest, /^(?:on|at|for|the|my)\b\s*/, /\s*\b(?:on|at|for|the|from)$/);
  return compact({ words: GENERIC.test(words) ? undefined : words, onDate: when.date, atTime: when.time });
}
