import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Numbers seen lately: people text again and again from the same numbers, and parsing is the costliest step of a webhook's intake. */
const recent = new Map<string, string | null>();
const RECENT_LIMIT = 10_000;
/** Longer input is never a phone number worth remembering (and must not fill memory). */
const CACHEABLE_LENGTH = 40;

/**
 * E.164 or null. "Possible" rather than "valid": test and fictional ranges (+1 555 …) must work,
 * and the carrier has already accepted the number anyway.
 */
export function toE164(raw: string, defaultCountry?: CountryCode): string | null {
  if (raw.length > CACHEABLE_LENGTH) return parse(raw, defaultCountry);
  const key = defaultCountry ? `${defaultCountry}:${raw}` : raw;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const e164 = parse(raw, defaultCountry);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, e164);
  return e164;
}

function parse(raw: string, defaultCountry?: CountryCode): string | null {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!cleaned) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
