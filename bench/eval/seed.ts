import type { EvalCase } from './cases.js';
import type { Snapshot } from './snapshot.js';

/**
 * Every case's user starts with a known state, sent as texts through the pipeline itself (no SQL) seven hours before
 * the case (03:00 in New York, the same local day), so the case opens a new conversation that remembers none of them.
 * Query, remove and change cases get the full seed (they name what is in it); create and out-of-scope cases get its
 * first two texts — one row of every kind, so a text that wrongly removes or edits something is caught too.
 */
export const CASE_AT = new Date('2026-11-30T15:00:00Z');
export const SEED_AT = new Date('2026-11-30T08:00:00Z');
export const ZONE = 'America/New_York';

export type SeedProfile = 'light' | 'full';

const LIGHT = [
  'schedule dentist appointment tomorrow at 3pm and remind me to call mom tomorrow at 6pm',
  'add milk, eggs, bread, bananas and coffee and spent 12.50 on lunch',
];

export const SEED_TEXTS: Record<SeedProfile, string[]> = {
  light: LIGHT,
  full: [
    ...LIGHT,
    'schedule lunch with Sam friday at 1pm and remind me to wake up tomorrow at 6:30am',
    'schedule team meeting friday at 10am and remind me to pay rent friday at 9am',
    'spent 40 on gas yesterday',
  ],
};

export function seedProfile(c: EvalCase): SeedProfile {
  return ['query', 'remove', 'change'].includes(c.expect.act) ? 'full' : 'light';
}

/** What each seed must have stored: [dump key, label field, labels]. */
const EXPECTED: Record<SeedProfile, [string, string, string[]][]> = {
  light: [
    ['events', 'title', ['Dentist appointment']],
    ['reminders', 'text', ['Call mom']],
    ['groceryItems', 'name', ['milk', 'eggs', 'bread', 'bananas', 'coffee']],
    ['expenses', 'description', ['lunch']],
  ],
  full: [
    ['events', 'title', ['Dentist appointment', 'Team meeting', 'Lunch with Sam']],
    ['reminders', 'text', ['Wake up', 'Call mom', 'Pay rent']],
    ['groceryItems', 'name', ['milk', 'eggs', 'bread', 'bananas', 'coffee']],
    ['expenses', 'description', ['gas', 'lunch']],
  ],
};

/** Why the seeded state is not the expected one, or null. */
export function seedProblem(profile: SeedProfile, snapshot: Snapshot): string | null {
  for (const [key, field, labels] of EXPECTED[profile]) {
    const have = (snapshot.rows[key] ?? []).map((r) => String(r[field]).toLowerCase()).sort();
    const want = labels.map((l) => l.toLowerCase()).sort();
    if (JSON.stringify(have) !== JSON.stringify(want)) return `${profile} seed stored ${key} ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`;
  }
  if (snapshot.pending) return `the ${profile} seed left a question open: ${snapshot.pending.question}`;
  return null;
}
