import { foldedWords } from './fold.js';
import { wordList } from './pattern.js';
import { correctTypo } from './typos.js';

/**
 * Word helpers for tool rules that need the user's own wording (item names, descriptions),
 * which the shorthand expansion of normalizeText would change ("sun dried" → "sunday dried").
 */

/**
 * Lowercase, emoji and stray punctuation gone, "&" read as "and"; commas and decimals kept.
 * `keepEmoji` keeps them (not check marks) for the rules that look for an item named by emoji alone.
 */
export function cleanText(raw: string, { keepEmoji = false } = {}): string {
  const key = `${keepEmoji ? 1 : 0}${raw}`;
  let clean = recentlyCleaned.get(key);
  if (clean === undefined) remember(recentlyCleaned, key, (clean = cleaned(raw, keepEmoji)));
  return clean;
}

/** Every rule reads the same message: the last few results are kept rather than worked out again per rule. */
const recentlyCleaned = new Map<string, string>();

export function remember(recent: Map<string, string>, key: string, value: string): void {
  if (recent.size >= 16) recent.delete(recent.keys().next().value!);
  recent.set(key, value);
}

function cleaned(raw: string, keepEmoji: boolean): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(keepEmoji ? /[✓✔☑]/gu : /\p{Extended_Pictographic}|\uFE0F|\u200D|[✓✔☑]/gu, ' ')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/[!?;"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,:-]+$/, '')
    .replace(/^[\s.,:-]+/, '')
    .replace(/[\p{L}']+/gu, correctTypo)
    .trim();
}

const POLITE_START = new RegExp(wordList`^(?:(?:hey|hi|hello|ok|okay|oh|and|also|um+|so|yo)(?:\s+(?:errand|assistant))?[\s,]+|(?:please|pls|plz|
  pleas|can you|can u|could you|could u|would you|will you|kindly|can i)\s+)+`);
const POLITE_END = /(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty|too|as well|also|for me|asap|real quick|thank u))+$/;

/** Drops "please", "can you", "thanks" and similar wrapping around a request. */
export function stripPoliteness(text: string): string {
  return text.replace(POLITE_START, '').replace(POLITE_END, '').trim();
}

const IRREGULAR: Record<string, string> = {
  loaves: 'loaf', halves: 'half', knives: 'knife', leaves: 'leaf', wives: 'wife', shelves: 'shelf',
  children: 'child', mice: 'mouse', geese: 'goose', feet: 'foot', teeth: 'tooth', people: 'person',
  cookies: 'cookie', movies: 'movie', pies: 'pie', brownies: 'brownie', smoothies: 'smoothie', veggies: 'veggie',
  hoodies: 'hoodie', ties: 'tie', calories: 'calorie', shoes: 'shoe', toes: 'toe', series: 'series', species: 'species',
  fries: 'fry', groceries: 'grocery', dies: 'die', lies: 'lie', oreos: 'oreo', tacos: 'taco', avocados: 'avocado',
  burritos: 'burrito', nachos: 'nacho', pesos: 'peso', kiwis: 'kiwi', hummus: 'hummus', asparagus: 'asparagus',
  couscous: 'couscous', molasses: 'molasses', swiss: 'swiss', watercress: 'watercress', bus: 'bus', gas: 'gas',
  glasses: 'glass', dishes: 'dish', taxis: 'taxi', cafes: 'cafe', sauces: 'sauce', lettuces: 'lettuce',
  olives: 'olive', chives: 'chive', cloves: 'clove', gloves: 'glove', hives: 'hive', knifes: 'knife',
};

/** English plural → singular, good enough for grocery and expense words (same function on both sides of a compare). */
export function singularize(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/oes$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

const NOT_PART_OF_A_NAME = new Set(['the', 'a', 'an', 'some', 'more', 'of']);

/** A phrase's comparison key: folded words of any script (fold.ts), articles dropped, English plurals singularised. */
export function singularKey(phrase: string): string {
  return foldedWords(phrase)
    .filter((w) => !NOT_PART_OF_A_NAME.has(w))
    .map(singularize)
    .join(' ');
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const NUMBER_NAME = wordList`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|
  seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)`;
/** A spelled-out number ("twenty five", "a hundred and twenty"), as a regular-expression source. */
export const NUMBER_PHRASE = String.raw`(?:(?:a|${NUMBER_NAME})(?:[\s-]+(?:and[\s-]+)?(?=${NUMBER_NAME}\b))?)+`;
const NUMBER_WORD = new RegExp(String.raw`\b${NUMBER_PHRASE}\b`, 'g');

/** "twenty five" → 25, "a hundred and twenty" → 120, "two thousand" → 2000; null when not a number. */
export function wordsToNumber(phrase: string): number | null {
  const words = phrase.split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (!words.length || (words.length === 1 && words[0] === 'a')) return null;
  let total = 0;
  let current = 0;
  for (const [i, word] of words.entries()) {
    // "a hundred" is 100, but "a ninety dollar bill" is one bill of 90.
    if (word === 'a' && i === 0) current = ['hundred', 'thousand'].includes(words[1]!) ? 1 : 0;
    else if (word in SMALL) current += SMALL[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** Replaces spelled-out numbers with digits: "spent twenty five dollars" → "spent 25 dollars". */
export function digitsForNumberWords(text: string): string {
  return text.replace(NUMBER_WORD, (match) => {
    const value = wordsToNumber(match.trim());
    return value === null ? match : String(value);
  });
}
