import type { ToolContext } from '../types.js';
import type { ListId } from './grocery.repository.js';
import { isGroceryListName, listDisplayName, storedListKey } from './list-names.js';
import { UserList } from './user-list.entity.js';

/** The list a tool call acts on: the grocery list (id null) or one of the user's named lists. */
export interface ListTarget {
  id: ListId;
  /** "grocery list", "to-do list". */
  label: string;
  icon: string;
  named: boolean;
  /** The named list was made by this call (first use). */
  created?: boolean;
}

export const GROCERIES: ListTarget = { id: null, label: 'grocery list', icon: '🛒', named: false };

const userLists = (ctx: ToolContext) => ctx.em.getRepository(UserList);

function namedTarget(id: number, name: string, created = false): ListTarget {
  return { id, label: `${name} list`, icon: '📝', named: true, created };
}

/** The list named, when the user has it; null for a named list they never made (reading never creates one). */
export async function existingList(ctx: ToolContext, name: string | null | undefined): Promise<ListTarget | null> {
  if (isGroceryListName(name)) return GROCERIES;
  const row = await userLists(ctx).byKey(ctx.user.id, storedListKey(name!));
  return row ? namedTarget(row.id, row.name) : null;
}

/** The list named, made on first use. */
export async function listForWriting(ctx: ToolContext, name: string | null | undefined): Promise<ListTarget> {
  if (isGroceryListName(name)) return GROCERIES;
  const shown = listDisplayName(name!);
  const { list, created } = await userLists(ctx).findOrCreate(ctx.user.id, shown, storedListKey(name!), ctx.now);
  return namedTarget(list.id, list.name, created);
}

/** "You don't have a packing list yet." */
export function noSuchList(name: string): string {
  const shown = listDisplayName(name);
  return `You don't have a ${shown} list yet — text "add … to my ${shown} list" to start one.`;
}
