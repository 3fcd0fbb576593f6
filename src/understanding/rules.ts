import type { ToolModule } from '../tools/types.js';
import type { PendingRequest } from '../entities/conversation-state.entity.js';
import type { Rule, RuleInput, ToolCall, UnderstandContext, Understander, Understanding } from './types.js';
import { normalizeText } from './normalize.js';
import { CONFIRM_TOOL, gateUnderstanding, isQuestion, readingInDoubt, writesSomething } from './gate.js';
import { asksForWhatErrandCannotDo, onlyVents } from './cannot-do.js';
import { loadIntentClassifier, type IntentClassifier } from './intent/classifier.js';
import { yesOrNo } from './yes-no.js';
import { parseWhen } from './dates.js';
import { lookupFor } from './lookup.js';
import { wordList } from './pattern.js';
import { asksOutright, clausesOf, itemsTold, piecesOf, referringAsk, storyThing, taskTold, withTaskFromStory, type ReferringAsk } from './story.js';

const HELP = /^(help|info|menu|commands|\/help|\/start|what can you do|how does (this|it) work|\?+)$/;
const GREETING = new RegExp(wordList`^(?:hi|hello|hey|heya|hiya|yo|sup|howdy|gm|good (?:morning|afternoon|evening)|
  morning)(?: (?:there|errand|again|hi|hello|hey|you))*$`);
const FAREWELL = new RegExp(wordList`^(?:good ?night|gn|night|nighty night|bye|bye bye|goodbye|see (?:ya|you)|cya|ttyl|
  talk (?:to you |2 you )?later)(?: errand)?$`);
const CANCEL = /^(cancel|never ?mind|nvm|forget it|stop that|no thanks|nope)$/;

/** Acknowledgements, in any combination ("ok cool thanks", "ty so much", "lol"): short words that ask for nothing. */
const ACK_WORDS = new Set(`ok okay k kk cool nice great awesome perfect thanks thank you cheers got it sounds good so much a lot
  lol lmao haha hahaha hehe sweet alright all good noted will do no worries np appreciate it appreciated much love the best
  you're youre are rock amazing good fab brilliant lovely excellent wonderful yay`.split(/\s+/));
const NOD_EMOJI = String.raw`\uFE0F|\u200D|\p{Emoji_Modifier}|[👍👌🙏😊🙂😀😃😄😁☺❤♥💯🎉👏🙌🤙💪✌😍🥰😎🤗]`;
const NOD = new RegExp(String.raw`^(?:\s|${NOD_EMOJI})+$`, 'u');
const NODS = new RegExp(NOD_EMOJI, 'gu');
const LAUGH = /^(?:lol|lmao|haha+|hehe+)(?: \w+)*$/;

function isAck(text: string): boolean {
  const words = text.split(' ');
  return words.length <= 6 && words.every((w) => ACK_WORDS.has(w));
}

/** "got 🍎" checks off an item named by an emoji (the text the rules read has lost it); "got it 👍" is a nod. */
function gotAnEmojiItem(raw: string, text: string): boolean {
  return /\bgot\b/.test(text) && /\p{Extended_Pictographic}/u.test(raw.replace(NODS, ''));
}

function smallTalk({ raw, text }: RuleInput): Understanding | null {
  // A friendly emoji alone ("👍", "🙏") is a nod; a shrug or a check mark is not (check marks are left to the tools).
  if (!text) return NOD.test(raw) ? { kind: 'reply', text: '👍' } : null;
  if (FAREWELL.test(text)) return { kind: 'reply', text: /night|gn/.test(text) ? 'Good night! 🌙' : 'Bye for now! 👋' };
  if (!isAck(text) || gotAnEmojiItem(raw, text)) return null;
  return { kind: 'reply', text: LAUGH.test(text) ? '😄' : /\b(?:thank|thanks|cheers|appreciate|appreciated|ok|okay)\b/.test(text) ? 'Anytime! 👍' : '👍' };
}

/** Built-in conversation rules that belong to no tool. */
const conversationRules: Rule[] = [
  { name: 'help', match: ({ text }) => (HELP.test(text) ? { kind: 'help' } : null) },
  {
    name: 'cancel-pending',
    match: ({ text }, ctx) =>
      ctx.pending && CANCEL.test(text) ? { kind: 'reply', text: 'OK, dropped that.', clearPending: true } : null,
  },
  { name: 'greeting', match: ({ text }) => (GREETING.test(text) ? { kind: 'help' } : null) },
  { name: 'small-talk', match: smallTalk },
];

/** "add milk to the list and remind me to go shopping at 5": a second request starts with its own verb. */
const SECOND_REQUEST = new RegExp(wordList`\s+(?:and|&|then|also|plus)\s+(?:also\s+|then\s+)?(?=(?:please\s+|pls\s+)?(?:remind me|
  add|put|log|spent|paid|schedule|book|cancel|delete|remove|move|reschedule)\b)`, 'i');

/**
 * Deterministic understanding: a pending question is answered first, then conversation rules,
 * then each tool module's rules in registry order.
 */
export function createRulesUnderstander(modules: ToolModule[], classifier: IntentClassifier = loadIntentClassifier()): Understander {
  const rules = [...conversationRules, ...modules.flatMap((m) => m.rules ?? [])];
  const first = (input: RuleInput, ctx: UnderstandContext): Understanding => {
    for (const rule of rules) {
      const result = rule.match(input, ctx);
      if (result) return result;
    }
    return { kind: 'unknown' };
  };
  const gate = (understood: Understanding, input: RuleInput, ctx: UnderstandContext) =>
    gateUnderstanding(understood, { ...input, now: ctx.now, timezone: ctx.timezone }, classifier);
  /** Two requests in one text are both run when each, alone, is understood as a tool call. */
  const runOn = (raw: string, ctx: UnderstandContext): Understanding | null => {
    const m = SECOND_REQUEST.exec(raw);
    if (!m) return null;
    const parts = [raw.slice(0, m.index), raw.slice(m.index + m[0].length)].map((p) => first({ raw: p.trim(), text: normalizeText(p) }, ctx));
    if (!parts.every((u) => u.kind === 'tools')) return null;
    return { kind: 'tools', calls: parts.flatMap((u) => (u.kind === 'tools' ? u.calls : [])) };
  };
  /**
   * "My wife usually reminds me but she is away. Could you remind me on Wednesday at 6pm to feed the cat?": a text of
   * several sentences that no rule reads well whole (nothing, a sentence-long name, or a doubt the gate asks about) is
   * read one clause at a time, the last first (the ask usually comes after the story). A clause counts only when a
   * rule reads it as a request, or it asks about the story ("could you add that for me?"); the gate still judges it.
   */
  const askedInOneSentence = (raw: string, ctx: UnderstandContext): Understanding | null => {
    const clauses = clausesOf(raw);
    // "We're out of filters. Could you order some from Amazon?" asks for what Errand cannot do: no part is taken alone.
    if (clauses.length < 2 || onlyVents(normalizeText(raw))) return null;
    if (clauses.some((s) => asksOutright(normalizeText(s)) && asksForWhatErrandCannotDo(normalizeText(s)))) return null;
    // "My son wants to visit Thursday, so I'm checking whether I've got anything that day": a question never writes.
    const asking = isQuestion(normalizeText(raw), raw);
    for (const [i, clause] of [...clauses.entries()].reverse()) {
      const input = { raw: clause, text: normalizeText(clause) };
      const story = [...clauses.slice(0, i).reverse(), ...clauses.slice(i + 1)];
      const referring = referringAsk(input.text);
      if (referring) {
        const told = aboutTheStory(referring, story, raw, ctx);
        if (told) return told;
        continue;
      }
      const understood = first(input, ctx);
      if (understood.kind !== 'tools' && understood.kind !== 'clarify') {
        // "My memory isn't what it was. Is there anything you're meant to remind me of today?": its question, looked up.
        const lookup = lookupFor(classifier.classify(clause), input.text, isQuestion(input.text, clause), ctx);
        if (lookup) return lookup;
        continue;
      }
      const gated = gate(understood, input, ctx);
      if (asking && writesSomething(gated)) continue;
      if (gated.kind !== 'unknown') return withTaskFromStory(gated, story, ctx);
    }
    return null;
  };
  /** "I have a parent-teacher conference on Thursday at 4:15, could you add that for me?": the story's thing, asked for. */
  const aboutTheStory = (asked: ReferringAsk, story: string[], raw: string, ctx: UnderstandContext): Understanding | null => {
    const seen = classifier.classify(raw);
    const family = asked.family ?? (TOLD_FAMILIES.has(seen.family) && seen.confidence >= MAYBE_FAMILY ? seen.family : null) ??
      // "We're having the book club on December 12 at 6pm. I should write that down": a thing on a day is the calendar's.
      (asked.act === 'create' && story.some((s) => parseWhen(normalizeText(s), ctx).found) ? 'calendar' : null);
    const [before, after] = (family && TOLD[`${family}.${asked.act}`]) ?? [];
    if (!family || before === undefined) return null;
    for (const part of toldParts(story, family, asked.act, ctx)) {
      const text = normalizeText(`${before}${part}${after}`);
      const understood = first({ raw: text, text }, ctx);
      if (understood.kind !== 'tools' && understood.kind !== 'clarify') continue;
      // Judged as restated: the classifier reads a long story poorly, and the ask says what is wanted.
      const gated = gate(understood, { raw: text, text }, ctx);
      return gated.kind === 'unknown' ? null : gated;
    }
    return null;
  };
  const ownerOf = (tool: string) => modules.find((m) => m.tools.some((t) => t.name === tool));
  return {
    path: 'rules',
    async understand(raw, ctx): Promise<Understanding> {
      const input = { raw: raw.trim(), text: normalizeText(raw) };
      if (ctx.pending && !CANCEL.test(input.text)) {
        const resumed = resumeConfirm(ctx.pending, input.raw) ?? ownerOf(ctx.pending.tool)?.resume?.(ctx.pending, input, ctx);
        if (resumed) return resumed;
      }
      const understood = runOn(input.raw, ctx) ?? first(input, ctx);
      // What no rule reads whole is read in its clauses before the classifier guesses at the whole.
      const inParts = missed(understood) ? askedInOneSentence(input.raw, ctx) : null;
      if (inParts) return inParts;
      const gated = gate(understood, input, ctx);
      return readingInDoubt(gated) ? (askedInOneSentence(input.raw, ctx) ?? gated) : gated;
    },
  };
}

/** The families whose things a story can tell, and the words that ask for one, put before the story's thing. */
const TOLD_FAMILIES = new Set(['reminder', 'alarm', 'calendar', 'list']);
const TOLD: Record<string, [before: string, after: string]> = {
  'alarm.create': ['set an alarm ', ''], 'reminder.create': ['remind me ', ''], 'calendar.create': ['add ', ' to my calendar'],
  'list.create': ['add ', ' to my list'], 'reminder.remove': ['cancel ', ''], 'alarm.remove': ['cancel ', ''],
  'calendar.remove': ['cancel ', ''],
};
/** How sure of the family the classifier must be when the ask itself does not name it. */
const MAYBE_FAMILY = 0.5;

/**
 * Where in the story the thing is: a reminder's task is what the person says they must do; a new thing is told first
 * ("We're having a family dinner at my house and everyone is coming"); the thing to remove is told last ("I've taken
 * tomorrow off, so there's no need for the 6:30 alarm").
 */
function toldParts(story: string[], family: string, act: string, ctx: UnderstandContext): string[] {
  if (family === 'reminder' && act === 'create') {
    return story.map(taskTold).filter((t) => t !== null).map(([before, task]) => `${before}to ${task}`);
  }
  if (family === 'list' && act === 'create') return story.flatMap(piecesOf).map((part) => itemsTold(normalizeText(part)));
  const parts = story.flatMap((clause) => (act === 'create' ? piecesOf(clause) : piecesOf(clause).reverse()));
  const things = parts.map((part) => storyThing(normalizeText(part)));
  // "A friend and I have planned to go to the art museum on Sunday at 11": the part that says when is the thing.
  return act === 'create' ? [...things.filter((t) => parseWhen(t, ctx).found), ...things.filter((t) => !parseWhen(t, ctx).found)] : things;
}

function missed(understood: Understanding): boolean {
  return understood.kind === 'unknown' || (understood.kind === 'reply' && Boolean(understood.hint));
}

/** YES runs the calls the gate asked about ("should I add "x" to your list?"); NO drops them. */
function resumeConfirm(pending: PendingRequest, raw: string): Understanding | null {
  if (pending.tool !== CONFIRM_TOOL) return null;
  const answer = yesOrNo(raw);
  if (answer === 'yes') return { kind: 'tools', calls: (pending.args as { calls: ToolCall[] }).calls };
  if (answer === 'no') return { kind: 'reply', text: "OK, I didn't save anything.", clearPending: true };
  return null;
}
