import { parseWhen } from '../../understanding/dates.js';
import type { UnderstandContext } from '../../understanding/types.js';
import { capitalize, fromRaw, trimFillers } from '../../understanding/wording.js';
import { compact } from '../shared/wording.js';
import type { CreateEventArgs } from './calendar.schemas.js';
import { wordList } from '../../understanding/pattern.js';

export const CAL_PHRASE = new RegExp(wordList`\b(?:to|on|in|into|onto|in to)\s+(?:my|the|our)?\s*(?:calendar|cal|calender|
  schedule|agenda|diary)\b|\b(?:calendar|cal) (?:event|entry)\b`, 'g');
const EVENT_WORD = /^(?:an? )?(?:new )?(?:event|entry|appointment|appt)(?: called| named| titled| for|:)?\s+(?=\S)/;
const NOTIFY = new RegExp(wordList`\b(?:and |with an? )?(?:remind|notify|alert|ping|text) me (\d+|an?|half an) ?(min|mins|minutes|
  hour|hours|day|days) (?:before|ahead|early|prior)\b|\bwith an? (\d+) ?(min|minute|hour)s? (?:reminder|alert|heads up)\b`);
const ALL_DAY = /\b(?:all[- ]day|whole day|the whole day|all day long)\b/;
const LOCATION = new RegExp(wordList`(?:^|\s)(?:at|@)\s+(?!\d|noon\b|midnight\b|night\b|the moment\b|
  home time\b)([^\s,][^,]*?)(?=\s+(?:with|for|to|about|re)\s|\s*,|$)`);
const ROOM = /(?:^|\s)in\s+((?:conference |meeting |board )?room\s+\S+|the office|the conference room|the boardroom)(?=\s|$)/;

const LEADING = /^(?:a|an|the|my|for|to|about|called|named|titled|on|at|from|:|-|event|new event)\b\s*/;
const TRAILING = /\s*\b(?:on|at|for|from|to|by|in|please|thanks|the|this|next|and|until|till|starting|beginning)$/;

function notifyMinutes(m: RegExpExecArray): number {
  const qty = m[1] ? (m[1] === 'half an' ? 0.5 : /^an?$/.test(m[1]) ? 1 : Number(m[1])) : Number(m[3]);
  const unit = m[2] ?? m[4] ?? 'min';
  return Math.round(unit.startsWith('h') ? qty * 60 : unit.startsWith('d') ? qty * 1440 : qty);
}

/** Title, place and time of an event from what is left after the ask ("lunch w sam fri 1pm at joe's cafe"). */
export function eventArgs(body: string, raw: string, ctx: UnderstandContext): CreateEventArgs & { found: boolean } {
  let text = body.replace(/^(?:calendar|cal|calender|event|new event|agenda)\s*:\s*/, '').replace(CAL_PHRASE, ' ');
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
  const loc = LOCATION.exec(rest) ?? ROOM.exec(rest);
  if (loc) {
    location = capitalize(fromRaw(raw, trimFillers(loc[1]!, /^(?:the )?(?=x)x/, /\s*\b(?:on|at|for|please|and)$/)));
    rest = rest.replace(loc[0], ' ');
  }
  const title = trimFillers(rest, LEADING, TRAILING);
  return compact({
    found: Boolean(when.date || when.time),
    title: title ? capitalize(fromRaw(raw, title)) : undefined,
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
