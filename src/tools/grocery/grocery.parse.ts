import { categoryFor, type GroceryCategory } from './grocery.categories.js';
import { emojiOf } from '../../understanding/fold.js';
import { wordsToNumber } from '../../understanding/words.js';
import { wordList } from '../../understanding/pattern.js';

export interface ParsedItem {
  name: string;
  quantity: number | null;
  unit: string | null;
  category: GroceryCategory;
}

/** Spoken units → the stored singular form. */
export const UNITS: Record<string, string> = {
  dozen: 'dozen', doz: 'dozen', dz: 'dozen',
  loaf: 'loaf', loaves: 'loaf', lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb', oz: 'oz', ounce: 'oz', ounces: 'oz',
  kg: 'kg', kgs: 'kg', kilo: 'kg', kilos: 'kg', kilogram: 'kg', kilograms: 'kg', g: 'g', gr: 'g', gram: 'g', grams: 'g',
  l: 'l', liter: 'l', liters: 'l', litre: 'l', litres: 'l', ml: 'ml', gallon: 'gallon', gallons: 'gallon', gal: 'gallon',
  quart: 'quart', quarts: 'quart', qt: 'quart', pint: 'pint', pints: 'pint',
  bottle: 'bottle', bottles: 'bottle', can: 'can', cans: 'can', tin: 'can', tins: 'can', jar: 'jar', jars: 'jar',
  box: 'box', boxes: 'box', bag: 'bag', bags: 'bag', pack: 'pack', packs: 'pack', packet: 'pack', packets: 'pack',
  package: 'pack', packages: 'pack', pkg: 'pack', pkgs: 'pack', carton: 'carton', cartons: 'carton',
  bunch: 'bunch', bunches: 'bunch', head: 'head', heads: 'head', stick: 'stick', sticks: 'stick', roll: 'roll', rolls: 'roll',
  bar: 'bar', bars: 'bar', tub: 'tub', tubs: 'tub', case: 'case', cases: 'case', block: 'block', blocks: 'block',
  clove: 'clove', cloves: 'clove', slice: 'slice', slices: 'slice', container: 'container', containers: 'container',
  cup: 'cup', cups: 'cup', piece: 'piece', pieces: 'piece', pc: 'piece', pcs: 'piece',
};
const PLURAL_UNITS: Record<string, string> = {
  loaf: 'loaves', box: 'boxes', bunch: 'bunches', gallon: 'gallons', quart: 'quarts', pint: 'pints', bottle: 'bottles',
  can: 'cans', jar: 'jars', bag: 'bags', pack: 'packs', carton: 'cartons', head: 'heads', stick: 'sticks', roll: 'rolls',
  bar: 'bars', tub: 'tubs', case: 'cases', block: 'blocks', clove: 'cloves', slice: 'slices', container: 'containers',
  cup: 'cups', piece: 'pieces',
};
/** Rolls and bars are units only before "of" ("2 rolls of foil"); "2 rolls" alone are bread rolls. */
const UNITS_NEEDING_OF = new Set(['roll', 'bar', 'head', 'stick', 'case', 'block', 'piece', 'cup', 'slice']);

const ALIASES: Record<string, string> = {
  tp: 'toilet paper', 'toilet tissue': 'toilet paper', oj: 'orange juice', pb: 'peanut butter', evoo: 'olive oil',
  'bog roll': 'toilet paper', 'ppr towels': 'paper towels', 'q tips': 'q-tips', 'tin foil': 'aluminum foil',
};

const QTY_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, 'a couple': 2, 'a couple of': 2, couple: 2, 'couple of': 2, 'a pair of': 2, 'half a dozen': 6, 'half dozen': 6,
  'a half dozen': 6,
};

/** "loaves", "kg": a unit as it reads after a number other than one. */
export function pluralUnit(unit: string): string {
  return PLURAL_UNITS[unit] ?? unit;
}

/** "eggs (2 dozen)", "apples (3)", "milk". */
export function describeItem(item: { name: string; quantity?: number | string | null; unit?: string | null }): string {
  if (item.quantity === null || item.quantity === undefined) return item.name;
  const qty = Number(item.quantity);
  const unit = item.unit ? ` ${qty === 1 ? item.unit : pluralUnit(item.unit)}` : '';
  return `${item.name} (${formatQty(qty)}${unit})`;
}

export function formatQty(qty: number): string {
  return Number.isInteger(qty) ? String(qty) : String(Number(qty.toFixed(3)));
}

/** Dishes whose name contains "and": one item, not two. */
const PROTECTED = ['mac and cheese', 'macaroni and cheese', 'half and half', 'cookies and cream', 'sweet and sour',
  'salt and vinegar', 'pork and beans'];

/** Splits "milk, 2 dozen eggs and a loaf of bread" into item phrases, keeping "mac and cheese" whole. */
export function splitItems(text: string): string[] {
  let work = text.replace(/\bmac n cheese\b/g, 'mac and cheese');
  PROTECTED.forEach((p, i) => {
    work = work.replace(new RegExp(`\\b${p}\\b`, 'g'), `\u0000${i}\u0000`);
  });
  return work
    .split(/\s*(?:,|\n|\+|\/|;|\band then\b|\band also\b|\bplus\b|\balso\b|\band\b|\bn\b|\bwith\b)\s*/)
    .map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => PROTECTED[Number(i)]!).trim())
    .map((part) => part.replace(/^(?:and|also|some|more|extra|the|my|our|a few|few|any)\s+/g, '').trim())
    .filter((part) => part && !/^(?:and|the|some|stuff|things|etc)$/.test(part));
}

/** One phrase → name, quantity, unit and category. */
export function parseItem(phrase: string): ParsedItem | null {
  let text = phrase.replace(/^(?:some|more|extra|the|my|few|a few|any|another)\s+/, '').replace(/[.,:]+$/, '').trim();
  let quantity: number | null = null;
  let unit: string | null = null;

  const suffix = text.match(/^(.+?)\s*(?:x\s*(\d+(?:\.\d+)?)|\(\s*(\d+(?:\.\d+)?)\s*\))$/);
  const prefix = text.match(/^(\d+(?:\.\d+)?)\s*x\s+(.+)$/);
  if (prefix) {
    quantity = Number(prefix[1]);
    text = prefix[2]!;
  } else if (suffix) {
    quantity = Number(suffix[2] ?? suffix[3]);
    text = suffix[1]!;
  } else {
    const lead = leadingQuantity(text);
    const trailing = text.match(/^(\p{L}.*?)\s+(\d+(?:\.\d+)?)\s*([a-z]+)?$/u);
    if (lead) {
      quantity = lead.quantity;
      text = lead.rest;
    } else if (trailing && (!trailing[3] || UNITS[trailing[3]])) {
      // "eggs 2 dozen", "apples 3"
      quantity = Number(trailing[2]);
      text = trailing[3] ? `${trailing[3]} ${trailing[1]}` : trailing[1]!;
    }
  }
  const unitMatch = text.match(/^([a-z]+)\.?(?:\s+of\b|\b)\s*(.*)$/);
  if (unitMatch && UNITS[unitMatch[1]!] && unitMatch[2] && (quantity !== null || /\bof\b/.test(text.slice(0, unitMatch[1]!.length + 4)))) {
    const canonical = UNITS[unitMatch[1]!]!;
    const hasOf = /^[a-z]+\.?\s+of\b/.test(text);
    if (!UNITS_NEEDING_OF.has(canonical) || hasOf) {
      unit = canonical;
      text = unitMatch[2]!;
      if (quantity === null) quantity = 1;
    }
  }
  const name = cleanName(text);
  if (!name) return null;
  const category = categoryFor(name);
  // "2 cans of tomatoes" are shelf goods, not fresh produce.
  return { name, quantity, unit, category: category === 'produce' && (unit === 'can' || unit === 'jar') ? 'pantry' : category };
}

function leadingQuantity(text: string): { quantity: number; rest: string } | null {
  // A minus sign is kept so that "-1 eggs" is asked about, not stored as an item called "-1 eggs".
  const digits = text.match(/^(-?\d+(?:\.\d+)?|\d+\/\d+|½|¼)(?!%)\s*(.+)$/);
  if (digits) {
    const raw = digits[1]!;
    const value = raw === '½' ? 0.5 : raw === '¼' ? 0.25 : raw.includes('/') ? Number(raw.split('/')[0]) / Number(raw.split('/')[1]) : Number(raw);
    return { quantity: value, rest: digits[2]! };
  }
  const phrase = Object.keys(QTY_WORDS)
    .sort((a, b) => b.length - a.length)
    .find((w) => text.startsWith(`${w} `));
  if (phrase) return { quantity: QTY_WORDS[phrase]!, rest: text.slice(phrase.length + 1) };
  const words = text.match(new RegExp(wordList`^((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|
    fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)[\s-]?)+)\s+(.+)$`));
  if (words) {
    const value = wordsToNumber(words[1]!.trim());
    if (value !== null && value > 0) return { quantity: value, rest: words[2]! };
  }
  if (/^half (?:a |an )?(?:gallon|lb|pound|kg|kilo|dozen|loaf|liter|litre)\b/.test(text)) return { quantity: 0.5, rest: text.replace(/^half (?:a |an )?/, '') };
  return null;
}

/** The item's name in its own script (letters with their marks: "दूध"); emoji only when they are all there is ("🍎"). */
function cleanName(text: string): string {
  const name = text
    .replace(/^(?:of|the|some|more|fresh|a|an)\s+/g, '')
    .replace(/\s+(?:please|pls|plz|too|also|as well|asap|for me|thanks|thx)$/g, '')
    .replace(/[^\p{L}\p{M}\p{N}%' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(name)) return emojiOf(text);
  const fixed = name.split(' ').map((w) => TYPOS[w] ?? w).join(' ');
  return ALIASES[fixed] ?? fixed;
}

/** Common misspellings, fixed word by word so the category and merging still work. */
const TYPOS: Record<string, string> = {
  brocoli: 'broccoli', brocolli: 'broccoli', bannanas: 'bananas', bananna: 'banana', banannas: 'bananas',
  tomatos: 'tomatoes', tomatoe: 'tomato', potatos: 'potatoes', potatoe: 'potato', avacado: 'avocado', avacados: 'avocados',
  avocadoes: 'avocados', letuce: 'lettuce', lettice: 'lettuce', strawberrys: 'strawberries', cheeze: 'cheese', chese: 'cheese',
  yoghurt: 'yogurt', yogourt: 'yogurt', mlk: 'milk', milkk: 'milk', egs: 'eggs', eggz: 'eggs', bred: 'bread', bacn: 'bacon',
  coffe: 'coffee', cofee: 'coffee', cerael: 'cereal', cereals: 'cereal', spinich: 'spinach', zuchini: 'zucchini', zuccini: 'zucchini',
  parmesean: 'parmesan', mozarella: 'mozzarella', mozzarela: 'mozzarella', sandwhich: 'sandwich',
  catsup: 'ketchup', mayonaise: 'mayonnaise', jalepeno: 'jalapeno', jalepenos: 'jalapenos',
  toiletpaper: 'toilet paper', papertowels: 'paper towels', icecream: 'ice cream', detergant: 'detergent', shampo: 'shampoo',
};
