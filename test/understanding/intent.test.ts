import { expect } from 'chai';
import { resetDb } from '../support/db.js';
import { dumpUser } from '../support/dump.js';
import { consoleMessage, makePipeline } from '../support/pipeline.js';
import { gateUnderstanding } from '../../src/understanding/gate.js';
import { loadIntentClassifier, type Classification, type IntentClassifier } from '../../src/understanding/intent/classifier.js';
import { normalizeText } from '../../src/understanding/normalize.js';
import { createRulesUnderstander } from '../../src/understanding/rules.js';
import { toolCall, type Understanding } from '../../src/understanding/types.js';
import { toolModules } from '../../src/tools/index.js';
import { examples } from '../../scripts/understanding-data.js';

const at = (minute: number) => ({ receivedAt: new Date(Date.UTC(2026, 10, 30, 15, minute)) });
const input = (raw: string) => ({ raw, text: normalizeText(raw), now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York' });
const UNKNOWN: Understanding = { kind: 'unknown' };

/** A classifier that always answers `intent` with the given confidence for its family and its act. */
function saying(intent: Classification['intent'], confidence: number, actConfidence = confidence): IntentClassifier {
  const [family, act] = intent.split('.') as [Classification['family'], Classification['act'] | undefined];
  const scores = { reminder: 0, alarm: 0, calendar: 0, list: 0, expense: 0, settings: 0, help: 0, chat: 0, oos: 0, [family]: 1 };
  return { classify: () => ({ family, confidence, scores, act: act ?? null, actConfidence: act ? actConfidence : 0, intent }) };
}

const writes = (u: Understanding) => u.kind === 'tools' && u.calls.some((c) => /create|add|log|cancel|delete|remove/.test(c.tool));

describe('understanding: dialogue act + intent', () => {
  describe('the trained classifier', () => {
    const classifier = loadIntentClassifier();
    // Texts written for this test, none of them in the training data (checked below).
    const cases: [string, Classification['intent']][] = [
      ['could you get me up at quarter to six', 'alarm.create'],
      ['please knock off the 7 oclock alarm', 'alarm.remove'],
      ['whats on my grocery list right now', 'list.query'],
      ['stick some paprika on the shopping list', 'list.create'],
      ['remind me to defrost the turkey wednesday night', 'reminder.create'],
      ['what am i doing on saturday', 'calendar.query'],
      ['cancel my appointment with the chiropractor', 'calendar.remove'],
      ['how much went on takeout this month', 'expense.query'],
      ['play some old school hip hop', 'oos'],
      ['book me a hotel in denver for friday', 'oos'],
      ['whats the forecast for the weekend', 'oos'],
      ['put 2 cartons of oat milk on the list', 'list.create'],
    ];

    it('names the family and the act of most texts it was not trained on, and no create for off-topic ones', () => {
      const trained = new Set(examples().map(([text]) => text.toLowerCase()));
      const wrong = cases.filter(([text, intent]) => {
        expect(trained.has(text), `${text} is a training text`).to.equal(false);
        const seen = classifier.classify(text);
        if (intent === 'oos') expect(seen.act, text).not.to.equal('create');
        return seen.intent !== intent;
      });
      expect(wrong.length, JSON.stringify(wrong)).to.be.at.most(2);
    });

    it('gives shares between 0 and 1 and no act outside the tool families', () => {
      const seen = classifier.classify('tell me a joke about cats');
      expect(seen.family).to.equal('oos');
      expect(seen.act).to.equal(null);
      expect(seen.confidence).to.be.within(0, 1);
    });
  });

  describe('the gate, when the rules missed', () => {
    it('acts on a sure create through its extraction: an event from the date and the words left', () => {
      const got = gateUnderstanding(UNKNOWN, input('i want to catch up with Priya tomorrow at noon'), saying('calendar.create', 0.95));
      expect(got).to.deep.equal({
        kind: 'tools', calls: [{ tool: 'calendar.create', args: { title: 'Catch up with Priya', date: '2026-12-01', time: '12:00' } }],
      });
    });

    it('reads alarms, reminders and list items through their own extraction', () => {
      const alarm = gateUnderstanding(UNKNOWN, input('alarm needed for 5:40 tomorrow pls'), saying('alarm.create', 0.9));
      expect(alarm).to.deep.equal({ kind: 'tools', calls: [{ tool: 'reminders.create', args: { text: 'Alarm', date: '2026-12-01', time: '05:40' } }] });
      const reminder = gateUnderstanding(UNKNOWN, input('give me a heads up to defrost the turkey at 6pm'), saying('reminder.create', 0.9));
      expect(reminder).to.deep.equal({
        kind: 'tools', calls: [{ tool: 'reminders.create', args: { text: 'Defrost the turkey', date: '2026-11-30', time: '18:00' } }],
      });
      const item = gateUnderstanding(UNKNOWN, input('toss paprika and cumin on the list'), saying('list.create', 0.9));
      expect(item).to.deep.include({ kind: 'tools' });
      const names = (item as { calls: { args: { items: { name: string }[] } }[] }).calls[0]!.args.items.map((i) => i.name);
      expect(names).to.deep.equal(['paprika', 'cumin']);
    });

    it('never writes for a question, even when the classifier is sure of a create', () => {
      for (const text of ['did i put lunch with priya on for tomorrow', 'is paprika on the list', 'should i set an alarm for 6']) {
        const got = gateUnderstanding(UNKNOWN, input(text), saying('calendar.create', 0.99));
        expect(writes(got), text).to.equal(false);
      }
    });

    it('never writes for an out-of-scope text: sure → an honest answer, unsure → nothing', () => {
      const sure = gateUnderstanding(UNKNOWN, input('book a flight on friday'), saying('oos', 0.9));
      expect(sure).to.deep.include({ kind: 'reply' });
      expect((sure as { text: string }).text).to.match(/can't book.*Nothing was saved/);
      expect(gateUnderstanding(UNKNOWN, input('hmm the usual'), saying('oos', 0.9))).to.deep.equal(UNKNOWN);
      // Words of a thing Errand cannot do keep an in-scope guess from writing too.
      expect(writes(gateUnderstanding(UNKNOWN, input('order pizza for friday at 7'), saying('calendar.create', 0.99)))).to.equal(false);
    });

    it('asks one yes/no question when it is not sure, and before any removal', () => {
      const unsure = gateUnderstanding(UNKNOWN, input('i want to catch up with Priya tomorrow at noon'), saying('calendar.create', 0.55));
      expect(unsure.kind).to.equal('clarify');
      expect((unsure as { question: string }).question).to.match(/put "Catch up with Priya" on your calendar\? Reply YES or NO/);
      const removal = gateUnderstanding(UNKNOWN, input('get rid of the plumber reminder'), saying('reminder.remove', 0.99));
      expect(removal.kind).to.equal('clarify');
      expect((removal as { question: string }).question).to.match(/cancel your reminder "plumber"/);
      expect(gateUnderstanding(UNKNOWN, input('get rid of everything'), saying('reminder.remove', 0.99))).to.deep.equal(UNKNOWN);
    });

    it('answers a sure query with its lookup, not a write', () => {
      expect(gateUnderstanding(UNKNOWN, input('my alarms for tomorrow'), saying('alarm.query', 0.9))).to.deep.equal({
        kind: 'tools', calls: [{ tool: 'reminders.list', args: {} }],
      });
    });
  });

  describe('the gate, when the rules read a write the classifier is very sure is something else', () => {
    const addItem = toolCall('grocery.add', { items: [{ name: 'me up at quarter to six', quantity: null, unit: null }] });

    it("reads another family's create through that family's extraction", () => {
      const got = gateUnderstanding(addItem, input('could you get me up at quarter to six'), saying('alarm.create', 0.99));
      expect(got).to.deep.equal({ kind: 'tools', calls: [{ tool: 'reminders.create', args: { text: 'Wake up', date: '2026-12-01', time: '05:45' } }] });
    });

    it('answers a query with its lookup, asks before a removal, and keeps the write when only fairly sure', () => {
      const plan = toolCall('reminders.create', { text: 'My plan', repeat: { freq: 'weekly' } });
      const week = gateUnderstanding(plan, input('my weekly plan'), saying('calendar.query', 0.99));
      expect(week).to.deep.include({ kind: 'tools' });
      expect((week as { calls: { tool: string }[] }).calls[0]!.tool).to.equal('calendar.list');
      const trip = toolCall('calendar.create', { title: "I'd like to cancel the trip to vegas", date: '2026-12-07' });
      expect(gateUnderstanding(trip, input("i'd like to cancel the trip to vegas"), saying('calendar.remove', 0.99)).kind).to.equal('clarify');
      const bagels = toolCall('grocery.add', { items: [{ name: 'bagels', quantity: null, unit: null }] });
      expect(gateUnderstanding(bagels, input('get bagels'), saying('alarm.create', 0.8))).to.equal(bagels);
      // Not overruled, but a six-word grocery item in a text that names no list is a misreading: asked about.
      expect(gateUnderstanding(addItem, input('could you get me up at quarter to six'), saying('alarm.create', 0.8)).kind).to.equal('clarify');
    });
  });

  describe('through the pipeline (the trained model)', () => {
    beforeEach(resetDb);

    // Texts the rules alone do not read (checked first), so the row can only come from the intent's path.
    const rulesAlone = createRulesUnderstander(toolModules, saying('chat', 0.1));
    const ctx = { now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York', defaultCurrency: 'USD' };

    it('stores the event a text the rules miss asks for, and asks "When is it?" when it gives no day', async () => {
      for (const text of ['i want to meet with sara tomorrow', 'attend party before the meeting']) {
        expect(await rulesAlone.understand(text, ctx), text).to.deep.equal(UNKNOWN);
      }
      const handle = makePipeline();
      const first = await handle(consoleMessage('i want to meet with sara tomorrow', at(0)));
      expect(first.reply).to.match(/📅 Meet with sara — Tue Dec 1/);
      expect((await dumpUser()).events.map((e) => e.title)).to.deep.equal(['Meet with sara']);
      const second = await handle(consoleMessage('attend party before the meeting', at(1)));
      expect(second.reply).to.equal('When is it?');
      expect((await dumpUser()).events).to.have.length(1);
    });

    it('a named reminder the rules read is cancelled at once (the gate asks only when the classifier alone reads it)', async () => {
      expect(await rulesAlone.understand('scratch the plumber reminder', ctx)).to.not.deep.equal(UNKNOWN);
      const handle = makePipeline();
      await handle(consoleMessage('remind me to call the plumber friday at 9am', at(0)));
      const done = await handle(consoleMessage('scratch the plumber reminder', at(1)));
      expect(done.reply).to.match(/Cancelled: Call the plumber/);
      expect((await dumpUser()).reminders.filter((r) => r.status === 'pending')).to.have.length(0);
    });
  });
});
