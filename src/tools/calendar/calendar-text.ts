import { parseWhen } from '../../understanding/dates.js';
import type { UnderstandContext } from '../../understanding/types.js';
import { capitalize, fromRaw, trimFillers } from '../../understanding/wording.js';
import { compact } from '../shared/wording.js';
import type { CreateEventArgs } from './calendar.schemas.js';
import { wordList } from '../../understanding/pattern.js';

export const CAL_PHRASE = new RegExp(wordList`\b(?:to|on|in|into|onto|in to)\s+(?:my|the|our)?\s*(?:calendar|cal|calender|
  schedule|agenda|diary)\b|\b(?:calendar|cal) (?:event|entry)\b`, 'g');
const EVENT_WORD = /^(?:an? |this |that )?(?:new )?(?:event|entry|appointment|appt|calendar|cal)(?: called| named| titled| for|:)?\s+(?=\S)/;
const NOTIFY = new RegExp(wordList`\b(?:and |with an? )?(?:remind|notify|alert|ping|text) me (\d+|an?|half an) ?(min|mins|minutes|
  hour|hours|day|days) (?:before|ahead|early|prior)\b|\bwith an? (\d+) ?(min|minute|hour)s? (?:reminder|alert|heads up)\b`);
const ALL_DAY = /\b(?:all[- ]day|whole day|the whole day|all day long)\b/;
const LOCATION = new RegExp(wordList`(?:^|\s)(?:at|@)\s+(?!\d|noon\b|midnight\b|night\b|the moment\b|
  home time\b)([^\s,][^,]*?)(?=\s+(?:with|for|to|about|re)\s|\s*,|$)`);
const ROOM = new RegExp(wordList`(?:^|\s)in\s+((?:the\s+)?(?:(?:conference|conf|meeting|board|break|class|training)\s*)?
  (?:room|rm)\s+(?!(?:at|on|for|with|to|by|from)\b)\S+|(?:the\s+)?(?:suite|building|bldg|hall|studio|lab)\s+\d\S*|the office|
  the conference room|the boardroom|the break room|the lobby|the cafeteria|the gym|the library|the kitchen)(?=\s|,|$)`);
/** A call's place is the app it happens on: "on zoom", "over teams", "via google meet". */
const VIDEO_APPS: Record<string, string> = {
  zoom: 'Zoom', teams: 'Teams', 'ms teams': 'Teams', 'microsoft teams': 'Teams', 'google meet': 'Google Meet', meet: 'Google Meet',
  hangouts: 'Google Hangouts', 'google hangouts': 'Google Hangouts', facetime: 'FaceTime', skype: 'Skype', webex: 'Webex',
  discord: 'Discord', slack: 'Slack', whatsapp: 'WhatsApp', 'the phone': 'Phone', phone: 'Phone',
};
const ON_AN_APP = new RegExp(String.raw`(?:^|\s)(?:on|over|via|through|by|using)\s+(${Object.keys(VIDEO_APPS)
  .sort((a, b) => b.length - a.length).join('|')})(?:\s+(?:call|meeting|chat))?(?=\s|,|$)`);

const LEADING = /^(?:a|an|the|my|for|to|about|called|named|titled|on|at|from|:|-|event|new event)\b\s*/;
const TRAILING = /\s*\b(?:on|at|for|from|to|by|in|please|thanks|the|this|next|and|until|till|starting|beginning|is|are)$/;
/** Where a title's clause ends: "and/but/so" starting a clause about the person ("job interview and i'm nervous"). */
const CLAUSE_BREAK = /,?\s+(?:and|but|so|because)\s+(?=(?:i|i'm|im|i've|ive|we|we're|it|it's|its|they|he|she)\b)/;
/** "book club sat at 4, add it", "drinks thurs night put it down": the ask said after the event. */
const ASK_AFTER = new RegExp(wordList`,?\s*(?:(?:please|pls|so|can you|could you)\s+)*(?:add it|add that|put it(?: down| in| on)?|
  put that(?: down| in| on)?|write it down|note it(?: down)?|save it|block it(?: out| off)?|(?:do not|don't|dont) let me forget)
  (?:\s+(?:in|on|to|into)\s+(?:my|the)\s+(?:calendar|cal|diary|schedule|agenda))?(?:\s+(?:please|pls|thanks))?$`);

function notifyMinutes(m: RegExpExecArray): number {
  const qty = m[1] ? (m[1] === 'half an' ? 0.5 : /^an?$/.test(m[1]) ? 1 : Number(m[1])) : Number(m[3]);
  const unit = m[2] ?? m[4] ?? 'min';
  return Math.round(unit.startsWith('h') ? qty * 60 : unit.startsWith('d') ? qty * 1440 : qty);
}

/** Title, place and time of an event from what is left after the ask ("lunch w sam fri 1pm at joe's cafe"). */
export function eventArgs(body: string, raw: string, ctx: UnderstandContext): CreateEventArgs & { found: boolean } {
  let text = body.replace(/^(?:calendar|cal|calender|event|new event|agenda)\s*:\s*/, '').replace(ASK_AFTER, ' ').replace(CAL_PHRASE, ' ');
  let notifyMinutesBefore: number | undefined;
  const n = NOTIFY.exec(text);
  if (n) {
    notifyMinutesBefore = notifyMinutes(n);
    text = text.replace(n[0], ' ');
  }
  const allDay = ALL_DAY.test(text) || undefined;
  text = text.replace(ALL_DAY, ' ');
  const when = parseWhen(text, ctx);
  let rest = when.rest.replace(EVENT_WORD, '');
  let location: string | undefined;
  const app = ON_AN_APP.exec(rest);
  const loc = app ? null : (ROOM.exec(rest) ?? LOCATION.exec(rest));
  if (app) {
    location = VIDEO_APPS[app[1]!];
    rest = rest.replace(app[0], ' ');
  } else if (loc) {
    location = capitalize(fromRaw(raw, trimFillers(loc[1]!, /^(?:the )?(?=x)x/, /\s*\b(?:on|at|for|please|and)$/)))
      .replace(/\b(room|rm)\s+([a-z]\d*|\d+[a-z])$/i, (_m, room: string, id: string) => `${room} ${id.toUpperCase()}`);
    rest = rest.replace(loc[0], ' ');
  }
  const title = trimFillers(rest.split(CLAUSE_BREAK)[0]!, LEADING, TRAILING);
  return compact({
    found: Boolean(when.date || when.time),
    title: title ? capitalize(unquoted(fromRaw(raw, title))) : undefined,
    date: when.date,
    time: when.time,
    endDate: when.endDate && when.endDate !== when.date ? when.endDate : undefined,
    endTime: when.endTime,
    durationMinutes: when.durationMinutes,
    allDay: allDay && !when.time ? true : undefined,
    location: location || undefined,
    notifyMinutesBefore,
  });
}

/** 'Book "quarterly review" on dec 10': the quotes mark the title; they are not part of it. */
function unquoted(title: string): string {
  return title.replace(/^(["'“‘])(.+)(["'”’])$/u, (said, open: string, inner: string, close: string) =>
    ('"“'.includes(open) && '"”'.includes(close)) || ("'‘".includes(open) && "'’".includes(close)) ? inner : said);
}
