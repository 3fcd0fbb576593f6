import { Keyboard } from 'grammy';
import type { BotCommand, ReplyKeyboardRemove } from 'grammy/types';
import { maskPhone } from '../../logger.js';

/** The commands shown in Telegram's menu (setMyCommands), and the words the rules understand for each. /unlink is handled by the channel. */
export const COMMANDS: (BotCommand & { text: string })[] = [
  { command: 'start', description: 'Link your phone number and get started', text: 'help' },
  { command: 'help', description: 'What I can do', text: 'help' },
  { command: 'reminders', description: 'Your upcoming reminders', text: 'list my reminders' },
  { command: 'agenda', description: "What's on today", text: "what's on today" },
  { command: 'list', description: 'Your grocery list', text: 'show grocery list' },
  { command: 'spent', description: 'Spending this month', text: 'spending this month' },
];

/** "/agenda@ErrandBot" → "what's on today"; anything that is not one of our commands stays as typed. */
export function commandText(text: string): string {
  const match = /^\/([a-z0-9_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!match) return text;
  const known = COMMANDS.find((c) => c.command === match[1]!.toLowerCase());
  if (!known) return text;
  return match[2]?.trim() && known.command !== 'start' && known.command !== 'help' ? `${known.text} ${match[2].trim()}` : known.text;
}

export const shareNumberKeyboard = (): Keyboard => new Keyboard().requestContact('📱 Share my phone number').resized().oneTime();
export const removeKeyboard: ReplyKeyboardRemove = { remove_keyboard: true };

export const ASK_FOR_NUMBER =
  "Hi, I'm Errand — I keep your reminders, calendar, grocery list and expenses.\n\n" +
  'I know people by their phone number, so the same you gets the same lists whether you write here or text me by SMS. ' +
  'Tap "Share my phone number" below to link this chat. I only use it to recognise you.';

export const FORGED_CONTACT =
  "That contact isn't your own number, so I can't use it. Please tap \"Share my phone number\" below — Telegram then sends your own, verified number.";

export const UNREADABLE_NUMBER = "I couldn't read that phone number. Please tap \"Share my phone number\" below.";

export const linkedReply = (phone: string): string =>
  `Thanks! This chat is now linked to ${maskPhone(phone)}. Anything you've set up by SMS from that number is here too.\n\n` +
  'Try "remind me to call mum tomorrow at 6pm", or send /help. Send /unlink to disconnect.';

export const UNLINKED_REPLY = 'Done — this chat is no longer linked to your phone number. Send /start whenever you want to link it again.';

export const TEXT_ONLY_REPLY =
  'I only read text for now 🙂 Write what you need in words, like "remind me to water the plants at 7pm" or "add milk to my list".';
