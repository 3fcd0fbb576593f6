import fs from 'node:fs';
import readline from 'node:readline';
import { createConfig, loadDotEnv, type Config } from '../config.js';
import { initDb } from '../db/init-db.js';
import { createErrand, type Errand } from '../errand.js';
import { replyForError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { toolModules } from '../tools/index.js';
import type { CliCommand } from './args.js';
import { dumpUsers, type DumpTarget } from './dump.js';
import { requireInstant, requirePhone, type CliMessage } from './inputs.js';
import { jsonLine, writerTo } from './output.js';
import { replayLines } from './replay.js';

/** The CLI's commands, loaded once the command line is known to be good (src/cli/main.ts). */
export async function runCli(command: Exclude<CliCommand, { name: 'help' }>): Promise<void> {
  // Checked before the database opens: a typo costs no start-up.
  const message = command.name === 'send' ? sendMessage(command) : undefined;
  const target: DumpTarget | undefined =
    command.name === 'dump' ? (command.all ? { all: true } : { phones: command.from.map((p) => requirePhone('--from', p)) }) : undefined;
  loadDotEnv();
  const config = createConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  if (target) return dump(config, logger, target);
  const errand = await createErrand({ config, logger, channels: [] });
  try {
    if (message) process.stdout.write(jsonLine({ reply: await ask(errand, message) }));
    else if (command.name === 'replay') await replay(errand, command.file);
  } finally {
    await errand.stop();
  }
}

function sendMessage(command: { from: string; at?: string; text: string }): CliMessage {
  return { from: requirePhone('--from', command.from), text: command.text, receivedAt: requireInstant('--at', command.at) };
}

/** Anything that goes wrong inside the pipeline becomes the reply a person would get. */
async function ask(errand: Errand, message: CliMessage): Promise<string> {
  try {
    const { from: phone, text, receivedAt } = message;
    return (await errand.handleInbound({ channel: 'console', phone, text, receivedAt })).reply ?? '';
  } catch (err) {
    return replyForError(err);
  }
}

async function replay(errand: Errand, file: string): Promise<void> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  await replayLines({ ask: (message) => ask(errand, message), write: writerTo(process.stdout) }, lines);
}

/** Only the database: dumping needs neither the understanding nor the pipeline. */
async function dump(config: Config, logger: Logger, target: DumpTarget): Promise<void> {
  const db = await initDb({ config, logger });
  try {
    const write = writerTo(process.stdout);
    await dumpUsers({ em: db.orm.em, modules: toolModules, defaultCurrency: config.defaultCurrency, write }, target);
  } finally {
    await db.close();
  }
}

