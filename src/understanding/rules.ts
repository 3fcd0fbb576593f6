import type { ToolModule } from '../tools/types.js';
import type { PendingRequest } from '../entities/conversation-state.entity.js';
import type { Rule, RuleInput, ToolCall, UnderstandContext, Understander, Understanding } from './types.js';
import { normalizeText } from './normalize.js';
import { asksForWhatErrandCannotDo, CONFIRM_TOOL, gateUnderstanding, readingInDoubt } from './gate.js';
import { loadIntentClassifier, type IntentClassifier } from './intent/classifier.js';
import { yesOrNo } from './yes-no.js';
import { wordList } from './pattern.js';
import { cleanTask } from '../tools/shared/task-wording.js';

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
   * read one sentence at a time, the last first (the ask usually comes after the story). A sentence counts only when a
   * rule reads it as a request; the gate still judges it.
   */
  const askedInOneSentence = (raw: string, ctx: UnderstandContext): Understanding | null => {
    const sentences = sentencesOf(raw);
    // "We're out of filters. Could you order some from Amazon?" asks for what Errand cannot do: no part is taken alone.
    if (sentences.length < 2 || sentences.some((s) => asksForWhatErrandCannotDo(normalizeText(s)))) return null;
    for (const sentence of [...sentences].reverse()) {
      const input = { raw: sentence, text: normalizeText(sentence) };
      const understood = first(input, ctx);
      if (understood.kind !== 'tools' && understood.kind !== 'clarify') continue;
      const gated = gate(understood, input, ctx);
      if (gated.kind !== 'unknown') return withTaskFromStory(gated, sentences.filter((s) => s !== sentence));
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
      const gated = gate(understood, input, ctx);
      return readingInDoubt(gated) ? (askedInOneSentence(input.raw, ctx) ?? gated) : gated;
    },
  };
}

/** "I'm supposed to renew my car registration this week": what a person says they must do. */
const TASK_TOLD = new RegExp(wordList`^(?:(?:i think|i guess|so|and|but|well|oh)\s+)*(?:i'?m supposed to|i am supposed to|i need to|i have to|
  i've got to|i have got to|i must|i should|i ought to|i keep forgetting to|i always forget to|i've been meaning to|i have been
  meaning to|i promised to|i'm meant to|i am meant to)\s+(.+)$`);

/** "…before the end of the week": when the task is due, which the ask's own time says better. */
const DEADLINE = /\s+(?:before|by) the end of the (?:week|month|day)$/;

/**
 * "I'm supposed to renew my car registration. Could you give me a reminder on Thursday at 10?": the ask has a time
 * and no task; the task is the one the story tells (the reminder tool still asks when no sentence tells one).
 */
function withTaskFromStory(understood: Understanding, story: string[]): Understanding {
  if (understood.kind !== 'tools' || understood.calls.length !== 1) return understood;
  const [call] = understood.calls;
  const args = (call!.args ?? {}) as Record<string, unknown>;
  if (call!.tool !== 'reminders.create' || args.text) return understood;
  for (const sentence of story) {
    const told = TASK_TOLD.exec(normalizeText(sentence))?.[1]?.replace(DEADLINE, '');
    const text = told && cleanTask(told, sentence);
    if (text) return { kind: 'tools', calls: [{ ...call!, args: { ...args, text } }] };
  }
  return understood;
}

/** Sentences of a text, at ". ", "? ", "! " (not "Dr. Lee" or "5.30"); short texts are one sentence. */
function sentencesOf(raw: string): string[] {
  return raw.split(/(?<=[a-z0-9)'"][.?!]+)\s+(?=[A-Za-z])/).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 2);
}

/** YES runs the calls the gate asked about ("should I add "x" to your list?"); NO drops them. */
function resumeConfirm(pending: PendingRequest, raw: string): Understanding | null {
  if (pending.tool !== CONFIRM_TOOL) return null;
  const answer = yesOrNo(raw);
  if (answer === 'yes') return { kind: 'tools', calls: (pending.args as { calls: ToolCall[] }).calls };
  if (answer === 'no') return { kind: 'reply', text: "OK, I didn't save anything.", clearPending: true };
  return null;
}
