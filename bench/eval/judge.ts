import type { EvalCase, RowKind } from './cases.js';
import { slotMatches } from './slot-match.js';
import { diffSnapshots, isEmptyDiff, isRetired, kindOfKey, type Row, type Snapshot, type SnapshotDiff } from './snapshot.js';

/** What happened around one case's text. */
export interface Observation {
  reply: string;
  before: Snapshot;
  after: Snapshot;
  /** Tools the pipeline ran for the text (its agent log), e.g. ["calendar.delete"]. */
  tools: string[];
  /** The pipeline failed and apologised. */
  failed: boolean;
}

/** Errand's generic replies, read from the code (pipeline/replies.ts) so a rewording does not break the judge. */
export interface GenericReplies {
  /** The first line of the "I didn't get that" reply. */
  fallbackStart: string;
  help: string;
}

export interface Verdict {
  act: boolean;
  /** How the act was reached or missed: stored, asked, confirm, answered, removed, changed, attempted, nothing, wrote… */
  how: string;
  /** null: no detail to score, or the case was answered with a question. */
  slot: boolean | null;
  fallback: boolean;
  /** Anything stored, changed or removed (on an out-of-scope text this is a false write). */
  write: boolean;
  diff: SnapshotDiff;
}

const QUESTION = /\?\s*$/;
const REMOVING_TOOL = /\.(cancel|delete|remove|check|done|clear|undo|stop)/i;

function ofKinds<T extends { kind: RowKind }>(items: T[], kinds: RowKind[]): T[] {
  return items.filter((i) => kinds.includes(i.kind));
}

interface Seen {
  c: EvalCase;
  o: Observation;
  diff: SnapshotDiff;
  write: boolean;
  fallback: boolean;
  generic: boolean;
  asked: boolean;
}

type ActResult = { act: boolean; how: string; rows?: Row[] };

function missed(s: Seen, expected: string): ActResult {
  if (s.o.failed) return { act: false, how: 'error' };
  if (s.fallback) return { act: false, how: 'fallback' };
  if (s.write) return { act: false, how: `wrote ${describe(s.diff)} (expected ${expected})` };
  if (s.asked) return { act: false, how: 'asked (the text gave the detail)' };
  return { act: false, how: 'nothing stored' };
}

const ALREADY_ON_LIST = /\b(?:is|are) already on (?:the|your|it)\b/i;

function judgeCreate(s: Seen): ActResult {
  const { kinds } = s.c.expect;
  const rows = [...ofKinds(s.diff.added, kinds).map((a) => a.row), ...ofKinds(s.diff.changed, kinds).map((c) => c.after)];
  if (rows.length && !s.diff.removed.length) return { act: true, how: 'stored', rows };
  if (s.c.clarifyOk && s.asked) return { act: true, how: 'asked' };
  // "add milk" when the seeded list has milk: the item is on the list and the reply says so; a second row would be wrong.
  if (kinds.includes('list') && !s.write && ALREADY_ON_LIST.test(s.o.reply)) return { act: true, how: 'already on the list' };
  return missed(s, `new ${kinds.join('/')}`);
}

function judgeRemove(s: Seen): ActResult {
  const { kinds } = s.c.expect;
  const rows = [...ofKinds(s.diff.removed, kinds).map((r) => r.row), ...ofKinds(s.diff.changed, kinds).filter(isRetired).map((c) => c.before)];
  if (rows.length && !s.diff.added.length) return { act: true, how: 'removed', rows };
  if (!s.write && s.asked && /\byes\b/i.test(s.o.reply) && /\bno\b/i.test(s.o.reply)) return { act: true, how: 'confirm' };
  if (!s.write && s.asked && s.c.clarifyOk) return { act: true, how: 'asked' };
  const attempted = s.o.tools.some((t) => REMOVING_TOOL.test(t) && kinds.includes(kindOfKey(t.split('.')[0]!)));
  if (!s.write && attempted && s.c.targetMayBeAbsent) return { act: true, how: 'attempted' };
  return missed(s, `${kinds.join('/')} removed`);
}

function judgeChange(s: Seen): ActResult {
  const { kinds } = s.c.expect;
  const changes = ofKinds(s.diff.changed, kinds).filter((c) => !isRetired(c));
  if (changes.length && !s.diff.added.length && !s.diff.removed.length) return { act: true, how: 'changed', rows: changes.map((c) => c.after) };
  if (s.c.clarifyOk && s.asked && !s.write) return { act: true, how: 'asked' };
  return missed(s, `${kinds.join('/')} changed`);
}

function judgeAct(s: Seen): ActResult {
  switch (s.c.expect.act) {
    case 'none':
      return s.write ? { act: false, how: `wrote ${describe(s.diff)}` } : { act: true, how: 'nothing stored' };
    case 'query':
      if (s.write) return { act: false, how: `wrote ${describe(s.diff)}` };
      if (s.o.failed) return { act: false, how: 'error' };
      if (s.generic && s.c.intent !== 'help') return { act: false, how: s.fallback ? 'fallback' : 'help reply' };
      return { act: true, how: 'answered' };
    case 'create':
      return judgeCreate(s);
    case 'remove':
      return judgeRemove(s);
    case 'change':
      return judgeChange(s);
  }
}

export function judgeCase(c: EvalCase, o: Observation, generic: GenericReplies): Verdict {
  const diff = diffSnapshots(o.before, o.after);
  const write = !isEmptyDiff(diff);
  const fallback = o.reply.startsWith(generic.fallbackStart);
  const isGeneric = fallback || o.reply.trim() === generic.help.trim();
  const asked = !write && !isGeneric && (o.after.pending !== null || QUESTION.test(o.reply));
  const result = judgeAct({ c, o, diff, write, fallback, generic: isGeneric, asked });
  const slot = result.act && result.rows && c.slots ? slotMatches(c.slots, result.rows, o.before.timezone) : null;
  return { act: result.act, how: result.how, slot, fallback, write, diff };
}

export function describe(diff: SnapshotDiff): string {
  const part = (label: string, items: { kind: RowKind }[]) => (items.length ? [`${label} ${items.map((i) => i.kind).join('+')}`] : []);
  return [...part('+', diff.added), ...part('-', diff.removed), ...part('~', diff.changed)].join(' ') || 'nothing';
}
