import Big from 'big.js';

export interface MoneyMatch {
  /** Decimal string with two places ("1200.50"), or every decimal it was given ("0.001", "-5.00"): the tool checks it. */
  amount: string;
  /** ISO code when the text named one (symbol, code or word); null means "the user's default". */
  currency: string | null;
  index: number;
  length: number;
  /** How sure we are this is money and not a count or a time. */
  score: number;
}

const SYMBOLS: Record<string, string> = {
  '$': '$', 'us$': 'USD', 'c$': 'CAD', 'ca$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'nz$': 'NZD', 'hk$': 'HKD', 's$': 'SGD', 'r$': 'BRL',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₺': 'TRY', '₪': 'ILS', '₱': 'PHP', '₽': 'RUB', '₦': 'NGN', '฿': 'THB',
};
export const CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'NZD', 'CHF', 'INR', 'MXN', 'BRL', 'CNY', 'SEK', 'NOK', 'DKK', 'PLN',
  'ZAR', 'SGD', 'HKD', 'KRW', 'TRY', 'ILS', 'CZK', 'HUF', 'PHP', 'THB', 'AED', 'SAR', 'NGN', 'KES', 'RUB', 'IDR', 'MYR', 'COP',
  'ARS', 'CLP', 'PEN', 'VND', 'EGP', 'PKR', 'BDT', 'RON', 'TWD'];
const WORDS: Record<string, string> = {
  dollar: '$', dollars: '$', buck: '$', bucks: '$', usd: 'USD', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  pound: 'GBP', pounds: 'GBP', quid: 'GBP', gbp: 'GBP', yen: 'JPY', rupee: 'INR', rupees: 'INR', rs: 'INR', inr: 'INR',
  pesos: 'MXN', peso: 'MXN', francs: 'CHF', franc: 'CHF', reais: 'BRL', real: 'BRL', yuan: 'CNY', rmb: 'CNY', kr: 'SEK',
  cents: 'cents', cent: 'cents', 'p': 'GBP',
};
const DOLLAR_CODES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD']);

const NUM = String.raw`(\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?|[.,]\d{1,2})(k)?`;
const SYMBOL_RE = String.raw`(us\$|c\$|ca\$|a\$|au\$|nz\$|hk\$|s\$|r\$|\$|€|£|¥|₹|₩|₺|₪|₱|₽|₦|฿)`;
/** Codes that are also everyday words (try, cop, pen, ars) are read only in capitals or with a symbol. */
const CODE_RE = `(${CODES.filter((c) => !['TRY', 'COP', 'PEN', 'ARS'].includes(c)).join('|').toLowerCase()})`;
const WORD_RE = String.raw`(dollars?|bucks?|euros?|pounds?|quid|yen|rupees?|rs|pesos?|francs?|reais|yuan|rmb|kr|cents?|p)`;

const PATTERNS: { re: RegExp; cur: 'before' | 'after' | 'none'; kind: 'symbol' | 'code' | 'word' | 'bare' }[] = [
  { re: new RegExp(`${SYMBOL_RE}\\s?${NUM}`, 'g'), cur: 'before', kind: 'symbol' },
  { re: new RegExp(`\\b${CODE_RE}\\s?${NUM}`, 'g'), cur: 'before', kind: 'code' },
  { re: new RegExp(`${NUM}\\s?${SYMBOL_RE}`, 'g'), cur: 'after', kind: 'symbol' },
  { re: new RegExp(`${NUM}\\s?${CODE_RE}\\b`, 'g'), cur: 'after', kind: 'code' },
  { re: new RegExp(`${NUM}\\s?${WORD_RE}\\b`, 'g'), cur: 'after', kind: 'word' },
  // Not inside a word, a time, a date or a range ("3-4"); "-5" is read, as a negative amount.
  { re: new RegExp(`(?<![\\w:/.,]|\\S-)${NUM}(?![\\w:/%°]|\\.\\d|,\\d)`, 'g'), cur: 'none', kind: 'bare' },
];

/** "1.200,50" → "1200.50", "1,200" → "1200.00", "4.5" → "4.50", "12,50" → "12.50", "0,001" → "0.001". */
export function toDecimal(raw: string, thousands?: string): string | null {
  let text = raw.replace(/[' ]/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    text = text.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    // "1,200" groups thousands; "0,001" and "12,5" are decimal commas.
    text = /^[1-9]\d{0,2}(?:,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (lastDot >= 0 && (text.match(/\./g)?.length ?? 0) > 1) {
    text = text.replace(/\./g, '');
  } else if (lastDot >= 0 && /^[1-9]\d{0,2}\.\d{3}$/.test(text) && thousands === '.') {
    text = text.replace('.', '');
  }
  if (text.startsWith('.')) text = `0${text}`;
  try {
    return decimalText(new Big(text));
  } catch {
    return null;
  }
}

/** Two places when the amount has at most two ("4.5" → "4.50"), else every decimal it was given ("0.001"). */
function decimalText(value: Big): string {
  return value.round(2).eq(value) ? value.toFixed(2) : value.toFixed();
}

/** "spent -5", "-$5 lunch": a minus sign meant for the amount (not the dash of "Lunch - $14" or "lunch -$14"). */
const MINUS_BEFORE = /(?:^|\b(?:spent|spend|paid|pay|cost|costs|was|were|log|logged|expense|expensed)\s+)-$/;

function codeFor(marker: string | undefined, kind: string, defaultCurrency: string): string | null {
  if (!marker) return null;
  const m = marker.toLowerCase();
  const mapped = kind === 'symbol' ? SYMBOLS[m] : kind === 'code' ? m.toUpperCase() : WORDS[m];
  if (mapped === '$') return DOLLAR_CODES.has(defaultCurrency) ? defaultCurrency : 'USD';
  return mapped ?? null;
}

/** Every amount of money in the text, best first. */
export function findMoney(text: string, defaultCurrency: string): MoneyMatch[] {
  const found: MoneyMatch[] = [];
  const taken: [number, number][] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const [num, k, marker] = pattern.cur === 'before' ? [m[2], m[3], m[1]] : [m[1], m[2], m[3]];
      const currency = codeFor(marker, pattern.kind, defaultCurrency);
      let amount = toDecimal(num!, currency === 'EUR' || /\d\.\d{3},/.test(num!) ? '.' : undefined);
      if (!amount) continue;
      if (k) amount = decimalText(new Big(amount).times(1000));
      const isCents = currency === 'cents' || (marker === 'p' && pattern.kind === 'word');
      if (isCents) amount = decimalText(new Big(amount).div(100));
      if (MINUS_BEFORE.test(text.slice(0, start))) amount = decimalText(new Big(amount).neg());
      if (marker === 'p' && !/^\d+$/.test(num!)) continue;
      // "ten p m", as a transcript writes 10 pm, is a time.
      if (marker === 'p' && /^\.?\s?m\b/.test(text.slice(end))) continue;
      taken.push([start, end]);
      const score = pattern.kind === 'bare' ? (num!.match(/[.,]\d{2}$/) ? 2 : 1) : 3;
      found.push({ amount, currency: isCents ? (currency === 'cents' ? null : 'GBP') : currency, index: start, length: m[0].length, score });
    }
  }
  return found.sort((a, b) => b.score - a.score || a.index - b.index);
}

const SIGN: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CAD: 'CA$', AUD: 'A$', NZD: 'NZ$', KRW: '₩', MXN: 'MX$', BRL: 'R$' };

/** "$12.50", "€1,200.50", "CHF 20.00"; `digits` 0 for "¥1". */
export function formatMoney(amount: string, currency: string, digits = 2): string {
  const code = currency.trim().toUpperCase();
  const [whole, cents] = new Big(amount).toFixed(digits).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const value = cents === undefined ? grouped : `${grouped}.${cents}`;
  const sign = SIGN[code];
  return sign ? `${sign}${value}` : `${code} ${value}`;
}
