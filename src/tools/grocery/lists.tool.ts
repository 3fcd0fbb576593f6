import { z } from 'zod';
import { capitalize } from '../../understanding/wording.js';
import { defineTool, type ToolContext, type ToolResult } from '../types.js';
import { GroceryItem } from './grocery-item.entity.js';
import { describeItem, formatQty, pluralUnit } from './grocery.parse.js';
import { storableQuantity } from './grocery.quantity.js';
import { matchItems } from './grocery.service.js';
import { listSummary } from './list-format.js';
import { isGroceryListName, listDisplayName, storedListKey } from './list-names.js';
import { existingList, listForWriting, noSuchList } from './list-target.js';
import { listSchema } from './grocery.tool.js';
import { UserList } from './user-list.entity.js';

export const DELETE_CONFIRM = 'confirmation';

const items = (ctx: ToolContext) => ctx.em.getRepository(GroceryItem);
const lists = (ctx: ToolContext) => ctx.em.getRepository(UserList);
const listName = z.string().trim().min(1).max(60);

/** "is milk on my list", "do I need eggs": a yes or a no, never a write. */
export const hasTool = defineTool({
  name: 'grocery.has',
  description: 'Answer whether an item is on the grocery list or on a named list (a question: changes nothing).',
  schema: z.object({ name: z.string().trim().min(1).max(200), list: listSchema }),
  async execute({ name, list }, ctx) {
    const target = await existingList(ctx, list);
    if (!target) return { ok: true, reply: `No — ${noSuchList(list!)}` };
    const rows = await items(ctx).list(ctx.user.id, target.id);
    const [found] = matchItems(rows, name);
    if (!found) return { ok: true, reply: `No, ${name} isn't on your ${target.label}.`, data: { found: false } };
    const state = found.done ? ` — checked off${target.named ? '' : ' (already got it)'}` : '';
    return { ok: true, reply: `Yes, ${describeItem(found)} is on your ${target.label}${state}.`, data: { found: true } };
  },
});

/** "what are my lists": every list with its counts, groceries first. */
export const allListsTool = defineTool({
  name: 'lists.all',
  description: "Show all of the user's lists (grocery list and named lists) with how many items each holds.",
  schema: z.object({}),
  async execute(_args, ctx) {
    // One after another: the statements share the message's transaction (its one connection).
    const named = await lists(ctx).all(ctx.user.id);
    const groceries = await items(ctx).list(ctx.user.id);
    const namedItems = await items(ctx).namedListItems(ctx.user.id);
    const count = (id: number | null, rows: { done: boolean; list?: number }[]) => {
      const mine = rows.filter((r) => (r.list ?? null) === id);
      return [mine.filter((r) => !r.done).length, mine.length] as const;
    };
    const lines = [`🛒 ${listSummary('grocery list', ...count(null, groceries))}`];
    lines.push(...named.map((l) => `📝 ${listSummary(`${l.name} list`, ...count(l.id, namedItems))}`));
    const head = named.length ? `Your lists (${named.length + 1}):` : 'You have one list, your groceries:';
    return { ok: true, reply: [head, ...lines].join('\n'), data: { lists: ['grocery', ...named.map((l) => l.name)] } };
  },
});

export const createListTool = defineTool({
  name: 'lists.create',
  description: 'Create an empty named list ("packing", "to-do"); adding to a list that does not exist also creates it.',
  schema: z.object({ name: listName }),
  async execute({ name }, ctx) {
    if (isGroceryListName(name)) return { ok: true, reply: 'Your grocery list is always there — text "add milk" to use it.' };
    const target = await listForWriting(ctx, name);
    const shown = target.label;
    if (!target.created) return { ok: true, reply: `You already have a ${shown}. Text "what's on my ${shown}" to see it.` };
    return { ok: true, reply: `📝 Made your ${shown}. Add to it with "add … to my ${shown}".`, data: { list: name } };
  },
});

/** Deleting a list deletes its items: it asks first. */
export const deleteListTool = defineTool({
  name: 'lists.delete',
  description: 'Delete a named list and everything on it, after a yes/no confirmation.',
  schema: z.object({ name: listName, confirmed: z.boolean().default(false) }),
  async execute({ name, confirmed }, ctx) {
    if (isGroceryListName(name)) return { ok: true, reply: 'Your grocery list always stays — text "clear the list" to empty it.' };
    const row = await lists(ctx).byKey(ctx.user.id, storedListKey(name));
    if (!row) return { ok: true, reply: `You don't have a ${listDisplayName(name)} list.` };
    const count = (await items(ctx).list(ctx.user.id, row.id)).length;
    const what = `your ${row.name} list${count ? ` and its ${count} item${count === 1 ? '' : 's'}` : ''}`;
    if (!confirmed) return confirmDelete(`Delete ${what}? Reply YES or NO.`, row.name, ctx);
    await lists(ctx).remove(row.id);
    return { ok: true, reply: `🗑️ Deleted ${what}.`, data: { deleted: row.name } };
  },
});

function confirmDelete(question: string, name: string, ctx: ToolContext): ToolResult {
  const createdAt = ctx.now.toISOString();
  const pending = { tool: 'lists.delete', args: { name, confirmed: true }, missing: DELETE_CONFIRM, question, createdAt };
  return { ok: true, reply: question, pending };
}

/** "actually make that 4 cans" right after an add: that item's quantity (and unit, when said), old and new in the reply. */
export const correctTool = defineTool({
  name: 'grocery.correct',
  description: 'Change the quantity (and unit) of an item just added to a list.',
  schema: z.object({
    itemId: z.number().int().positive(),
    quantity: z.number().positive(),
    unit: z.string().trim().min(1).max(30).nullable().optional(),
  }),
  async execute({ itemId, quantity, unit }, ctx) {
    const repo = items(ctx);
    const row = await repo.byId(ctx.user.id, itemId);
    if (!row) return { ok: false, reply: "I can't find that item any more — text \"what's on my list\" to see it." };
    const stored = storableQuantity(quantity);
    if (stored === null) return { ok: false, reply: `That quantity can't be stored — ${row.name} stays as it was.` };
    const newUnit = unit === undefined ? row.unit : unit;
    await repo.setQuantity(row.id, stored, newUnit, new Date());
    const icon = row.list === null ? '🛒' : '📝';
    const before = row.quantity === null ? 'no quantity' : amount(Number(row.quantity), row.unit);
    const reply = `${icon} ${capitalize(row.name)}: ${before} → ${amount(Number(stored), newUnit)}`;
    return { ok: true, reply, data: { itemIds: [row.id] } };
  },
});

/** "2", "4 cans", "1 can". */
function amount(quantity: number, unit: string | null): string {
  if (!unit) return formatQty(quantity);
  return `${formatQty(quantity)} ${quantity === 1 ? unit : pluralUnit(unit)}`;
}

export const listTools = [hasTool, allListsTool, createListTool, deleteListTool, correctTool];
