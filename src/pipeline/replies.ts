import type { ToolModule } from '../tools/types.js';

export const SORRY_REPLY = 'Sorry, something went wrong — please try again.';
export const EMPTY_MESSAGE_REPLY = "I got an empty message. Text me what you'd like, or send HELP for examples.";

export function helpReply(modules: ToolModule[]): string {
  const examples = modules.flatMap((m) => m.examples ?? []);
  if (!examples.length) return "Hi, I'm Errand. I'm just getting set up — soon I'll keep your reminders, calendar, grocery list and expenses.";
  return ["Hi, I'm Errand. Text me things like:", ...examples.map((e) => `• ${e}`)].join('\n');
}

export function unknownReply(modules: ToolModule[]): string {
  const examples = modules.flatMap((m) => m.examples ?? []).slice(0, 3);
  if (!examples.length) return "Sorry, I can't do that yet. Send HELP to see what I can do.";
  return [`Sorry, I didn't catch that. Try something like:`, ...examples.map((e) => `• ${e}`), 'Or send HELP.'].join('\n');
}
