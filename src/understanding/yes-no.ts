import { cleanText } from './words.js';

export const words = (list: string): ReadonlySet<string> => new Set(list.split('|').map((w) => w.trim()));
const YES = words(`y|ya|ye|yes|yeah|yea|yep|yup|sure|ok|okay|k|do it|go ahead|confirm|confirmed|yes please|please do|
  absolutely|correct|affirmative|definitely|of course|yes do it|sounds good|👍`);
const NO = words(`n|no|nah|na|nope|don't|dont|do not|not now|wait|no thanks|never mind|nevermind|cancel|no don't|no dont|👎`);

/** Words that answer one particular question ("clear it", "keep them"), besides the plain yes and no. */
export interface AnswerWords {
  yes?: ReadonlySet<string>;
  no?: ReadonlySet<string>;
}

/** A yes or a no to a pending question ("yep", "yesss", "nah", "👍"); null for anything else. */
export function yesOrNo(raw: string, also: AnswerWords = {}): 'yes' | 'no' | null {
  const answer = (cleanText(raw).replace(/[.,!]/g, '').trim() || raw.trim()).replace(/^yess+$/, 'yes');
  if (YES.has(answer) || also.yes?.has(answer)) return 'yes';
  if (NO.has(answer) || also.no?.has(answer)) return 'no';
  return null;
}
