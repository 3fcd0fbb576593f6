/**
 * Trains the intent classifier (src/understanding/intent/intent.model.json) from checked-in texts only
 * (scripts/understanding-data.ts): a family network and an act network over the same features (scripts/
 * measure-understanding.ts compares this with one network over family.act labels). Deterministic: same data, same
 * model (the networks start from zero weights; no shuffling). Never reads the held-out sets.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { familyOf, MODEL_FILE, type IntentModel } from '../src/understanding/intent/classifier.js';
import { featuresOf } from '../src/understanding/intent/features.js';
import { examples, type Example } from './understanding-data.js';

const require = createRequire(import.meta.url);
const { NeuralNetwork } = require('@nlpjs/neural');

export { examples };

export function trainNetwork(data: [text: string, label: string][]): { toJSON(): unknown; run(input: Record<string, 1>): Record<string, number> } {
  const network = new NeuralNetwork({ log: false });
  network.train(data.map(([text, label]) => ({ input: featuresOf(text), output: { [label]: 1 } })));
  return network;
}

/** The family network learns every text; the act network only requests to a tool family (`family.act`). */
export function trainModel<N>(data: Example[], make: (d: [string, string][]) => N): IntentModel<N> {
  return {
    family: make(data.map(([text, intent]) => [text, familyOf(intent)])),
    act: make(data.filter(([, intent]) => intent.includes('.')).map(([text, intent]) => [text, intent.split('.')[1]!])),
  };
}

/** The model file's text: weights to 4 decimals (a third of the size, the same answers on the development sets). */
export function train(data: Example[] = examples()): string {
  const model = trainModel(data, trainNetwork);
  const json = { family: model.family.toJSON(), act: model.act.toJSON() };
  return JSON.stringify(json, (_key, value) => (typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value)) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const data = examples();
  fs.writeFileSync(MODEL_FILE, train(data));
  const counts = data.reduce<Record<string, number>>((acc, [, f]) => ((acc[f] = (acc[f] ?? 0) + 1), acc), {});
  console.log(`trained on ${data.length} texts ${JSON.stringify(counts)} in ${Date.now() - started} ms → ${fileURLToPath(MODEL_FILE)}`);
}
