/** What a case expects, in terms the judge can check against stored rows. */

/** The kinds of stored rows a snapshot tells apart (see snapshot.ts for how dump keys map to them). */
export type RowKind = 'reminder' | 'event' | 'list' | 'expense' | 'settings' | 'other';

/**
 * create: a new row of one of `kinds`; query: nothing changed and a real answer; remove: a row of `kinds` gone
 * (or cancelled / checked off) or a YES/NO asked; change: a row of `kinds` edited in place; none: nothing changed.
 */
export type Act = 'create' | 'query' | 'remove' | 'change' | 'none';

export interface Expectation {
  act: Act;
  kinds: RowKind[];
}

/** The details a case's text gives; only what is set is scored (SLOT). */
export interface ExpectedSlots {
  /** Local wall-clock date "YYYY-MM-DD" of the stored time (due, start), or "YYYY-MM-DD HH:mm" with the time. */
  at?: string;
  /** The hour of `at` is compared modulo 12 (the text gave no am/pm and nothing that settles it). */
  hourMod12?: boolean;
  /** Content words the stored title / item / reminder text must contain. */
  words?: string;
  /** Several items added at once: each one's content words must be found among the added rows. */
  items?: string[];
  /** Exact decimal amount of a logged expense ("12.50"). */
  amount?: string;
}

export interface EvalCase {
  /** Stable id: "slurp:13804", "texting-dev:041". */
  id: string;
  text: string;
  /** The label the per-intent table groups by. */
  intent: string;
  expect: Expectation;
  /** The text lacks a needed detail: a clarifying question (nothing stored) also counts as ACT. */
  clarifyOk?: boolean;
  /**
   * A remove whose target the seeded user may not have (SLURP's "remove pepper from my grocery list"): running the
   * right kind's removing tool without a match ("pepper isn't on your list") also counts as ACT.
   */
  targetMayBeAbsent?: boolean;
  slots?: ExpectedSlots;
}

const create = (...kinds: RowKind[]): Expectation => ({ act: 'create', kinds });
const remove = (...kinds: RowKind[]): Expectation => ({ act: 'remove', kinds });
const query: Expectation = { act: 'query', kinds: [] };

/** The labels used by the texting sets and what each expects. */
export const TEXTING_INTENTS = {
  reminder_set: create('reminder'),
  reminder_query: query,
  reminder_remove: remove('reminder'),
  alarm_set: create('reminder'),
  alarm_query: query,
  alarm_remove: remove('reminder'),
  calendar_set: create('event', 'reminder'),
  calendar_query: query,
  calendar_remove: remove('event', 'reminder'),
  calendar_change: { act: 'change', kinds: ['event', 'reminder'] },
  list_add: create('list'),
  list_query: query,
  list_remove: remove('list'),
  expense_log: create('expense'),
  expense_query: query,
  expense_budget: query,
  expense_undo: remove('expense'),
  settings_set: { act: 'change', kinds: ['settings'] },
  settings_query: query,
  help: query,
  oos: { act: 'none', kinds: [] },
} satisfies Record<string, Expectation>;

export type TextingIntent = keyof typeof TEXTING_INTENTS;

type Extra = ExpectedSlots & { clarify?: boolean };

/** Writes one labelled texting case; ids are given by position when the set is built. */
export function texting(intent: TextingIntent, text: string, extra: Extra = {}): Omit<EvalCase, 'id'> {
  const { clarify, ...slots } = extra;
  return {
    text,
    intent,
    expect: TEXTING_INTENTS[intent],
    ...(clarify ? { clarifyOk: true } : {}),
    ...(Object.keys(slots).length ? { slots } : {}),
  };
}

/** An out-of-scope text: nothing may be stored, changed or removed after it. Grouped as "oos:<category>". */
export function offTopic(category: string, text: string): Omit<EvalCase, 'id'> {
  return { text, intent: `oos:${category}`, expect: TEXTING_INTENTS.oos };
}

export function withIds(set: string, cases: Omit<EvalCase, 'id'>[]): EvalCase[] {
  return cases.map((c, i) => ({ id: `${set}:${String(i + 1).padStart(3, '0')}`, ...c }));
}
