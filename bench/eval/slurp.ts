import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EvalCase, Expectation, ExpectedSlots } from './cases.js';
import { TEXTING_INTENTS } from './cases.js';
import { resolveSlotTime } from './slot-time.js';

/**
 * SLURP's development split (2,033 requests people spoke to a home assistant), read at run time from
 * ../shared/data/slurp-devel next to the repository — never copied into it.
 */
export const SLURP_DIR = process.env.EVAL_SLURP_DIR ?? path.resolve(import.meta.dirname, '../../../shared/data/slurp-devel');

export interface SlurpRow {
  slurp_id: number;
  scenario: string;
  intent: string;
  sentence: string;
  annotation: string;
}

export type SlurpHalf = 'train' | 'report';

/**
 * THE SPLIT RULE: the first byte of sha256("slurp:" + slurp_id) below 128 puts a request in the half that MAY be
 * trained on ("slurp-train"); 128 and above in the half that is reported and NEVER trained on ("slurp-report").
 * Stable across runs, machines and file order, and independent of the text and label.
 */
export function slurpHalf(slurpId: number): SlurpHalf {
  const firstByte = createHash('sha256').update(`slurp:${slurpId}`).digest()[0]!;
  return firstByte < 128 ? 'train' : 'report';
}

/**
 * Inside the train half, the requests whose first hash byte is 64–127: left out of the classifier trained for
 * `--set slurp-fold`, so the train half also tells how the understanding does on requests its model never saw.
 */
export function inSlurpFold(slurpId: number): boolean {
  const firstByte = createHash('sha256').update(`slurp:${slurpId}`).digest()[0]!;
  return firstByte >= 64 && firstByte < 128;
}

export function loadSlurp(dir = SLURP_DIR): SlurpRow[] {
  const file = path.join(dir, 'devel.jsonl');
  if (!fs.existsSync(file)) {
    throw new Error(`SLURP development data not found at ${file}. It is read from ../shared/data/slurp-devel relative to the ` +
      'repository (or EVAL_SLURP_DIR); run the other sets with --set texting-dev,texting-heldout.');
  }
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SlurpRow);
}

/** SLURP's served intents and what each expects; every other scenario is out of scope. */
const SERVED: Record<string, Expectation> = {
  calendar_set: TEXTING_INTENTS.calendar_set,
  calendar_query: TEXTING_INTENTS.calendar_query,
  calendar_remove: TEXTING_INTENTS.calendar_remove,
  alarm_set: TEXTING_INTENTS.alarm_set,
  alarm_query: TEXTING_INTENTS.alarm_query,
  alarm_remove: TEXTING_INTENTS.alarm_remove,
  lists_createoradd: TEXTING_INTENTS.list_add,
  lists_query: TEXTING_INTENTS.list_query,
  lists_remove: TEXTING_INTENTS.list_remove,
};

/** A few rows carry a bare intent ("set", "query"): the scenario makes it whole. */
export function fullIntent(row: SlurpRow): string {
  return row.intent.startsWith(`${row.scenario}_`) ? row.intent : `${row.scenario}_${row.intent}`;
}

export function slotsOf(annotation: string): Map<string, string[]> {
  const slots = new Map<string, string[]>();
  for (const m of annotation.matchAll(/\[\s*([\w]+)\s*:\s*([^\]]*?)\s*\]/g)) slots.set(m[1]!, [...(slots.get(m[1]!) ?? []), m[2]!]);
  return slots;
}

/** Words a list request can use without naming any item or list: such a request lacks the detail. */
const GENERIC_LIST_WORDS = new Set(`add create make new list lists include an a item items this that it something to my the of for me
  please can you i want would like remove delete drop from off take erase clear out any more don't do not olly siri alexa google
  hey with up some one`.split(/\s+/));

function lacksListDetail(sentence: string): boolean {
  return sentence.toLowerCase().split(/[^a-z']+/).filter(Boolean).every((w) => GENERIC_LIST_WORDS.has(w));
}

/** Words a calendar or alarm request can use without naming what it is for ("remind me tomorrow at two pm"). */
const GENERIC_ENTRY_WORDS = new Set(`remind reminder reminders set make create add schedule put new entry event calendar alarm a an the me
  for at on to in my this that it item please olly siri alexa google hey i need want would like can you could repeating up next`.split(/\s+/));

/** A create whose slots name no title, person or place, and whose other words are generic: the tool must ask what it is. */
function lacksTitle(slots: Map<string, string[]>, annotation: string): boolean {
  if (['event_name', 'person', 'relation', 'meal_type', 'business_name', 'place_name'].some((n) => slots.has(n))) return false;
  const rest = annotation.replace(/\[[^\]]*\]/g, ' ').toLowerCase();
  return rest.split(/[^a-z']+/).filter(Boolean).every((w) => GENERIC_ENTRY_WORDS.has(w));
}

export interface SlurpContext {
  now: Date;
  zone: string;
}

export function slurpCase(row: SlurpRow, ctx: SlurpContext): EvalCase {
  const intent = fullIntent(row);
  const expect = SERVED[intent];
  const id = `slurp:${row.slurp_id}`;
  if (!expect) return { id, text: row.sentence, intent: `oos:${row.scenario}`, expect: TEXTING_INTENTS.oos };
  const slots = slotsOf(row.annotation);
  const has = (...names: string[]) => names.some((n) => slots.has(n));
  const c: EvalCase = { id, text: row.sentence, intent, expect };
  if (expect.act === 'create') {
    const lacksDetail = !has('date', 'time') || (row.scenario === 'calendar' && lacksTitle(slots, row.annotation));
    c.clarifyOk = row.scenario === 'lists' ? lacksListDetail(row.sentence) : lacksDetail;
    const expected: ExpectedSlots = {};
    const when = resolveSlotTime({ date: slots.get('date') ?? [], time: slots.get('time') ?? [], timeofday: slots.get('timeofday') ?? [] }, ctx.now, ctx.zone);
    // "next [date : monday]": the word that makes it ambiguous sits outside the slot.
    const relative = /\b(next|last|following|coming)\s*\[\s*date/.test(row.annotation);
    if (when && !relative && !has('general_frequency')) Object.assign(expected, when);
    if (slots.has('event_name') && row.scenario === 'calendar') expected.words = slots.get('event_name')!.join(' ');
    if (Object.keys(expected).length) c.slots = expected;
  }
  if (expect.act === 'remove') {
    c.targetMayBeAbsent = true;
    c.clarifyOk = row.scenario === 'lists' ? lacksListDetail(row.sentence) : !has('event_name', 'date', 'time', 'timeofday', 'person');
    if (slots.has('event_name')) c.slots = { words: slots.get('event_name')!.join(' ') };
  }
  return c;
}

export function slurpCases(half: SlurpHalf, ctx: SlurpContext, rows = loadSlurp()): EvalCase[] {
  return rows.filter((r) => slurpHalf(r.slurp_id) === half).map((r) => slurpCase(r, ctx));
}

/** The train half's fold (see `inSlurpFold`). */
export function slurpFoldCases(ctx: SlurpContext, rows = loadSlurp()): EvalCase[] {
  return rows.filter((r) => slurpHalf(r.slurp_id) === 'train' && inSlurpFold(r.slurp_id)).map((r) => slurpCase(r, ctx));
}
