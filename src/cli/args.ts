import { parseArgs } from 'node:util';

/**
 * Arguments and usage of `npm run cli` and `npm run chat`. Imports nothing but node:util, so both entry points
 * can answer --help and reject a bad command line before they load the database and the ORM.
 */
export class UsageError extends Error {}

export const CLI_USAGE = `Usage: npm run --silent cli -- <command>

  send --from PHONE [--at ISO] TEXT      one message through the pipeline → {"reply": "..."}
  replay FILE.jsonl                      one {"from","text","reply"} line per input line {"from","text","at"?};
                                         a bad input line gets {"error": "..."} instead of a reply
  dump --from PHONE [--from PHONE …]     one JSON line per --from, in that order: the user (with id), their settings,
                                         reminders, events, grocery items and expenses (with ids)
  dump --all                             the same for every user, in id order

  --at     the instant the message arrived, ISO 8601 (2026-11-23T14:00:00Z; without an offset, UTC); default now
  --help   this text

stdout carries only JSON lines; logs go to stderr. Exit status 2 on a usage error.
`;

export const CHAT_USAGE = `Usage: npm run chat -- [--from PHONE]

Talk to Errand in the terminal through the same pipeline as SMS and Telegram; Ctrl-D quits.

  --from   the phone number you are chatting as (default +15555550123)
  --help   this text
`;

export type CliCommand =
  | { name: 'help' }
  | { name: 'send'; from: string; at?: string; text: string }
  | { name: 'replay'; file: string }
  | { name: 'dump'; from: string[]; all: boolean };

export type ChatCommand = { name: 'help' } | { name: 'chat'; from: string };

const CLI_OPTIONS = {
  from: { type: 'string', multiple: true },
  at: { type: 'string' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCliArgs(argv: string[]): CliCommand {
  const { positionals, values } = parse(() => parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS }));
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { name: 'help' };
  const from = values.from ?? [];
  if (command === 'send') {
    if (from.length !== 1) throw new UsageError('send takes one --from PHONE');
    return { name: 'send', from: from[0]!, at: values.at, text: rest.join(' ') };
  }
  if (command === 'replay') {
    if (rest.length !== 1) throw new UsageError('replay takes one FILE.jsonl');
    return { name: 'replay', file: rest[0]! };
  }
  if (command === 'dump') {
    if (rest.length) throw new UsageError(`dump takes no positional arguments (got ${JSON.stringify(rest.join(' '))})`);
    if (Boolean(values.all) === from.length > 0) throw new UsageError('dump takes either --from PHONE (one or more) or --all');
    return { name: 'dump', from, all: Boolean(values.all) };
  }
  throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'a command is required');
}

export function parseChatArgs(argv: string[]): ChatCommand {
  const options = { from: { type: 'string', default: '+15555550123' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values } = parse(() => parseArgs({ args: argv, options }));
  return values.help ? { name: 'help' } : { name: 'chat', from: values.from };
}

/** node:util's parse errors (unknown option, missing value) become usage errors with a message fit to print. */
function parse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(err.message.split('. ')[0]!);
    }
    throw err;
  }
}
