import { parseWhen } from '../../understanding/dates.js';
import { findImpossibleDate } from '../../understanding/impossible-date.js';
import { clarify, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { cleanTask } from '../shared/task-wording.js';
import { compact } from '../shared/wording.js';
import { wordList } from '../../understanding/pattern.js';

const POLITE = wordList`(?:(?:hey |hi |ok |okay |yo )?(?:errand )?(?:please |pls |kindly )?(?:can|could|would|
  will) you (?:please |pls )?|(?:hey |hi |ok |okay |yo )?(?:errand )?(?:please |pls |kindly )?)?`;
const REMIND = '(?:remind|remimd|remond|reming|remin|rmnd|rmd|reminder)';

/** How people ask for a reminder; the capture is everything after the ask. */
export const REMINDER_TRIGGER = new RegExp(
  `^${POLITE}(?:` +
    [
      `${REMIND} me(?: again)?`,
      `${REMIND} (?=to |about |that )`,
      // "tell me a joke" is not a reminder: these verbs need a task or a time after them.
      wordList`(?:ping|text|nudge|alert|message|buzz|notify|tell|msg|txt|hit) me(?= (?:to|2|about|that|at|in|on|by|tomorrow|
        tonight|today|every|each|this|next|before|after|around|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\b)`,
      `(?:set|create|add|make|schedule|put in|new|i need|i want|need|want)(?: me)?(?: a| an| one| another)? ${REMIND}s?(?: for me)?`,
      `reminders?(?: to)?:?(?= )`,
      `(?:don't|dont|do not) (?:let me )?forget(?: to| about)?`,
      `(?:i need to |i have to |help me )?remember(?: to| that)?`,
      `note to self:?`,
    ].join('|') +
    `):?(?:\\s|$)(.*)$`,
);

/** "remind me on feb 30 to pay rent": says the date does not exist and asks for another, keeping the task and the time. */
export function impossibleReminder(body: string, raw: string, ctx: UnderstandContext): Understanding | null {
  const found = findImpossibleDate(body, ctx);
  if (!found || parseWhen(body, ctx).date) return null;
  const when = parseWhen(found.rest, ctx, { dateDecidedElsewhere: true });
  const args = compact({ text: cleanTask(when.rest, raw), time: when.time });
  return clarify('reminders.create', args, 'when', `${found.message} — when should I remind you?`, ctx.now);
}
