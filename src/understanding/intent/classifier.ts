import fs from 'node:fs';
import { createRequire } from 'node:module';
import { featuresOf } from './features.js';

const require = createRequire(import.meta.url);

/** What a text is about: a tool family, the conversation itself, or something Errand does not do. */
export const INTENT_FAMILIES = ['reminder', 'alarm', 'calendar', 'list', 'expense', 'settings', 'help', 'chat', 'oos'] as const;
export type IntentFamily = (typeof INTENT_FAMILIES)[number];

export interface Classification {
  family: IntentFamily;
  /** The winning family's share of all families' activations (0–1). */
  confidence: number;
  scores: Record<IntentFamily, number>;
}

export interface IntentClassifier {
  classify(text: string): Classification;
}

interface Network {
  fromJSON(json: unknown): void;
  run(input: Record<string, 1>): Record<string, number> | undefined;
}

export const MODEL_FILE = new URL('./intent.model.json', import.meta.url);

/** The trained model (`npm run train:understanding`), read once; a few hundred kB of JSON. */
export function loadIntentClassifier(file: URL = MODEL_FILE): IntentClassifier {
  const { NeuralNetwork } = require('@nlpjs/neural') as { NeuralNetwork: new () => Network };
  const network = new NeuralNetwork();
  network.fromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
  return classifierOver(network);
}

export function classifierOver(network: Pick<Network, 'run'>): IntentClassifier {
  return {
    classify(text) {
      const raw = network.run(featuresOf(text)) ?? {};
      const scores = Object.fromEntries(INTENT_FAMILIES.map((f) => [f, raw[f] ?? 0])) as Record<IntentFamily, number>;
      const total = INTENT_FAMILIES.reduce((sum, f) => sum + scores[f], 0);
      const family = INTENT_FAMILIES.reduce((best, f) => (scores[f] > scores[best] ? f : best), 'oos' as IntentFamily);
      return { family, confidence: total > 0 ? scores[family] / total : 0, scores };
    },
  };
}
