import { cleanText } from './words.js';

const words = (list: string) => new Set(list.split('|').map((w) => w.trim()));
const YES = words(`y|ya|ye|yes|yeah|yea|yep|yup|yess|sure|ok|okay|k|do it|go ahead|confirm|confirmed|yes please|please do|
  absolutely|correct|affirmative|definitely|of course|yes do it|sounds good|👍`);
const NO = words(`n|no|nah|na|nope|don't|dont|do not|not now|wait|no thanks|never mind|nevermind|cancel|no don't|no dont|👎`);

/** A yes or a no to a pending question ("yep", "nah", "👍"); null for anything else. */
export function yesOrNo(raw: string): 'yes' | 'no' | null {
  const answer = cleanText(raw).replace(/[.,!]/g, '').trim() || raw.trim();
  if (YES.has(answer)) return 'yes';
  if (NO.has(answer)) return 'no';
  return null;
}
