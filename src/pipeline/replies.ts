import type { ToolModule } from '../tools/types.js';

export const SORRY_REPLY = 'Sorry, something went wrong — please try again.';
export const EMPTY_MESSAGE_REPLY = "I got an empty message. Text me what you'd like, or send HELP for examples.";

/** One example per module keeps HELP to a couple of SMS segments; "help <topic>" lists the rest of what it does. */
function firstExamples(modules: ToolModule[]): string[] {
  return byHelpOrder(modules).map((m) => m.examples?.[0]).filter((e): e is string => Boolean(e));
}

function byHelpOrder(modules: ToolModule[]): ToolModule[] {
  return [...modules].sort((a, b) => (a.helpOrder ?? 50) - (b.helpOrder ?? 50));
}

export function helpReply(modules: ToolModule[]): string {
  const examples = firstExamples(modules);
  if (!examples.length) return "Hi, I'm Errand. I'm just getting set up — soon I'll keep your reminders, calendar, grocery list and expenses.";
  const topics = byHelpOrder(modules).filter((m) => (m.examples?.length ?? 0) > 1).map((m) => m.name);
  const more = topics.length ? [`More: "help" + ${topics.join(', ')}`] : [];
  return ["Hi, I'm Errand 👋 Text me things like:", ...examples.map((e) => `• ${e}`), ...more].join('\n');
}

export function unknownReply(modules: ToolModule[]): string {
  const examples = firstExamples(modules).slice(0, 3);
  if (!examples.length) return "Sorry, I can't do that yet. Send HELP to see what I can do.";
  return ["Sorry, I didn't get that. Try something like:", ...examples.map((e) => `• ${e}`), 'Or send HELP.'].join('\n');
}
