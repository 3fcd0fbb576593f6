/** GSM 03.38 basic character set (one septet each); anything else forces UCS-2. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs an escape plus the character, two septets. */
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');

export const SMS_MAX_PART = 1600;
export const SMS_PREFERRED_PART = 320;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
}

export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENDED.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

/**
 * Segments one message is billed as: GSM-7 160 septets (153 per part when concatenated), UCS-2 70 code units (67).
 * Packing is per character, so an escape pair or a surrogate pair is never split across two parts, as handsets do.
 */
export function countSegments(text: string): SegmentCount {
  const encoding = encodingOf(text);
  const sizes = [...text].map((ch) => (encoding === 'GSM-7' ? (GSM_EXTENDED.has(ch) ? 2 : 1) : ch.length));
  const total = sizes.reduce((a, b) => a + b, 0);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  if (total <= single) return { encoding, segments: total === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments };
}

/**
 * Splits a reply into SMS messages at word boundaries: parts of at most `preferred` characters,
 * except that a single word longer than that (a link) stays whole up to `max`, and is only cut beyond it.
 */
export function splitSms(text: string, preferred = SMS_PREFERRED_PART, max = SMS_MAX_PART): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= preferred) return trimmed ? [trimmed] : [];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const token of trimmed.split(/(\s+)/)) {
    if ((current + token).trimEnd().length <= preferred) {
      current += token;
      continue;
    }
    flush();
    if (/^\s+$/.test(token)) continue;
    if (token.length <= max) current = token;
    else for (const piece of cut(token, max)) parts.push(piece);
  }
  flush();
  return parts;
}

/** Cuts an over-long word into pieces of at most `max` UTF-16 units without breaking a character. */
function cut(word: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece.length + ch.length > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export function totalSegments(parts: string[]): number {
  return parts.reduce((sum, part) => sum + countSegments(part).segments, 0);
}
