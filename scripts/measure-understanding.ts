/**
 * Which classifier design names a text's intent better: one model over `family.act` labels, or a family model plus a
 * second model for the act. Both are trained on the training texts minus a deterministic held-back slice (sha256 of the
 * text starts with a byte below 26, ≈ 10%) and scored on that slice; speed is classifications per second.
 * `npx tsx scripts/measure-understanding.ts`
 */
import { createHash } from 'node:crypto';
import { classifierOver, familyOf, type Intent } from '../src/understanding/intent/classifier.js';
import { featuresOf } from '../src/understanding/intent/features.js';
import { trainModel, trainNetwork } from './train-understanding.js';
import { examples, type Example } from './understanding-data.js';

const heldBack = ([text]: Example) => createHash('sha256').update(text).digest()[0]! < 26;


const best = (scores: Record<string, number>) => Object.entries(scores).reduce((a, b) => (b[1] > a[1] ? b : a))[0];

const all = examples();
const train = all.filter((e) => !heldBack(e));
const test = all.filter(heldBack);

const oneNetwork = trainNetwork(train);
const oneModel = (text: string) => best(oneNetwork.run(featuresOf(text))) as Intent;
const twoModels = classifierOver(trainModel(train, trainNetwork));

function score(name: string, predict: (text: string) => Intent): void {
  let intent = 0;
  let family = 0;
  let falseWrite = 0;
  for (const [text, label] of test) {
    const got = predict(text);
    if (got === label) intent++;
    if (familyOf(got) === familyOf(label)) family++;
    if (label === 'oos' && /\.create$/.test(got)) falseWrite++;
  }
  const started = performance.now();
  for (let i = 0; i < 3; i++) for (const [text] of test) predict(text);
  const perSecond = Math.round((3 * test.length) / ((performance.now() - started) / 1000));
  const oos = test.filter(([, l]) => l === 'oos').length;
  console.log(`${name}: intent ${((100 * intent) / test.length).toFixed(1)}%, family ${((100 * family) / test.length).toFixed(1)}%, ` +
    `oos→create ${falseWrite}/${oos}, ${perSecond}/s (${test.length} held back of ${all.length})`);
}

score('one network over family.act labels', oneModel);
score('a family network + an act network', (t) => twoModels.classify(t).intent);
