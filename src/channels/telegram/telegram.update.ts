import type { Update } from 'grammy/types';
import { z } from 'zod';

/** Far deeper than any real update (a message quoted in a reply inside an update is about ten levels). */
export const MAX_UPDATE_DEPTH = 32;

// z.int() is a safe integer: Telegram's ids have at most 52 significant bits, and the columns are bigint.
const id = z.int();
const user = z.looseObject({ id, is_bot: z.boolean(), first_name: z.string() });
const chat = z.looseObject({ id, type: z.string() });
const contact = z.looseObject({ phone_number: z.string(), first_name: z.string(), user_id: id.optional() });
const message = z.looseObject({
  message_id: id,
  date: id,
  chat,
  from: user.optional(),
  text: z.string().optional(),
  contact: contact.optional(),
});
const chatMember = z.looseObject({ chat, from: user, date: id, new_chat_member: z.looseObject({ status: z.string() }) });

/**
 * What the intake and the features read is checked; everything else Telegram sends (update kinds we do not
 * handle, fields added by later Bot API versions) passes through untouched, so it is acknowledged, not refused.
 */
const updateSchema = z.looseObject({
  update_id: z.int().nonnegative(),
  message: message.optional(),
  my_chat_member: chatMember.optional(),
});

export type ParsedUpdate = { ok: true; update: Update } | { ok: false; reason: string };

/** A webhook body as an update fit to store (jsonb takes no NUL and no lone surrogate), or why it is not one. */
export function parseUpdate(body: unknown): ParsedUpdate {
  if (nestedDeeperThan(body, MAX_UPDATE_DEPTH)) return { ok: false, reason: `An update is not nested deeper than ${MAX_UPDATE_DEPTH} levels` };
  const parsed = updateSchema.safeParse(storable(body));
  if (parsed.success) return { ok: true, update: parsed.data as unknown as Update };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `Not a Telegram update: ${where}${issue?.message ?? 'invalid'}` };
}

/** The chat id to store: kinds we do not handle are not checked, and their chat may be anything. */
export function storableChatId(id: unknown): number | null {
  return Number.isSafeInteger(id) ? (id as number) : null;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** PostgreSQL text and jsonb cannot hold NUL (dropped, as on the SMS path) nor a lone surrogate (replaced). */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/** Recursion is safe here: the depth was bounded first. Object.fromEntries keeps "__proto__" an own key. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storable);
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [storableText(key), storable(v)]));
}

/** Without recursion, so that a body nested thousands deep cannot overflow the stack while it is measured. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
