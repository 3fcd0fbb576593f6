import { DateTime } from 'luxon';
import { toE164 } from '../phone.js';
import { UsageError } from './args.js';

/** One message to put through the pipeline, as `send` and every good `replay` line give it. */
export interface CliMessage {
  from: string;
  text: string;
  receivedAt: Date;
}

/** The phone number in E.164, or a message saying what is wrong with `raw`. */
export function phoneProblem(name: string, raw: unknown): { phone: string } | { problem: string } {
  if (raw === undefined || raw === null || raw === '') return { problem: `${name} is missing` };
  const phone = typeof raw === 'string' ? toE164(raw) : null;
  return phone ? { phone } : { problem: `${name} must be a phone number such as +15551230001 (got ${JSON.stringify(raw)})` };
}

export function requirePhone(name: string, raw: string): string {
  const checked = phoneProblem(name, raw);
  if ('problem' in checked) throw new UsageError(checked.problem);
  return checked.phone;
}

/** ISO 8601 only (a real calendar date: not Feb 30); without an offset the instant is read as UTC. Absent means now. */
export function instantProblem(name: string, raw: unknown, now: () => Date): { at: Date } | { problem: string } {
  if (raw === undefined || raw === null) return { at: now() };
  const parsed = typeof raw === 'string' ? DateTime.fromISO(raw, { zone: 'utc' }) : null;
  if (parsed?.isValid) return { at: parsed.toJSDate() };
  return { problem: `${name} must be an ISO 8601 date-time such as 2026-11-23T14:00:00Z (got ${JSON.stringify(raw)})` };
}

export function requireInstant(name: string, raw: string | undefined, now: () => Date = () => new Date()): Date {
  const checked = instantProblem(name, raw, now);
  if ('problem' in checked) throw new UsageError(checked.problem);
  return checked.at;
}

/** A good line's message (its `from` in E.164) and the `from` as the line gave it; or the error line to print. */
export type ReplayLine = { ok: true; message: CliMessage; given: { from: string } } | { ok: false; output: Record<string, unknown> };

/** One line of a replay file: a message, or the error line to print in place of its reply. */
export function readReplayLine(line: string, now: () => Date = () => new Date()): ReplayLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { ok: false, output: { from: null, text: null, error: 'invalid JSON line', line: line.slice(0, 200) } };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const error = 'each line must be a JSON object {"from","text","at"?}';
    return { ok: false, output: { from: null, text: null, error, line: line.slice(0, 200) } };
  }
  const { from, text, at } = input as Record<string, unknown>;
  const fail = (error: string): ReplayLine => ({ ok: false, output: { from: from ?? null, text: text ?? null, error } });
  const phone = phoneProblem('from', from);
  if ('problem' in phone) return fail(phone.problem);
  if (typeof text !== 'string') return fail(text === undefined || text === null ? 'text is missing' : 'text must be a string');
  const instant = instantProblem('at', at, now);
  if ('problem' in instant) return fail(instant.problem);
  return { ok: true, message: { from: phone.phone, text, receivedAt: instant.at }, given: { from: from as string } };
}
