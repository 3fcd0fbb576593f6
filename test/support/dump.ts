import { User } from '../../src/entities/index.js';
import { toolModules } from '../../src/tools/index.js';
import { testDb } from './db.js';

export interface Dump {
  user: { phone: string; timezone: string; name: string | null; currency: string | null } | null;
  groceryItems: { name: string; quantity: number | null; unit: string | null; category: string; done: boolean }[];
  expenses: { amount: string; currency: string; category: string; description: string | null; spentAt: string }[];
  [key: string]: unknown;
}

/** The same rows `cli dump` prints (each module's dump), plus the user's name and currency. */
export async function dumpUser(phone = '+15551230001'): Promise<Dump> {
  const em = testDb().orm.em.fork();
  const user = await em.findOne(User, { phoneNumber: phone });
  const out: Dump = {
    user: user ? { phone: user.phoneNumber, timezone: user.timezone, name: user.name ?? null, currency: user.preferences.currency ?? null } : null,
    groceryItems: [],
    expenses: [],
  };
  if (user) for (const module of toolModules) Object.assign(out, await module.dump?.(em, user));
  return out;
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
