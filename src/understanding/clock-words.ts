/** Clock times said in words, as people type what they would say: "five thirty", "ten o'clock", "half past six". */
const HOURS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MINUTES: Record<string, string> = {
  'oh five': '05', ten: '10', fifteen: '15', twenty: '20', 'twenty five': '25', thirty: '30', 'thirty five': '35',
  forty: '40', 'forty five': '45', fifty: '50', 'fifty five': '55',
};
const HOUR = `(${HOURS.join('|')})`;
const MINUTE = `(${Object.keys(MINUTES).sort((a, b) => b.length - a.length).join('|')})`;

const hourOf = (word: string) => HOURS.indexOf(word) + 1;

const SAID: [RegExp, (...groups: string[]) => string][] = [
  // Speech transcripts split am/pm: "six thirty p m", "seven a.m.", "too p m" (a slip for two).
  [new RegExp(`\\b(${HOURS.join('|')}|too)(?: ${MINUTE})? ?([ap])\\.? ?m\\b\\.?`, 'g'),
    (h, m, ap) => `${h === 'too' ? 2 : hourOf(h!)}${m ? `:${MINUTES[m]}` : ''}${ap}m`],
  [new RegExp(`\\b${HOUR} o'?clock\\b`, 'g'), (h) => `${hourOf(h)}:00`],
  [new RegExp(`\\bhalf past ${HOUR}\\b`, 'g'), (h) => `${hourOf(h)}:30`],
  [new RegExp(`\\b(?:a )?quarter past ${HOUR}\\b`, 'g'), (h) => `${hourOf(h)}:15`],
  [new RegExp(`\\b(?:a )?quarter to ${HOUR}\\b`, 'g'), (h) => `${((hourOf(h) + 10) % 12) + 1}:45`],
  // "at five thirty", "for seven fifteen" — a time only after at/for/by, and not "five twenty minutes".
  [new RegExp(`\\b(at|for|by) ${HOUR} ${MINUTE}\\b(?! (?:minutes?|mins?|hours?|days?|weeks?|dollars|bucks))`, 'g'),
    (at, h, m) => `${at} ${hourOf(h)}:${MINUTES[m!]}`],
  [new RegExp(`\\b(at|for|by) ${HOUR} ?(am|pm|in the morning|in the evening|at night)\\b`, 'g'), (at, h, part) => `${at} ${hourOf(h)} ${part}`],
];

/** "6 p m", "10 a.m." → "6pm", "10am". */
const SPLIT_MERIDIEM = /\b(\d{1,2}(?::\d\d)?) ?([ap])\.? ?m\b\.?/g;

export function clockWordsToDigits(text: string): string {
  return SAID.reduce((out, [said, digits]) => out.replace(said, (_m, ...groups: string[]) => digits(...groups)), text)
    .replace(SPLIT_MERIDIEM, '$1$2m');
}
