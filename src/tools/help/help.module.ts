import type { ToolModule } from '../types.js';
import type { Rule, RuleInput, Understanding } from '../../understanding/types.js';
import { cleanText } from '../../understanding/words.js';
import { wordList } from '../../understanding/pattern.js';

/** Topic words → the tool module whose examples answer "help <topic>". */
const TOPICS: [RegExp, string][] = [
  [/^(?:grocer(?:y|ies)|grocery list|shopping(?: list)?|lists?|the list|food|items?)$/, 'grocery'],
  [/^(?:expenses?|expences?|money|spending|spend|spent|budget|costs?|purchases?)$/, 'expense'],
  [/^(?:settings?|time ?zones?|tz|name|currency|preferences|account)$/, 'settings'],
  [/^(?:remind(?:ers?)?|alarms?|reminding)$/, 'reminder'],
  [/^(?:calendar|events?|schedule|appointments?|meetings?)$/, 'calendar'],
  [/^(?:notifications?|alerts?|notify|agenda|daily agenda|quiet hours)$/, 'notifications'],
];
const TOPIC = new RegExp(wordList`^(?:help|how do i|how to|how can i|how does|what about|examples?|show me how to|
  explain)\s+(?:me\s+)?(?:with\s+|use\s+|for\s+|on\s+|the\s+|my\s+|add\s+(?:to\s+)?|log\s+|set\s+|track\s+)*(.+?)(?:\s+work)?$|
  ^(.+?)\s+(?:help|examples?)$`);
const GENERAL = new RegExp(wordList`^(?:help me|help pls|help please|pls help|please help|i need help|need help|commands?|
  what (?:else )?(?:can|do|could) (?:you|u) do|what (?:can|could|should) i (?:say|text|ask|do|send)(?: (?:you|u|here|with (?:you|
  u|this)))?|what are you for|what is this|how do(?:es)? (?:this|it|you) work|how do i use (?:this|you|errand|it)|instructions|
  examples|usage|options|features|start|get started|huh|what|wat|menu|guide|tutorial|who are you|what are you|hello\?*|\?+|
  h[ea]lp|hlep|halp)$`);
/** Unclear texts that still name one of these tools get that tool's examples instead of the generic reply. */
const HINTS: [RegExp, string, string][] = [
  [/\b(?:grocer(?:y|ies)|shopping list|my list|the list)\b/, 'grocery', 'For your grocery list'],
  [/\b(?:spent|spend|expenses?|paid|cost)\b|[$€£]/, 'expense', 'For expenses'],
  [/\b(?:time ?zone|timezone|currency)\b/, 'settings', 'For settings'],
];

/** Reminder and calendar wording is left to those tools (and the generic reply), whatever the registry order. */
const OTHER_TOOLS = new RegExp(wordList`\b(?:remind|reminder|calendar|schedule|meeting|appointment|event|tomorrow|tonight|
  every)\b|\bat \d|\d\s?(?:am|pm)\b|\d:\d\d`);

export function topicHelp(module: ToolModule, intro?: string): string {
  const examples = module.examples ?? [];
  return [`${intro ?? `Help: ${module.name}`} — text things like:`, ...examples.map((e) => `• ${e}`)].join('\n');
}

export function createHelpModule(modules: () => ToolModule[]): ToolModule {
  const find = (name: string) => modules().find((m) => m.name === name || m.name.startsWith(name));
  const topicRule: Rule = {
    name: 'help-topic',
    match: ({ raw }: RuleInput): Understanding | null => {
      const t = cleanText(raw);
      if (GENERAL.test(t) || /^[?¿\s]+$/.test(raw)) return { kind: 'help' };
      const m = t.match(TOPIC);
      const topic = (m?.[1] ?? m?.[2])?.trim();
      const name = topic ? TOPICS.find(([re]) => re.test(topic))?.[1] : undefined;
      const module = name ? find(name) : undefined;
      return module?.examples?.length ? { kind: 'reply', text: topicHelp(module) } : null;
    },
  };
  const hintRule: Rule = {
    name: 'help-hint',
    match: ({ raw }: RuleInput): Understanding | null => {
      const t = cleanText(raw);
      if (OTHER_TOOLS.test(t)) return null;
      const hint = HINTS.find(([re]) => re.test(t));
      const module = hint ? find(hint[1]) : undefined;
      if (!hint || !module?.examples?.length) return null;
      return { kind: 'reply', text: topicHelp(module, `Sorry, I didn't quite get that. ${hint[2]}`), hint: true };
    },
  };
  return { name: 'help', tools: [], rules: [topicRule, hintRule] };
}
