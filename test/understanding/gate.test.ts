import { expect } from 'chai';
import fs from 'node:fs';
import { resetDb } from '../support/db.js';
import { dumpUser, type Dump } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';
import { gateUnderstanding, isQuestion } from '../../src/understanding/gate.js';
import { MODEL_FILE, type Classification, type IntentClassifier } from '../../src/understanding/intent/classifier.js';
import { normalizeText } from '../../src/understanding/normalize.js';
import { createRulesUnderstander } from '../../src/understanding/rules.js';
import { toolCall, type UnderstandContext } from '../../src/understanding/types.js';
import { toolModules } from '../../src/tools/index.js';
import { train } from '../../scripts/train-understanding.js';

const at = (minute: number) => ({ receivedAt: new Date(Date.UTC(2026, 10, 30, 15, minute)) });
const stored = (d: Dump) => d.groceryItems.length + d.expenses.length + d.reminders.length + d.events.length;

/** A classifier that always answers `family` (and `act`) with the given confidence. */
function saying(family: Classification['family'], confidence: number, act: Classification['act'] = null): IntentClassifier {
  const scores = { reminder: 0, alarm: 0, calendar: 0, list: 0, expense: 0, settings: 0, help: 0, chat: 0, oos: 0 };
  const intent = (act ? `${family}.${act}` : family) as Classification['intent'];
  return { classify: () => ({ family, confidence, scores: { ...scores, [family]: 1 }, act, actConfidence: act ? confidence : 0, intent }) };
}

describe('understanding gate: act only when sure', () => {
  describe('the rule', () => {
    const input = (raw: string) => ({ raw, text: normalizeText(raw), now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York' });

    it('tells questions from polite requests', () => {
      for (const q of ['is milk on my shopping list', 'did I put the dentist on my calendar', 'do i have a meeting today', 'should I run every day']) {
        expect(isQuestion(normalizeText(q), q), q).to.equal(true);
      }
      for (const r of ['can you remind me to call mom at 5', 'could u add milk', 'please can you add eggs', 'add milk?']) {
        expect(isQuestion(normalizeText(r), r), r).to.equal(false);
      }
    });

    it('turns a question the rules read as a write into the matching lookup', () => {
      const gated = gateUnderstanding(toolCall('grocery.add', { items: [{ name: 'is milk' }] }), input('is milk on my list'), saying('list', 1));
      expect(gated).to.deep.equal({ kind: 'tools', calls: [{ tool: 'grocery.list', args: {} }] });
      const day = gateUnderstanding(toolCall('calendar.create', { title: 'Meeting', date: '2026-12-04' }), input('do i have a meeting friday'), saying('calendar', 1));
      expect(day).to.deep.equal({ kind: 'tools', calls: [{ tool: 'calendar.list', args: { from: '2026-12-04', to: '2026-12-04' } }] });
      const list = gateUnderstanding(toolCall('lists.create', { name: 'stocks' }), input('should i start a stocks list'), saying('list', 1));
      expect(list.kind).to.not.equal('tools');
    });

    it('refuses a write the classifier is sure is off-topic, asks when it is unsure, and lets reads and fitting writes through', () => {
      const log = toolCall('expense.log', { amount: '5000' });
      const text = input('move $5000 from checking to savings');
      expect(gateUnderstanding(log, text, saying('oos', 0.9))).to.include({ kind: 'reply' });
      expect((gateUnderstanding(log, text, saying('oos', 0.9)) as { text: string }).text).to.match(/can't move money.*Nothing was saved/);
      const unsure = gateUnderstanding(log, text, saying('oos', 0.4));
      expect(unsure.kind).to.equal('clarify');
      // A transfer named outright is asked about, however sure the classifier is that it is an expense.
      expect(gateUnderstanding(log, text, saying('expense', 0.9)).kind).to.equal('clarify');
      const spent = input('spent $5000 on the new roof');
      expect(gateUnderstanding(log, spent, saying('oos', 0.4))).to.equal(log);
      const read = toolCall('grocery.list', {});
      expect(gateUnderstanding(read, input('list'), saying('oos', 1))).to.equal(read);
    });
  });

  it('asks one yes/no question when unsure; YES runs exactly the asked calls, NO drops them', async () => {
    const rules = createRulesUnderstander(toolModules, saying('oos', 0.4));
    const ctx: UnderstandContext = { now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York', defaultCurrency: 'USD' };
    const asked = await rules.understand('add milk', ctx);
    if (asked.kind !== 'clarify') throw new Error(`expected a question, got ${asked.kind}`);
    expect(asked.question).to.match(/should I add "milk" to your list\? Reply YES or NO/);
    const yes = await rules.understand('yep', { ...ctx, pending: asked.pending });
    expect(yes).to.deep.equal({ kind: 'tools', calls: [{ tool: 'grocery.add', args: (asked.pending.args as { calls: [{ args: unknown }] }).calls[0].args }] });
    expect(await rules.understand('no', { ...ctx, pending: asked.pending })).to.deep.include({ kind: 'reply', clearPending: true });
  });

  describe('through the pipeline (the trained model)', () => {
    beforeEach(resetDb);

    it('stores nothing after off-topic texts that carry amounts, days or list words', async () => {
      const handle = makePipeline();
      const texts = ['send $50 to mike on venmo', "what's the weather on tuesday", 'turn the thermostat to 70', 'book a table for 4 at 7pm'];
      for (const [i, text] of texts.entries()) {
        const { reply } = await handle(consoleMessage(text, at(i)));
        expect(reply, text).not.to.match(/Added|Logged|📅|⏰ Reminder set/);
      }
      expect(stored(await dumpUser())).to.equal(0);
    });

    it('answers "is milk on my shopping list" from the list without adding anything', async () => {
      const handle = makePipeline();
      await handle(consoleMessage('add milk and eggs', at(0)));
      const { reply } = await handle(consoleMessage('is milk on my shopping list', at(1)));
      expect(reply).to.match(/milk/i);
      expect((await dumpUser()).groceryItems.map((i) => i.name)).to.deep.equal(['milk', 'eggs']);
    });

    it('still stores what was asked in texting style', async () => {
      const handle = makePipeline();
      await handle(consoleMessage('remind me to call the bank tmrw at 9am', at(0)));
      await handle(consoleMessage('spent $12 on lunch', at(1)));
      await handle(consoleMessage('add milk', at(2)));
      await handle(consoleMessage('dentist tues 3pm', at(3)));
      const dump = await dumpUser();
      expect([dump.reminders.length, dump.expenses.length, dump.groceryItems.length, dump.events.length]).to.deep.equal([1, 1, 1, 1]);
    });
  });

  it('the checked-in model is what `npm run train:understanding` makes from the checked-in texts', function () {
    this.timeout(300_000);
    expect(train()).to.equal(fs.readFileSync(MODEL_FILE, 'utf8'));
  });
});
