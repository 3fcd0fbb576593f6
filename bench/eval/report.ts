import type { CaseResult } from './run-case.js';

export interface Tally {
  n: number;
  act: number;
  slotJudged: number;
  slotOk: number;
  fallback: number;
  writes: number;
  /** How each case ended (stored, asked, attempted, fallback, …): which road ACT took, or why it was missed. */
  hows: Record<string, number>;
}

export interface IntentRow extends Tally {
  intent: string;
}

export interface SetReport {
  set: string;
  seconds: number;
  intents: IntentRow[];
  inScope: Tally;
  outOfScope: Tally;
  all: Tally;
}

const isOutOfScope = (intent: string) => intent.startsWith('oos');

function tally(results: CaseResult[]): Tally {
  const t: Tally = { n: 0, act: 0, slotJudged: 0, slotOk: 0, fallback: 0, writes: 0, hows: {} };
  for (const { verdict } of results) {
    t.n++;
    if (verdict.act) t.act++;
    if (verdict.slot !== null) t.slotJudged++;
    if (verdict.slot === true) t.slotOk++;
    if (verdict.fallback) t.fallback++;
    if (verdict.write) t.writes++;
    const how = verdict.how.replace(/ \(expected .*\)$/, '');
    t.hows[how] = (t.hows[how] ?? 0) + 1;
  }
  return t;
}

export function summarise(set: string, results: CaseResult[], seconds: number): SetReport {
  const byIntent = new Map<string, CaseResult[]>();
  for (const r of results) byIntent.set(r.case.intent, [...(byIntent.get(r.case.intent) ?? []), r]);
  const order = (a: string, b: string) => Number(isOutOfScope(a)) - Number(isOutOfScope(b)) || a.localeCompare(b);
  const intents = [...byIntent.keys()].sort(order).map((intent) => ({ intent, ...tally(byIntent.get(intent)!) }));
  return {
    set,
    seconds,
    intents,
    inScope: tally(results.filter((r) => !isOutOfScope(r.case.intent))),
    outOfScope: tally(results.filter((r) => isOutOfScope(r.case.intent))),
    all: tally(results),
  };
}

const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)}%` : '–');

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
}

/** One table per set: n, ACT %, SLOT % (judged n), fallback %, false-write % (out-of-scope rows only). */
export function formatTable(report: SetReport): string {
  const header = ['intent', 'n', 'ACT', 'SLOT (judged)', 'fallback', 'false write'];
  const lines = report.intents.map((t) => [
    t.intent,
    String(t.n),
    pct(t.act, t.n),
    t.slotJudged ? `${pct(t.slotOk, t.slotJudged)} (${t.slotJudged})` : '–',
    pct(t.fallback, t.n),
    isOutOfScope(t.intent) ? pct(t.writes, t.n) : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [`### ${report.set}`, row(header, widths), rule, ...lines.map((l) => row(l, widths))].join('\n');
}

export function formatSummary(r: SetReport): string {
  const i = r.inScope;
  const o = r.outOfScope;
  return `${r.set}: ${r.all.n} cases in ${r.seconds.toFixed(0)} s · in scope ${i.n}: ACT ${pct(i.act, i.n)}, ` +
    `SLOT ${pct(i.slotOk, i.slotJudged)} (${i.slotJudged} judged), fallback ${pct(i.fallback, i.n)} · ` +
    `out of scope ${o.n}: false writes ${pct(o.writes, o.n)} (${o.writes}), fallback ${pct(o.fallback, o.n)} · ` +
    `all: ACT ${pct(r.all.act, r.all.n)}`;
}
