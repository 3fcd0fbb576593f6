import fs from 'node:fs';
import { createRequire } from 'node:module';
import { featuresOf } from './features.js';

const require = createRequire(import.meta.url);

/** What a text is about: a tool family, the conversation itself, or something Errand does not do. */
export const INTENT_FAMILIES = ['reminder', 'alarm', 'calendar', 'list', 'expense', 'settings', 'help', 'chat', 'oos'] as const;
export type IntentFamily = (typeof INTENT_FAMILIES)[number];

/** The dialogue act of a request about one of Errand's things. */
export const ACTS = ['create', 'query', 'change', 'remove'] as const;
export type Act = (typeof ACTS)[number];

/** The training texts' labels: `family.act` for the tool families, the family alone for the rest. */
export const INTENTS = [
  'reminder.create', 'reminder.query', 'reminder.change', 'reminder.remove',
  'alarm.create', 'alarm.query', 'alarm.change', 'alarm.remove',
  'calendar.create', 'calendar.query', 'calendar.change', 'calendar.remove',
  'list.create', 'list.query', 'list.change', 'list.remove',
  'expense.create', 'expense.query', 'expense.change', 'expense.remove',
  'settings', 'help', 'chat', 'oos',
] as const;
export type Intent = (typeof INTENTS)[number];

export function familyOf(intent: Intent): IntentFamily {
  return intent.split('.')[0] as IntentFamily;
}

export function actOf(intent: Intent): Act | null {
  return (intent.split('.')[1] as Act | undefined) ?? null;
}

/** Families whose requests have an act (create / query / change / remove); the others are one label each. */
const WITH_ACTS = new Set<IntentFamily>(['reminder', 'alarm', 'calendar', 'list', 'expense']);

export interface Classification {
  family: IntentFamily;
  /** The winning family's share of all families' activations, or its own activation when they sum below 1 (0–1). */
  confidence: number;
  scores: Record<IntentFamily, number>;
  /** The act of a request to a tool family (null for settings, help, chat, oos), and the act model's share for it. */
  act: Act | null;
  actConfidence: number;
  /** `family.act`, or the family alone. */
  intent: Intent;
}

export interface IntentClassifier {
  classify(text: string): Classification;
}

interface Network {
  fromJSON(json: unknown): void;
  run(input: Record<string, 1>): Record<string, number> | undefined;
}

/** Two small networks over the same features: which family (9 labels), and which act (4 labels). */
export interface IntentModel<N = unknown> {
  family: N;
  act: N;
}

export const MODEL_FILE = new URL('./intent.model.json', import.meta.url);

/** The trained model (`npm run train:understanding`), read once; a few hundred kB of JSON. */
export function loadIntentClassifier(file: URL = MODEL_FILE): IntentClassifier {
  return classifierFromModel(fs.readFileSync(file, 'utf8'));
}

/** A classifier over a model file's text (what `train` in scripts/train-understanding.ts returns). */
export function classifierFromModel(text: string): IntentClassifier {
  const { NeuralNetwork } = require('@nlpjs/neural') as { NeuralNetwork: new () => Network };
  const json = JSON.parse(text) as IntentModel;
  const network = (part: unknown) => {
    const net = new NeuralNetwork();
    net.fromJSON(part);
    return net;
  };
  return classifierOver({ family: network(json.family), act: network(json.act) });
}

function shares<L extends string>(raw: Record<string, number>, labels: readonly L[]): { best: L; share: number; scores: Record<L, number> } {
  const scores = Object.fromEntries(labels.map((l) => [l, raw[l] ?? 0])) as Record<L, number>;
  const total = labels.reduce((sum, l) => sum + scores[l], 0);
  const best = labels.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  // The network's outputs are not normalised: when they are all weak, the winner's share would overstate it.
  return { best, share: scores[best] / Math.max(total, 1), scores };
}

export function classifierOver(model: IntentModel<Pick<Network, 'run'>>): IntentClassifier {
  return {
    classify(text) {
      const features = featuresOf(text);
      // oos first: a text no family claims is out of scope.
      const families = shares(model.family.run(features) ?? {}, ['oos', ...INTENT_FAMILIES.filter((f) => f !== 'oos')]);
      const family = families.best;
      if (!WITH_ACTS.has(family)) {
        return { family, confidence: families.share, scores: families.scores, act: null, actConfidence: 0, intent: family as Intent };
      }
      const acts = shares(model.act.run(features) ?? {}, ACTS);
      const act = acts.best;
      return {
        family, confidence: families.share, scores: families.scores, act, actConfidence: acts.share, intent: `${family}.${act}` as Intent,
      };
    },
  };
}
