/**
 * How text is compared everywhere a person names something (grocery items, reminder and event words, categories):
 * NFKC, case-folded, with the letters, marks and digits of every script — and emoji, which can be a name alone.
 */

const ASCII = /^[\x00-\x7F]*$/;

/** NFKC and case-folded: upper- then lower-casing also folds what lower-casing alone keeps apart (ß/SS, σ/ς). */
export function foldCase(text: string): string {
  // ASCII is its own NFKC and folds by lower-casing alone: the common case stays cheap.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Pictographs with their skin tones, flags' letters, joiners and emoji presentation selectors. */
const EMOJI_CHARS = String.raw`\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0F`;
const EMOJI_RUNS = new RegExp(`[${EMOJI_CHARS}]+`, 'gu');
/** Anything that is not part of a word: punctuation, symbols and spaces (apostrophes stay: "joe's"). */
const BETWEEN_WORDS = new RegExp(String.raw`[^\p{L}\p{M}\p{N}${EMOJI_CHARS}']+`, 'gu');

/**
 * Without accents ("café" → "cafe"): for looking a word up in an English keyword list or an IANA city name,
 * never for telling two names apart.
 */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** The words of a text, folded. */
export function foldedWords(text: string): string[] {
  return foldCase(text).replace(BETWEEN_WORDS, ' ').split(' ').filter(Boolean);
}

/** Scripts written without spaces between words: there, a word is found inside another ("牛奶" in "买牛奶"). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function writtenWithoutSpaces(word: string): boolean {
  return UNSPACED.test(word);
}

/** True when the folded phrase `key` appears in the folded `text` as whole words (or inside one, in an unspaced script). */
export function containsPhrase(text: string, key: string): boolean {
  if (!key) return false;
  return ` ${text} `.includes(` ${key} `) || (writtenWithoutSpaces(key) && text.includes(key));
}

/** "🍎", "🇫🇷 🥐": a name made of emoji alone (emoji beside words are decoration: "milk 🥛"). */
export function isEmojiName(name: string): boolean {
  return /\S/u.test(name) && !/[\p{L}\p{N}]/u.test(name) && name.replace(EMOJI_RUNS, '').trim() === '';
}

/** The emoji of a text, one run per word ("2 🍎🍎" → "🍎🍎"). */
export function emojiOf(text: string): string {
  return (text.match(EMOJI_RUNS) ?? []).join(' ');
}
