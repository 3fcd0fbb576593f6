import type { ToolReport } from './types.js';
import { SMS_REPLY_CHARS } from './llm.prompt.js';
import { wordList } from './pattern.js';

/** Words by which a reply says something was stored or changed. */
const CLAIM =
  new RegExp(wordList`\b(sav(ed|ing)|set( it)? up|(is|are|'s|has been|have been|all) set|added|adding|scheduled|booked|created|
    logged|recorded|noted|stored|updated|moved|changed|deleted|removed|cleared|cancell?ed|checked off|marked|done|got it|on (your|
    the) (list|calendar)|i'?ll remind|i will remind|will remind you|reminder (is )?set)\b`, 'i');

const CLOCK_TIME = /\b\d{1,2}:\d{2}\s?(?:AM|PM)\b/gi;

/** A claim about a kind of thing needs a successful call of a tool of that kind ("I'll remind you" needs a reminder). */
const KIND_CLAIMS: [claim: RegExp, toolName: RegExp][] = [
  [/\bremind/i, /remind/i],
  [/\b(calendar|event|scheduled|booked)\b/i, /calendar|event/i],
  [/\b(expenses?|logged)\b/i, /expense/i],
  [/\b(grocery|groceries|shopping list)\b/i, /grocer/i],
];

export function claimsSuccess(text: string): boolean {
  return CLAIM.test(text);
}

export interface Chosen {
  text: string;
  from: 'model' | 'tools';
  reason?: string;
}

/**
 * The server-side rule for the model's final wording: it may claim success only when every tool call succeeded
 * and a tool of the kind it mentions ran, must keep every time the tools echoed, and must fit an SMS;
 * otherwise the tools' own replies are sent.
 */
export function chooseReply(wording: string | null | undefined, runs: ToolReport[], toolsReply: string): Chosen {
  const text = wording?.trim();
  if (!text) return { text: toolsReply, from: 'tools', reason: 'empty_wording' };
  if (claimsSuccess(text)) {
    if (runs.some((r) => !r.ok)) return { text: toolsReply, from: 'tools', reason: 'claim_without_success' };
    const unbacked = KIND_CLAIMS.some(([claim, tool]) => claim.test(text) && !runs.some((r) => r.ok && tool.test(r.tool)));
    if (unbacked) return { text: toolsReply, from: 'tools', reason: 'claim_without_tool' };
  }
  const said = normaliseTimes(text);
  const dropped = runs.filter((r) => r.ok).flatMap((r) => r.reply.match(CLOCK_TIME) ?? []).find((t) => !said.includes(normaliseTimes(t)));
  if (dropped) return { text: toolsReply, from: 'tools', reason: 'dropped_time' };
  if (text.length > SMS_REPLY_CHARS) return { text: toolsReply, from: 'tools', reason: 'too_long' };
  return { text, from: 'model' };
}

function normaliseTimes(text: string): string {
  return text.replace(/\s+(AM|PM)\b/gi, '$1').toUpperCase();
}
