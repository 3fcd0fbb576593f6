import { parseArgs } from 'node:util';

export const USAGE = 'usage: cli send --from PHONE [--at ISO] TEXT | replay FILE.jsonl | dump --from PHONE';

/** The caller's mistake: exit code 2, and nothing was opened. */
export class UsageError extends Error {}

export type CliCommand =
  | { name: 'send'; from: string; text: string; at?: string }
  | { name: 'replay'; file: string }
  | { name: 'dump'; from: string };

/** The whole command line, checked before any database is opened or the ORM is even loaded. */
export async function parseCliArgs(argv: string[]): Promise<CliCommand> {
  const { positionals, values } = parseOrExplain(argv);
  const [command, ...rest] = positionals;
  if (command === 'send') {
    if (values.at !== undefined) parseAt(values.at);
    return { name: 'send', from: await requirePhone(values.from), text: rest.join(' '), at: values.at };
  }
  if (command === 'replay') {
    if (!rest[0]) throw new UsageError('usage: cli replay FILE.jsonl');
    return { name: 'replay', file: rest[0] };
  }
  if (command === 'dump') return { name: 'dump', from: await requirePhone(values.from) };
  throw new UsageError(USAGE);
}

function parseOrExplain(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, at: { type: 'string' } } });
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
}

async function requirePhone(raw: string | undefined): Promise<string> {
  const { toE164 } = await import('../phone.js'); // libphonenumber's metadata: only for the commands that take --from
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
