import { User } from '../../src/entities/index.js';
import { dumpUsers } from '../../src/cli/dump.js';
import { toolModules } from '../../src/tools/index.js';
import { testDb } from './db.js';

export interface Dump {
  user: { phone: string; timezone: string; name: string | null; currency: string | null } | null;
  groceryItems: { name: string; quantity: number | null; unit: string | null; category: string; done: boolean }[];
  expenses: { amount: string; currency: string; category: string; description: string | null; spentAt: string }[];
  reminders: Record<string, unknown>[];
  events: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * The rows `cli dump` prints for one user, plus the user's name and currency (null when unset). Without the rows' ids:
 * tests compare contents, and ids depend on what ran before.
 */
export async function dumpUser(phone = '+15551230001'): Promise<Dump> {
  let line = '';
  const write = async (chunk: string) => void (line += chunk);
  await dumpUsers({ em: testDb().orm.em, modules: toolModules, defaultCurrency: 'USD', write }, { phones: [phone] });
  type Line = Record<string, Record<string, unknown>[]> & { user: unknown; settings: unknown };
  const { user, settings: _settings, ...sections } = JSON.parse(line) as Line;
  const out = Object.fromEntries(Object.entries(sections).map(([key, rows]) => [key, rows.map(({ id: _id, ...row }) => row)]));
  return { ...out, user: user ? await userOf(phone) : null } as Dump;
}

async function userOf(phone: string): Promise<Dump['user']> {
  const user = await testDb().orm.em.fork().findOneOrFail(User, { phoneNumber: phone });
  return { phone: user.phoneNumber, timezone: user.timezone, name: user.name ?? null, currency: user.preferences.currency ?? null };
}

/** Creates the user up front with a zone and currency, as if they had set them earlier. */
export async function seedUser(opts: { phone?: string; timezone?: string; currency?: string; name?: string } = {}): Promise<void> {
  const em = testDb().orm.em.fork();
  em.create(User, {
    phoneNumber: opts.phone ?? '+15551230001',
    timezone: opts.timezone ?? 'UTC',
    name: opts.name ?? null,
    preferences: opts.currency ? { currency: opts.currency } : {},
  });
  await em.flush();
}
