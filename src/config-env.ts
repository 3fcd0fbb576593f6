import { z } from 'zod';

/**
 * The pieces every settings section is made of (the core's, the LLM's, each channel's). A leaf module: the
 * sections import it, and config.ts imports the sections.
 */

export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** A whole number from the environment, with its default and bounds. */
export const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ message: 'expected a whole number' }).int('expected a whole number').min(min).max(max).default(fallback);

/** Text from the environment; blank counts as unset. */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the variables `schema` names (blank counts as unset). Every problem is reported together, naming the
 * variable and what it got — secrets as "(hidden)".
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Env, secrets: ReadonlySet<string> = new Set()): z.output<S> {
  const values = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}: ${issue.message} (got ${secrets.has(name) ? '(hidden)' : JSON.stringify(env[name] ?? null)})`;
    }),
  );
}

/** Runs every section's parse and reports all their problems in one ConfigError. */
export function collectProblems<T extends readonly (() => unknown)[]>(parsers: T): { [K in keyof T]: ReturnType<T[K]> } {
  const problems: string[] = [];
  const results = parsers.map((parse) => {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  });
  if (problems.length) throw new ConfigError(problems);
  return results as { [K in keyof T]: ReturnType<T[K]> };
}
