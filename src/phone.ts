import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * E.164 or null. "Possible" rather than "valid": test and fictional ranges (+1 555 …) must work,
 * and the carrier has already accepted the number anyway.
 */
export function toE164(raw: string, defaultCountry?: CountryCode): string | null {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!cleaned) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
