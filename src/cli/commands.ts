import fs from 'node:fs';
import readline from 'node:readline';
import type { Errand } from '../errand.js';
import { User } from '../entities/index.js';
import { replyForError } from '../errors.js';
import { toolModules } from '../tools/index.js';
import { parseAt, UsageError, type CliCommand } from './args.js';

/** Runs one parsed command against an open Errand; stdout carries only JSON lines. */
export async function runCliCommand(errand: Errand, command: CliCommand): Promise<void> {
  if (command.name === 'send') await send(errand, command.from, command.text, command.at);
  else if (command.name === 'replay') await replay(errand, command.file);
  else await dump(errand, command.from);
}

/** A bad --at is the caller's mistake (UsageError, thrown); anything else becomes the reply a person would get. */
async function ask(errand: Errand, from: string, text: string, at: unknown): Promise<string> {
  const receivedAt = parseAt(at);
  try {
    const result = await errand.handleInbound({ channel: 'console', phone: from, text, receivedAt });
    return result.reply ?? '';
  } catch (err) {
    return replyForError(err);
  }
}

async function send(errand: Errand, from: string, text: string, at?: string): Promise<void> {
  process.stdout.write(`${JSON.stringify({ reply: await ask(errand, from, text, at) })}\n`);
}

async function replay(errand: Errand, file: string): Promise<void> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let input: { from?: unknown; text?: unknown; at?: unknown };
    try {
      input = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ error: 'invalid JSON line', line: line.slice(0, 200) })}\n`);
      continue;
    }
    const from = String(input.from ?? '');
    const text = String(input.text ?? '');
    let reply: string;
    try {
      reply = await ask(errand, from, text, input.at);
    } catch (err) {
      reply = err instanceof UsageError ? err.message : replyForError(err);
    }
    process.stdout.write(`${JSON.stringify({ from, text, reply })}\n`);
  }
}

async function dump(errand: Errand, phone: string): Promise<void> {
  const em = errand.db.orm.em.fork();
  const user = await em.findOne(User, { phoneNumber: phone });
  const out: Record<string, unknown> = {
    user: user ? { phone: user.phoneNumber, timezone: user.timezone } : null,
    reminders: [],
    events: [],
    groceryItems: [],
    expenses: [],
  };
  if (user) for (const module of toolModules) Object.assign(out, await module.dump?.(em, user));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
