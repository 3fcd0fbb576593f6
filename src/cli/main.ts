import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, createConfig, loadDotEnv } from '../config.js';
import { createErrand, type Errand } from '../errand.js';
import { User } from '../entities/index.js';
import { replyForError } from '../errors.js';
import { createLogger } from '../logger.js';
import { toE164 } from '../phone.js';
import { toolModules } from '../tools/index.js';

/**
 * Scriptable access to the same pipeline as the webhooks. stdout carries only JSON lines; logs go to stderr.
 *   send --from +15551230001 [--at ISO] "text"   → {"reply": "..."}
 *   replay FILE.jsonl                            → one {"from","text","reply"} line per input line
 *   dump --from +15551230001                     → the user's stored rows
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, at: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  const errand = await createErrand({ config, logger, channels: [] });
  try {
    if (command === 'send') await send(errand, requirePhone(values.from), rest.join(' '), values.at);
    else if (command === 'replay') await replay(errand, rest[0]);
    else if (command === 'dump') await dump(errand, requirePhone(values.from));
    else throw new UsageError('usage: cli send --from PHONE [--at ISO] TEXT | replay FILE.jsonl | dump --from PHONE');
  } finally {
    await errand.stop();
  }
}

class UsageError extends Error {}

function requirePhone(raw: string | undefined): string {
  const phone = raw ? toE164(raw) : null;
  if (!phone) throw new UsageError(`--from must be a phone number such as +15551230001 (got ${JSON.stringify(raw ?? null)})`);
  return phone;
}

function parseAt(at: unknown): Date {
  if (at === undefined || at === null || at === '') return new Date();
  const date = new Date(String(at));
  if (Number.isNaN(date.getTime())) throw new UsageError(`--at must be an ISO date-time (got ${JSON.stringify(at)})`);
  return date;
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

async function replay(errand: Errand, file: string | undefined): Promise<void> {
  if (!file) throw new UsageError('usage: cli replay FILE.jsonl');
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

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof UsageError || err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message}\n`);
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
