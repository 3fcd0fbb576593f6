/**
 * Trains the intent classifier (src/understanding/intent/intent.model.json) from checked-in texts only:
 * our own training texts, the SLURP development half that may be trained on, the texting development set and the
 * test corpora. Deterministic: same data, same model (the network starts from zero weights; no shuffling).
 * Never reads the held-out sets (bench/eval/texting.heldout.cases.ts, SLURP's report half, test/fixtures/heldout.*).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { textingDevCases } from '../bench/eval/texting.dev.cases.js';
import { calendarCorpus } from '../test/fixtures/calendar.corpus.js';
import { expenseCorpus } from '../test/fixtures/expense.corpus.js';
import { groceryCorpus } from '../test/fixtures/grocery.corpus.js';
import { reminderCorpus } from '../test/fixtures/reminder.corpus.js';
import { helpCorpus, settingsCorpus } from '../test/fixtures/settings-help.corpus.js';
import { MODEL_FILE, type IntentFamily } from '../src/understanding/intent/classifier.js';
import { featuresOf } from '../src/understanding/intent/features.js';
import { OWN_TEXTS } from '../src/understanding/intent/training/own.js';

const require = createRequire(import.meta.url);
const { NeuralNetwork } = require('@nlpjs/neural');

type Example = [text: string, family: IntentFamily];

/** SLURP intent → family: its calendar scenario holds reminders too ("remind me …"). */
function slurpFamily(intent: string, text: string): IntentFamily {
  if (intent.startsWith('alarm_')) return 'alarm';
  if (intent.startsWith('lists_')) return 'list';
  if (intent.startsWith('calendar_')) return /\bremind/.test(text) ? 'reminder' : 'calendar';
  return 'oos';
}

function slurpTrain(): Example[] {
  const file = new URL('../src/understanding/intent/training/slurp-train.tsv', import.meta.url);
  return fs.readFileSync(file, 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map(([, intent, text]) => [text!, slurpFamily(intent!, text!)]);
}

function textingFamily(intent: string): IntentFamily {
  if (intent.startsWith('oos')) return 'oos';
  const family = { list: 'list', alarm: 'alarm', reminder: 'reminder', calendar: 'calendar', expense: 'expense', settings: 'settings' }[
    intent.split('_')[0]!
  ] as IntentFamily | undefined;
  return family ?? (intent === 'help' ? 'help' : 'chat');
}

export function examples(): Example[] {
  const own = Object.entries(OWN_TEXTS).flatMap(([family, texts]) => texts.map((t): Example => [t, family as IntentFamily]));
  const corpora: Example[] = [
    ...reminderCorpus.map((c): Example => [c.text, 'reminder']),
    ...calendarCorpus.map((c): Example => [c.text, /\bremind/i.test(c.text) ? 'reminder' : 'calendar']),
    ...groceryCorpus.map((c): Example => [c.text, 'list']),
    ...expenseCorpus.map((c): Example => [c.text, 'expense']),
    ...settingsCorpus.map((c): Example => [c.text, 'settings']),
    ...helpCorpus.map((c): Example => [c.text, 'help']),
  ];
  const texting = textingDevCases.map((c): Example => [c.text, textingFamily(c.intent)]);
  return [...own, ...corpora, ...texting, ...slurpTrain()];
}

/** The model file's text: weights to 4 decimals (a third of the size, the same answers on the development sets). */
export function train(data: Example[] = examples()): string {
  const network = new NeuralNetwork({ log: false });
  network.train(data.map(([text, family]) => ({ input: featuresOf(text), output: { [family]: 1 } })));
  return JSON.stringify(network.toJSON(), (_key, value) => (typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value)) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const data = examples();
  const model = train(data);
  fs.writeFileSync(MODEL_FILE, model);
  const counts = data.reduce<Record<string, number>>((acc, [, f]) => ((acc[f] = (acc[f] ?? 0) + 1), acc), {});
  console.log(`trained on ${data.length} texts ${JSON.stringify(counts)} in ${Date.now() - started} ms → ${fileURLToPath(MODEL_FILE)}`);
}
