import { toolCall, type Rule, type Understanding } from '../../understanding/types.js';
import { wordList } from '../../understanding/pattern.js';

const call = (args: object): Understanding => toolCall('notifications.update', args);

const TIME = String.raw`(\d{1,2})(?::(\d{2}))?\s?(am|pm|a\.m|p\.m)?`;
const EVENTS = wordList`(?:(?:my |all |all my |the )?(?:calendar )?(?:events|meetings|appointments|appts)|(?:every|
  each) (?:calendar )?(?:event|meeting|appointment))(?: on my calendar)?`;
const ALERTS = String.raw`(?:alerts?|notifications?|reminders?|pings?|heads ?ups?)`;

const EVENT_LEAD = new RegExp(wordList`^(?:please )?(?:(?:notify|alert|remind|ping|text|tell|warn|message) me|(?:set |change |
  make )?(?:my |the )?(?:event|calendar|meeting) ${ALERTS}(?: to)?) (\d{1,4}) (minutes?|hours?) (?:before|ahead of|prior to|
  early for|in advance of)(?: ${EVENTS})?$`);
const EVENT_LEAD_TAIL = new RegExp(wordList`^(?:please )?(?:(?:notify|alert|remind|ping|text|tell|warn|
  message) me )?(\d{1,4}) (minutes?|hours?) before ${EVENTS}$`);
const EVENT_OFF = new RegExp(wordList`^(?:please )?(?:no(?: more)?|stop|disable|turn off|switch off|mute|pause|
  cancel)(?: all| the| my)? (?:event|calendar|meeting|appointment) ${ALERTS}$|^(?:please )?(?:don'?t|do not|stop) (?:notify|
  notifying|alert|alerting|ping|pinging|warn|warning) me (?:before|about|of) ${EVENTS}$|^(?:event|calendar) ${ALERTS} off$`);
const EVENT_ON = new RegExp(wordList`^(?:please )?(?:turn on|enable|switch on|start|resume|unmute)(?: the| my)? (?:event|calendar|
  meeting|appointment) ${ALERTS}$|^(?:event|calendar) ${ALERTS} on$`);

const AGENDA = String.raw`(?:daily |morning )?(?:agenda|schedule|plan|rundown|briefing|summary|day)(?: for the day)?`;
const AGENDA_SET = new RegExp(wordList`^(?:please )?(?:(?:send|text|give|message) me|i want|
  i'?d like)(?: my| a| the)? ${AGENDA}(?: (?:every|each) (?:day|
  morning)| daily| every day| each day)?(?: at ${TIME})?(?: (?:every|each) (?:day|morning)| daily)?( even (?:when|if) (?:it'?s |
  there'?s |i have |the day is )?(?:empty|nothing(?: on)?))?$`);
const AGENDA_SHORT = new RegExp(wordList`^(?:set |turn on |start )?(?:my |the |a )?daily (?:agenda|schedule|briefing|
  summary)(?: at ${TIME})?( even (?:when|if) (?:it'?s )?empty)?$`);
const AGENDA_OFF = new RegExp(wordList`^(?:please )?(?:stop|cancel|no more|turn off|disable|unsubscribe from|pause|end|
  don'?t send(?: me)?)(?: sending me)?(?: my| the| a)? (?:daily |morning )?(?:agenda|agendas|schedule|briefing|rundown|
  summary)(?: messages?| texts?)?(?: every day| each day| every morning)?$`);

const QUIET_SET = new RegExp(wordList`^(?:please )?(?:set |change |make )?(?:my |the )?(?:quiet hours|do not disturb|
  dnd)(?: hours)?(?: are| to| from| is|:)? ${TIME} ?(?:to|-|–|until|till|through|and) ?${TIME}$|^(?:please )?(?:don'?t|do not|
  never) (?:text|message|ping|notify|bother) me (?:between|from|after) ${TIME} (?:and|to|until|till|-|before) ${TIME}$`);
const QUIET_OFF = new RegExp(wordList`^(?:please )?(?:no|disable|turn off|switch off|remove|cancel|stop|clear|delete|
  drop)(?: my| the| any)? (?:quiet hours|do not disturb|dnd)$|^(?:quiet hours|do not disturb|dnd) off$`);

function clock(hour: string, minute: string | undefined, meridiem: string | undefined, assume: 'am' | 'pm'): string | null {
  let h = Number(hour);
  const m = Number(minute ?? '0');
  if (h > 23 || m > 59) return null;
  const half = meridiem?.replace('.', '') ?? (h >= 1 && h <= 11 ? assume : undefined);
  if (half && h > 12) return null;
  if (half === 'pm' && h < 12) h += 12;
  if (half === 'am' && h === 12) h = 0;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function eventLead(text: string): Understanding | null {
  const m = EVENT_LEAD.exec(text) ?? EVENT_LEAD_TAIL.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * (m[2]!.startsWith('hour') ? 60 : 1);
  return minutes > 0 && minutes <= 7 * 24 * 60 ? call({ eventAlerts: minutes }) : null;
}

function agenda(text: string): Understanding | null {
  if (AGENDA_OFF.test(text)) return call({ agenda: 'off' });
  const set = AGENDA_SET.exec(text);
  // "send me my agenda" alone is a question about today, not a subscription.
  const m = set && /\b(?:every|each|daily)\b/.test(text) ? set : AGENDA_SHORT.exec(text);
  if (!m) return null;
  const time = m[1] ? clock(m[1], m[2], m[3], 'am') : '07:00';
  return time ? call({ agenda: { time, evenWhenEmpty: Boolean(m[4]) } }) : null;
}

/** "don't text me after 10pm", "no messages before 8am please": one side said, the other the usual night's. */
const QUIET_ONE_SIDE = new RegExp(wordList`^(?:please )?(?:don'?t|do not|never|no) (?:text|message|ping|notify|bother|send|
  wake)(?: me)?(?: anything| any ?(?:thing|messages|texts|notifications))? (before|after|past) ${TIME}\b(?:,? (?:please|like ever|
  ever|at all|thanks|i need (?:quiet|sleep|my sleep)[a-z ]*))*$`);
const NIGHT = { start: '22:00', end: '07:00' };

function quietOneSide(text: string): Understanding | null {
  const m = QUIET_ONE_SIDE.exec(text);
  if (!m) return null;
  const after = m[1] !== 'before';
  const time = clock(m[2]!, m[3], m[4], after ? 'pm' : 'am');
  if (!time) return null;
  return call({ quietHours: after ? { start: time, end: NIGHT.end } : { start: NIGHT.start, end: time } });
}

function quiet(text: string): Understanding | null {
  if (QUIET_OFF.test(text)) return call({ quietHours: 'off' });
  const m = QUIET_SET.exec(text);
  if (!m) return quietOneSide(text);
  const g = m[1] ? m.slice(1, 7) : m.slice(7, 13);
  const start = clock(g[0]!, g[1], g[2], 'pm');
  const end = clock(g[3]!, g[4], g[5], 'am');
  if (start && start === end) return { kind: 'reply', text: QUIET_SAME };
  return start && end ? call({ quietHours: { start, end } }) : null;
}

const QUIET_SAME = 'Quiet hours need an end that differs from their start — e.g. "quiet hours 10pm to 7am". Nothing changed.';

export const notificationRules: Rule[] = [
  {
    name: 'notifications.events',
    match: ({ text }) => (EVENT_OFF.test(text) ? call({ eventAlerts: 'off' }) : EVENT_ON.test(text) ? call({ eventAlerts: 'default' }) : eventLead(text)),
  },
  { name: 'notifications.agenda', match: ({ text }) => agenda(text) },
  { name: 'notifications.quiet-hours', match: ({ text }) => quiet(text) },
];
