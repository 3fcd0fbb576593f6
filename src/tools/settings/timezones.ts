import { isValidTimeZone } from '../../time.js';
import { foldCase, withoutAccents } from '../../understanding/fold.js';

/** Abbreviations, regions, countries and big cities people text that are not IANA names themselves. */
const PLACES: Record<string, string> = {
  est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', eastern: 'America/New_York', 'eastern time': 'America/New_York',
  'us eastern': 'America/New_York', cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', central: 'America/Chicago',
  'central time': 'America/Chicago', mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', mountain: 'America/Denver',
  'mountain time': 'America/Denver', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles', akst: 'America/Anchorage', alaska: 'America/Anchorage',
  hst: 'Pacific/Honolulu', hawaii: 'Pacific/Honolulu', ast: 'America/Halifax', atlantic: 'America/Halifax', arizona: 'America/Phoenix',
  utc: 'UTC', gmt: 'UTC', zulu: 'UTC', z: 'UTC', bst: 'Europe/London', cet: 'Europe/Paris', cest: 'Europe/Paris', eet: 'Europe/Athens',
  ist: 'Asia/Kolkata', jst: 'Asia/Tokyo', kst: 'Asia/Seoul', aest: 'Australia/Sydney', aedt: 'Australia/Sydney', awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland', sgt: 'Asia/Singapore', hkt: 'Asia/Hong_Kong', wib: 'Asia/Jakarta',
  nyc: 'America/New_York', ny: 'America/New_York', 'new york city': 'America/New_York', manhattan: 'America/New_York',
  brooklyn: 'America/New_York', boston: 'America/New_York', philly: 'America/New_York', philadelphia: 'America/New_York',
  dc: 'America/New_York', 'washington dc': 'America/New_York', 'washington d c': 'America/New_York', miami: 'America/New_York',
  atlanta: 'America/New_York', orlando: 'America/New_York', tampa: 'America/New_York', charlotte: 'America/New_York',
  pittsburgh: 'America/New_York', baltimore: 'America/New_York', raleigh: 'America/New_York', cleveland: 'America/New_York',
  columbus: 'America/New_York', 'new jersey': 'America/New_York', nj: 'America/New_York', florida: 'America/New_York',
  ohio: 'America/New_York', georgia: 'America/New_York', virginia: 'America/New_York', 'north carolina': 'America/New_York',
  pennsylvania: 'America/New_York', massachusetts: 'America/New_York', michigan: 'America/Detroit', ottawa: 'America/Toronto',
  montreal: 'America/Toronto', quebec: 'America/Toronto', ontario: 'America/Toronto',
  chicago: 'America/Chicago', chi: 'America/Chicago', houston: 'America/Chicago', dallas: 'America/Chicago', austin: 'America/Chicago',
  'san antonio': 'America/Chicago', texas: 'America/Chicago', tx: 'America/Chicago', minneapolis: 'America/Chicago',
  'st louis': 'America/Chicago', 'saint louis': 'America/Chicago', 'kansas city': 'America/Chicago', nashville: 'America/Chicago',
  'new orleans': 'America/Chicago', milwaukee: 'America/Chicago', memphis: 'America/Chicago', 'oklahoma city': 'America/Chicago',
  illinois: 'America/Chicago', minnesota: 'America/Chicago', winnipeg: 'America/Winnipeg',
  'salt lake city': 'America/Denver', slc: 'America/Denver', albuquerque: 'America/Denver', colorado: 'America/Denver',
  utah: 'America/Denver', calgary: 'America/Edmonton', phoenix: 'America/Phoenix', tucson: 'America/Phoenix',
  la: 'America/Los_Angeles', 'l a': 'America/Los_Angeles', sf: 'America/Los_Angeles', 'san francisco': 'America/Los_Angeles',
  'bay area': 'America/Los_Angeles', seattle: 'America/Los_Angeles', portland: 'America/Los_Angeles', 'san diego': 'America/Los_Angeles',
  'san jose': 'America/Los_Angeles', sacramento: 'America/Los_Angeles', oakland: 'America/Los_Angeles', 'las vegas': 'America/Los_Angeles',
  vegas: 'America/Los_Angeles', california: 'America/Los_Angeles', cali: 'America/Los_Angeles', ca: 'America/Los_Angeles',
  oregon: 'America/Los_Angeles', washington: 'America/Los_Angeles', 'washington state': 'America/Los_Angeles', nevada: 'America/Los_Angeles',
  'silicon valley': 'America/Los_Angeles', honolulu: 'Pacific/Honolulu', anchorage: 'America/Anchorage',
  uk: 'Europe/London', 'united kingdom': 'Europe/London', england: 'Europe/London', britain: 'Europe/London', scotland: 'Europe/London',
  wales: 'Europe/London', manchester: 'Europe/London', edinburgh: 'Europe/London', glasgow: 'Europe/London', birmingham: 'Europe/London',
  ireland: 'Europe/Dublin', france: 'Europe/Paris', germany: 'Europe/Berlin', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin',
  hamburg: 'Europe/Berlin', spain: 'Europe/Madrid', barcelona: 'Europe/Madrid', italy: 'Europe/Rome', milan: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam', holland: 'Europe/Amsterdam', belgium: 'Europe/Brussels', switzerland: 'Europe/Zurich',
  geneva: 'Europe/Zurich', austria: 'Europe/Vienna', portugal: 'Europe/Lisbon', poland: 'Europe/Warsaw', sweden: 'Europe/Stockholm',
  norway: 'Europe/Oslo', denmark: 'Europe/Copenhagen', finland: 'Europe/Helsinki', greece: 'Europe/Athens', turkey: 'Europe/Istanbul',
  russia: 'Europe/Moscow', ukraine: 'Europe/Kyiv', kiev: 'Europe/Kyiv', kyiv: 'Europe/Kyiv', kolkata: 'Asia/Kolkata',
  israel: 'Asia/Jerusalem', 'tel aviv': 'Asia/Jerusalem',
  india: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata', chennai: 'Asia/Kolkata', hyderabad: 'Asia/Kolkata', calcutta: 'Asia/Kolkata', pune: 'Asia/Kolkata',
  japan: 'Asia/Tokyo', osaka: 'Asia/Tokyo', kyoto: 'Asia/Tokyo', korea: 'Asia/Seoul', 'south korea': 'Asia/Seoul', china: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', 'hong kong': 'Asia/Hong_Kong', hk: 'Asia/Hong_Kong', taiwan: 'Asia/Taipei',
  singapore: 'Asia/Singapore', philippines: 'Asia/Manila', thailand: 'Asia/Bangkok', vietnam: 'Asia/Ho_Chi_Minh', hanoi: 'Asia/Ho_Chi_Minh',
  indonesia: 'Asia/Jakarta', bali: 'Asia/Makassar', malaysia: 'Asia/Kuala_Lumpur', 'kuala lumpur': 'Asia/Kuala_Lumpur', uae: 'Asia/Dubai',
  'abu dhabi': 'Asia/Dubai', pakistan: 'Asia/Karachi', bangladesh: 'Asia/Dhaka', egypt: 'Africa/Cairo', nigeria: 'Africa/Lagos',
  kenya: 'Africa/Nairobi', 'south africa': 'Africa/Johannesburg', 'cape town': 'Africa/Johannesburg', australia: 'Australia/Sydney',
  canberra: 'Australia/Sydney', 'new zealand': 'Pacific/Auckland', nz: 'Pacific/Auckland', wellington: 'Pacific/Auckland',
  mexico: 'America/Mexico_City', 'mexico city': 'America/Mexico_City', cdmx: 'America/Mexico_City', brazil: 'America/Sao_Paulo',
  'rio de janeiro': 'America/Sao_Paulo', rio: 'America/Sao_Paulo', 'sao paulo': 'America/Sao_Paulo', argentina: 'America/Argentina/Buenos_Aires',
  'buenos aires': 'America/Argentina/Buenos_Aires', colombia: 'America/Bogota', peru: 'America/Lima', chile: 'America/Santiago',
  canada: 'America/Toronto', 'puerto rico': 'America/Puerto_Rico',
};

const ZONES = Intl.supportedValuesOf('timeZone').concat(['UTC']);
const BY_CITY = new Map<string, string>();
for (const zone of ZONES) {
  BY_CITY.set(zone.toLowerCase(), zone);
  const city = zone.split('/').pop()!.toLowerCase().replace(/_/g, ' ');
  if (!BY_CITY.has(city)) BY_CITY.set(city, zone);
}

/** "Chicago", "America/Los_Angeles", "EST", "london", "utc+2" → an IANA zone; null when unknown. */
export function resolveTimeZone(input: string): string | null {
  // Folded and without accents: IANA spells "Sao_Paulo" and "Zurich", people "São Paulo" and "ZÜRICH".
  const raw = withoutAccents(foldCase(input)).trim().replace(/[.,!]+$/g, '').replace(/^the\s+/, '').trim();
  if (!raw) return null;
  const offset = raw.match(/^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::00)?$/);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours === 0) return 'UTC';
    // Etc/GMT zones are sign-inverted: UTC+2 is Etc/GMT-2.
    const zone = `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
    return isValidTimeZone(zone) ? zone : null;
  }
  const stripped = raw.replace(/\s+(?:time|timezone|time zone|area|tz|standard time|daylight time)$/, '').trim();
  for (const text of [raw, stripped, raw.replace(/\s*,\s*[a-z ]+$/, ''), stripped.replace(/\s*,\s*[a-z ]+$/, '')]) {
    const zone = PLACES[text] ?? BY_CITY.get(text) ?? BY_CITY.get(text.replace(/\s+/g, '_'));
    if (zone && isValidTimeZone(zone)) return canonical(zone);
  }
  // "austin tx", "london uk": drop trailing state or country words one at a time.
  const words = stripped.replace(/,/g, ' ').split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const zone = PLACES[words.slice(0, n).join(' ')] ?? BY_CITY.get(words.slice(0, n).join(' '));
    if (zone && isValidTimeZone(zone)) return canonical(zone);
  }
  if (/^[a-z]+\/[a-z_/+-]+$/i.test(input.trim()) && isValidTimeZone(input.trim())) return input.trim();
  return null;
}

function canonical(zone: string): string {
  return ZONES.find((z) => z.toLowerCase() === zone.toLowerCase()) ?? zone;
}
