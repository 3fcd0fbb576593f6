import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../db/plain-rows.js';
import { User } from '../entities/user.entity.js';
import type { UserPreferences } from '../entities/user.entity.js';
import { notificationSettings } from '../tools/notifications/notification.prefs.js';
import type { DumpSection, ToolModule } from '../tools/types.js';
import { jsonLine } from './output.js';

export interface DumpDeps {
  em: EntityManager;
  modules: readonly ToolModule[];
  /** A user without a currency of their own spends in this one. */
  defaultCurrency: string;
  write(chunk: string): Promise<void>;
  /** Users per batch: one statement for the users plus one per module section, whatever the number of rows. */
  batchSize?: number;
}

/** Every user (in id order), or the users of these E.164 numbers (in this order; an unknown number gets `user: null`). */
export type DumpTarget = { all: true } | { phones: readonly string[] };

export interface UserRow {
  id: number;
  phoneNumber: string;
  name: string | null;
  timezone: string;
  preferences: UserPreferences | null;
  optedOut: boolean;
}

const USER_FIELDS = ['id', 'phoneNumber', 'name', 'timezone', 'preferences', 'optedOut'] as const;

function selectUsers(em: EntityManager) {
  return em.createQueryBuilder(User, 'u').select([...USER_FIELDS]);
}

/** Prints one JSON line per user, a batch at a time: memory stays bounded and output starts with the first batch. */
export async function dumpUsers(deps: DumpDeps, target: DumpTarget): Promise<void> {
  const size = deps.batchSize ?? 500;
  const sections = deps.modules.flatMap((m) => (m.dump ? [m.dump] : []));
  const batches = 'all' in target ? allUsers(deps.em, size) : usersByPhone(deps.em, target.phones, size);
  for await (const batch of batches) await deps.write(await dumpBatch(deps, sections, batch));
}

async function* allUsers(em: EntityManager, size: number): AsyncGenerator<UserRow[]> {
  let after = 0;
  for (;;) {
    const rows = await plainRows<UserRow>(selectUsers(em).where({ id: { $gt: after } }).orderBy({ id: 'asc' }).limit(size));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.id;
  }
}

async function* usersByPhone(em: EntityManager, phones: readonly string[], size: number): AsyncGenerator<(UserRow | null)[]> {
  for (let i = 0; i < phones.length; i += size) {
    const chunk = phones.slice(i, i + size);
    const rows = await plainRows<UserRow>(selectUsers(em).where({ phoneNumber: { $in: chunk } }));
    const byPhone = new Map(rows.map((r) => [r.phoneNumber, r]));
    yield chunk.map((phone) => byPhone.get(phone) ?? null);
  }
}

async function dumpBatch(deps: DumpDeps, sections: DumpSection[], users: (UserRow | null)[]): Promise<string> {
  const ids = users.flatMap((u) => (u ? [u.id] : []));
  const rows = ids.length ? await Promise.all(sections.map((s) => s.rows(deps.em, ids))) : sections.map(() => new Map());
  return users
    .map((user) =>
      jsonLine({
        user: user ? { id: user.id, phone: user.phoneNumber, timezone: user.timezone } : null,
        settings: user ? userSettings(user, deps.defaultCurrency) : null,
        ...Object.fromEntries(sections.map((s, i) => [s.key, (user && rows[i]!.get(user.id)) ?? []])),
      }),
    )
    .join('');
}

/** What the user has set, as in effect (defaults filled in), followed by any other preference they hold. */
export function userSettings(user: UserRow, defaultCurrency: string): Record<string, unknown> {
  const preferences = user.preferences ?? {};
  const settings: Record<string, unknown> = {
    name: user.name,
    timezone: user.timezone,
    currency: preferences.currency ?? defaultCurrency,
    ...notificationSettings(preferences),
    optedOut: user.optedOut,
  };
  return { ...settings, ...Object.fromEntries(Object.entries(preferences).filter(([key]) => !(key in settings))) };
}
