import { parseArgs } from 'node:util';
import { toE164 } from '../phone.js';

export const USAGE = 'usage: cli send --from PHONE [--at ISO] TEXT | replay FILE.jsonl | dump --from PHONE';

/** The caller's mistake: exit code 2, and nothing was opened. */
export class UsageError extends Error {}

export type CliCommand =
  | { name: 'send'; from: string; text: string; at?: string }
  | { name: 'replay'; file: string }
  | { name: 'dump'; from: string };

/** The whole command line, checked before any database is opened or the ORM is even loaded. */
export function parseCliArgs(argv: string[]): CliCommand {
  const { positionals, values } = parseOrExplain(argv);
  const [command, ...rest] = positionals;
  if (command === 'send') {
    if (values.at !== undefined) parseAt(values.at);
    return { name: 'send', from: requirePhone(values.from), text: rest.join(' '), at: values.at };
  }
  if (command === 'replay') {
    if (!rest[0]) throw new UsageError('usage: cli replay FILE.jsonl');
    return { name: 'replay', file: rest[0] };
  }
  if (command === 'dump') return { name: 'dump', from: requirePhone(values.from) };
  throw new UsageError(USAGE);
}

function parseOrExplain(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, at: { type: 'string' } } });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
}

export function requirePhone(raw: string | undefined): string {
  const phone = raw ? toE164(raw) : null;
  if (!phone) throw new UsageError(`--from must be a phone number such as +15551230001 (got ${JSON.stringify(raw ?? null)})`);
  return phone;
}

export function parseAt(at: unknown): Date {
  if (at === undefined || at === null || at === '') return new Date();
  const date = new Date(String(at));
  if (Number.isNaN(date.getTime())) throw new UsageError(`--at must be an ISO date-time (got ${JSON.stringify(at)})`);
  return date;
}
