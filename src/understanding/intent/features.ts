import { createRequire } from 'node:module';
import { normalizeText } from '../normalize.js';

const require = createRequire(import.meta.url);
const { StemmerEn } = require('@nlpjs/lang-en-min') as { StemmerEn: new () => { stemWord(word: string): string } };
const stemmer = new StemmerEn();

/** Digits and amounts carry meaning by their shape, not their value ("$12.50" and "$3" say the same thing). */
function shapeOf(token: string): string {
  if (/^[$€£]\d/.test(token) || /^\d+(?:\.\d+)?(?:usd|eur|gbp|bucks?|dollars?)$/.test(token)) return '<money>';
  if (/^\d{1,2}(?::\d\d)?(?:am|pm|a|p)$/.test(token) || /^\d{1,2}:\d\d$/.test(token)) return '<time>';
  if (/^\d+(?:st|nd|rd|th)$/.test(token)) return '<ordinal>';
  if (/^\d+(?:[.,]\d+)?$/.test(token)) return '<number>';
  return token;
}

/**
 * The classifier's view of a text: normalised (texting shorthand expanded), each word's stem, adjacent stem pairs,
 * and the first word on its own (questions and commands show themselves there).
 */
export function featuresOf(raw: string): Record<string, 1> {
  const tokens = normalizeText(raw)
    .replace(/[^\p{L}\p{N}$€£:.' ]+/gu, ' ')
    .split(' ')
    .map((t) => t.replace(/^[.']+|[.']+$/g, ''))
    .filter(Boolean)
    .map(shapeOf)
    .map((t) => (t.startsWith('<') ? t : stemmer.stemWord(t)));
  const features: Record<string, 1> = {};
  for (const [i, token] of tokens.entries()) {
    features[token] = 1;
    if (i > 0) features[`${tokens[i - 1]}_${token}`] = 1;
  }
  if (tokens[0]) features[`^${tokens[0]}`] = 1;
  if (/\?\s*$/.test(raw)) features['<question-mark>'] = 1;
  return features;
}
