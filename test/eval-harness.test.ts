import { expect } from 'chai';
import { createErrand, type Errand } from '../src/errand.js';
import { toolModules } from '../src/tools/index.js';
import { TEXTING_INTENTS, texting, offTopic, type EvalCase } from '../bench/eval/cases.js';
import { judgeCase, type Observation } from '../bench/eval/judge.js';
import { createCaseRunner, genericReplies } from '../bench/eval/run-case.js';
import { resolveSlotTime } from '../bench/eval/slot-time.js';
import { slurpCase, slurpHalf } from '../bench/eval/slurp.js';
import type { Snapshot } from '../bench/eval/snapshot.js';
import { resetDb, testDb } from './support/db.js';
import { silentLogger, testConfig } from './support/fixtures.js';

const ZONE = 'America/New_York';
const generic = genericReplies(toolModules);
const asCase = (c: Omit<EvalCase, 'id'>): EvalCase => ({ id: 'test:1', ...c });

function state(rows: Snapshot['rows'], pending: Snapshot['pending'] = null): Snapshot {
  return { rows: { reminders: [], events: [], groceryItems: [], expenses: [], settings: [{ timezone: ZONE }], ...rows }, timezone: ZONE, pending };
}

const callMom = { text: 'Call mom', dueAt: '2026-12-01T23:00:00.000Z', recurrence: null, status: 'pending' };
const seeded = state({ reminders: [callMom], groceryItems: [{ name: 'milk', done: false }] });
const observe = (after: Snapshot, reply = 'ok', tools: string[] = []): Observation => ({ reply, before: seeded, after, tools, failed: false });

describe('understanding evaluation harness', () => {
  it('judges a new reminder at the asked time as ACT and SLOT, and one at another hour as a SLOT miss', () => {
    const c = asCase(texting('reminder_set', 'remind me to call the bank tmrw at 9am', { at: '2026-12-01 09:00', words: 'call bank' }));
    const bank = (dueAt: string) => state({ reminders: [callMom, { text: 'Call the bank', dueAt, recurrence: null, status: 'pending' }], groceryItems: [{ name: 'milk', done: false }] });
    const right = judgeCase(c, observe(bank('2026-12-01T14:00:00.000Z')), generic);
    expect(right).to.include({ act: true, how: 'stored', slot: true, write: true });
    expect(judgeCase(c, observe(bank('2026-12-01T21:00:00.000Z')), generic)).to.include({ act: true, slot: false });
    const event = state({ reminders: [callMom], events: [{ title: 'Call the bank', start: '2026-12-01T14:00:00.000Z' }], groceryItems: [{ name: 'milk', done: false }] });
    expect(judgeCase(c, observe(event), generic)).to.include({ act: false, slot: null });
  });

  it('a query is ACT only when nothing changed and the reply is not the fallback', () => {
    const c = asCase(texting('list_query', 'whats on my grocery list'));
    expect(judgeCase(c, observe(seeded, '🛒 milk'), generic)).to.include({ act: true, write: false, fallback: false });
    const fallback = judgeCase(c, observe(seeded, `${generic.fallbackStart}\n• …`), generic);
    expect(fallback).to.include({ act: false, fallback: true, how: 'fallback' });
    const added = state({ reminders: [callMom], groceryItems: [{ name: 'milk', done: false }, { name: 'grocery list', done: false }] });
    expect(judgeCase(c, observe(added), generic)).to.include({ act: false, write: true });
  });

  it('counts any stored, removed or changed row after an out-of-scope text as a false write', () => {
    const c = asCase(offTopic('chatter', 'need a vacation lol'));
    expect(judgeCase(c, observe(seeded, generic.fallbackStart), generic)).to.include({ act: true, write: false });
    const added = state({ reminders: [callMom], groceryItems: [{ name: 'milk', done: false }, { name: 'a vacation lol', done: false }] });
    expect(judgeCase(c, observe(added), generic)).to.include({ act: false, write: true });
    const cancelled = state({ reminders: [{ ...callMom, status: 'cancelled' }], groceryItems: [{ name: 'milk', done: false }] });
    expect(judgeCase(c, observe(cancelled), generic)).to.include({ act: false, write: true });
  });

  it('a remove is ACT when the row is retired, when YES/NO is asked, or (missing target) when the right tool tried', () => {
    const c = asCase(texting('reminder_remove', 'cancel the reminder to call mom', { words: 'call mom' }));
    const cancelled = state({ reminders: [{ ...callMom, status: 'cancelled' }], groceryItems: [{ name: 'milk', done: false }] });
    expect(judgeCase(c, observe(cancelled), generic)).to.include({ act: true, how: 'removed', slot: true });
    const question = { tool: 'reminders.cancel', args: {}, missing: 'confirm', question: 'Cancel it? YES or NO', createdAt: '' };
    expect(judgeCase(c, observe(state({ ...seeded.rows }, question), 'Cancel "Call mom"? Reply YES or NO.'), generic)).to.include({ act: true, how: 'confirm' });
    const notFound = observe(seeded, 'No reminder about "pepper".', ['reminders.cancel']);
    expect(judgeCase(c, notFound, generic).act).to.equal(false);
    expect(judgeCase({ ...c, targetMayBeAbsent: true }, notFound, generic)).to.include({ act: true, how: 'attempted' });
  });

  it('reads SLURP slot words into a local time and splits SLURP by a stable hash', () => {
    const now = new Date('2026-11-30T15:00:00Z');
    expect(resolveSlotTime({ date: ['tomorrow'], time: ['six am'], timeofday: [] }, now, ZONE)).to.deep.equal({ at: '2026-12-01 06:00', hourMod12: false });
    expect(resolveSlotTime({ date: [], time: ['five thirty'], timeofday: [] }, now, ZONE)).to.deep.equal({ at: '05:30', hourMod12: true });
    const row = { slurp_id: 1, scenario: 'alarm', intent: 'alarm_set', sentence: 'wake me up at ten', annotation: 'wake me up at [time : ten]' };
    expect(slurpCase(row, { now, zone: ZONE })).to.deep.include({ expect: TEXTING_INTENTS.alarm_set, clarifyOk: false, slots: { at: '10:00', hourMod12: true } });
    expect(slurpCase({ ...row, scenario: 'weather', intent: 'weather_query' }, { now, zone: ZONE })).to.include({ intent: 'oos:weather' });
    const halves = Array.from({ length: 1000 }, (_, i) => slurpHalf(i));
    expect(halves.filter((h) => h === 'report').length).to.be.within(450, 550);
    expect(slurpHalf(13804)).to.equal(slurpHalf(13804));
  });

  describe('end to end through the pipeline', () => {
    let errand: Errand;
    before(async () => {
      await resetDb();
      errand = await createErrand({ config: testConfig({ DEFAULT_TIMEZONE: ZONE }), logger: silentLogger, db: testDb(), channels: [] });
    });
    after(() => errand.stop());

    it('seeds each case its own user, snapshots the dumps and judges create, query and an out-of-scope write', async function () {
      this.timeout(60_000); // three seeded users: a dozen messages on a shared, busy machine
      const runCase = createCaseRunner(errand, toolModules);
      const create = await runCase(asCase(texting('reminder_set', 'remind me to call the bank tmrw at 9am', { at: '2026-12-01 09:00', words: 'bank' })), 1);
      expect(create.verdict).to.include({ act: true, slot: true });
      expect(create.verdict.diff.added.map((a) => a.kind)).to.deep.equal(['reminder']);
      const query = await runCase(asCase(texting('list_query', "what's on my grocery list")), 2);
      expect(query.verdict).to.include({ act: true, write: false });
      expect(query.reply).to.match(/milk/);
      // A text labelled out of scope that Errand certainly acts on: the harness must see the write through the dumps.
      const write = await runCase(asCase(offTopic('test', 'add a kayak to my list')), 3);
      expect(write.verdict).to.include({ act: false, write: true });
    });
  });
});
