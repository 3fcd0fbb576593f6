import { capitalize } from '../../understanding/wording.js';
import { z } from 'zod';
import { told } from '../../understanding/told.js';
import { defineTool, type ToolContext, type ToolResult } from '../types.js';
import { GROCERY_CATEGORIES } from './grocery.categories.js';
import { describeItem } from './grocery.parse.js';
import {
  addItems, checkItems, groupedList, matchItems, openCount, type AddOutcome, type GroceryRow, type NewItem,
} from './grocery.service.js';
import { GroceryItem } from './grocery-item.entity.js';
import { QUANTITY_RANGE, quantityQuestion, storableQuantity, tooMuchReply } from './grocery.quantity.js';

const itemSchema = z.object({
  name: z.string().trim().min(1).max(200, told('An item name can be up to 200 characters long.')),
  quantity: z.number().nullable().describe(`from ${QUANTITY_RANGE}`),
  unit: z.string().trim().min(1).max(30).nullable(),
  category: z.enum(GROCERY_CATEGORIES).optional(),
});
const namesSchema = z.object({ names: z.array(z.string().trim().min(1).max(200)).min(1).max(50) });

/** The list's repository, bound to the message's transaction. */
const groceryItems = (ctx: ToolContext) => ctx.em.getRepository(GroceryItem);

export const CLEAR_CONFIRM = 'confirmation';
export const QUANTITY_MISSING = 'quantity';

export const addTool = defineTool({
  name: 'grocery.add',
  description: 'Add one or more items to the grocery list (merging items already on it).',
  schema: z.object({ items: z.array(itemSchema).min(1).max(50) }),
  async execute({ items }, ctx) {
    const unstorable = items.findIndex((i) => i.quantity !== null && storableQuantity(i.quantity) === null);
    if (unstorable >= 0) return askQuantity(items, unstorable, ctx);
    const rounded = items.map((i) => (i.quantity === null ? i : { ...i, quantity: Number(storableQuantity(i.quantity)) }));
    const { outcomes, open: count, tooMuch } = await addItems(groceryItems(ctx), ctx.user.id, rounded, ctx.now);
    if (tooMuch) return { ok: false, reply: tooMuchReply(tooMuch.name, tooMuch.quantity!) };
    const added = outcomes.filter((o) => !o.merged).map((o) => describeItem(o.item));
    const merged = outcomes.filter((o) => o.merged).map(mergeText);
    const parts = [added.length ? `🛒 Added ${added.join(', ')}.` : '', ...merged].filter(Boolean);
    parts.push(`${count} item${count === 1 ? '' : 's'} on your list.`);
    return { ok: true, reply: parts.join(' '), data: { itemIds: outcomes.map((o) => o.item.id) } };
  },
});

/** Nothing is added until every quantity can be stored; the answer to the question fills in the one that cannot. */
function askQuantity(items: NewItem[], ask: number, ctx: ToolContext): ToolResult {
  const question = quantityQuestion(items[ask]!);
  const pending = { tool: 'grocery.add', args: { items, ask }, missing: QUANTITY_MISSING, question, createdAt: ctx.now.toISOString() };
  return { ok: false, reply: question, pending };
}

function mergeText(o: AddOutcome): string {
  if (o.note === 'now' || o.note === 'updated') return `🛒 ${capitalize(o.item.name)}: now ${describeItem(o.item).replace(/^.*\((.*)\)$/, '$1')}.`;
  if (o.note === 'back on the list') return `🛒 ${capitalize(describeItem(o.item))} is back on the list.`;
  return `${capitalize(describeItem(o.item))} is already on the list.`;
}

export const removeTool = defineTool({
  name: 'grocery.remove',
  description: 'Take items off the grocery list.',
  schema: namesSchema,
  async execute({ names }, ctx) {
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id);
    const { found, missing } = resolve(rows, names);
    await repo.removeIds(found.map((r) => r.id));
    const left = openCount(rows.filter((r) => !found.includes(r)));
    return reply(found.length > 0, [
      found.length ? `🗑️ Removed ${found.map((r) => r.name).join(', ')}.` : '',
      missing.length ? notOnList(missing) : '',
      found.length ? `${left} left on your list.` : '',
    ], { removed: found.map((r) => r.name) });
  },
});

export const checkTool = defineTool({
  name: 'grocery.check',
  description: 'Check items off the grocery list (bought).',
  schema: z.object({ names: z.array(z.string().trim().min(1).max(200)).max(50), all: z.boolean().optional() }),
  async execute({ names, all }, ctx) {
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id);
    const { found, missing } = all ? { found: rows.filter((r) => !r.done), missing: [] as string[] } : resolve(rows, names);
    await checkItems(repo, found);
    const left = openCount(rows);
    if (all && !found.length) return { ok: true, reply: 'Nothing left to check off — your list is all done. ✓' };
    return reply(found.length > 0, [
      found.length ? `✓ Checked off ${found.map((r) => r.name).join(', ')}.` : '',
      missing.length ? notOnList(missing) : '',
      found.length ? (left ? `${left} left to get.` : 'That was everything! 🎉') : '',
    ], { checked: found.map((r) => r.name) });
  },
});

export const listTool = defineTool({
  name: 'grocery.list',
  description: 'Show the grocery list grouped by category.',
  schema: z.object({}),
  async execute(_args, ctx) {
    const rows = await groceryItems(ctx).list(ctx.user.id);
    return { ok: true, reply: groupedList(rows), data: { open: openCount(rows), total: rows.length } };
  },
});

export const clearTool = defineTool({
  name: 'grocery.clear',
  description: 'Clear checked items, or the whole list after a yes/no confirmation.',
  schema: z.object({ scope: z.enum(['checked', 'all']), confirmed: z.boolean().default(false) }),
  async execute({ scope, confirmed }, ctx) {
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id);
    if (scope === 'checked') {
      const done = rows.filter((r) => r.done);
      if (!done.length) return { ok: true, reply: 'No checked items to clear.' };
      await repo.clear(ctx.user.id, 'checked');
      return { ok: true, reply: `🧹 Cleared ${done.length} checked item${done.length === 1 ? '' : 's'}. ${openCount(rows)} left on your list.` };
    }
    if (!rows.length) return { ok: true, reply: 'Your grocery list is already empty.' };
    if (!confirmed) return confirmClear(rows.length, ctx);
    await repo.clear(ctx.user.id, 'all');
    return { ok: true, reply: `🧹 Cleared your grocery list (${rows.length} item${rows.length === 1 ? '' : 's'}).` };
  },
});

function confirmClear(count: number, ctx: ToolContext): ToolResult {
  const question = `Clear all ${count} item${count === 1 ? '' : 's'} from your grocery list? Reply YES or NO.`;
  return {
    ok: true,
    reply: question,
    pending: { tool: 'grocery.clear', args: { scope: 'all', confirmed: true }, missing: CLEAR_CONFIRM, question, createdAt: ctx.now.toISOString() },
  };
}

function resolve(rows: GroceryRow[], names: string[]): { found: GroceryRow[]; missing: string[] } {
  const found: GroceryRow[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const matches = matchItems(rows, name).filter((r) => !found.includes(r));
    if (matches.length) found.push(...matches);
    else missing.push(name);
  }
  return { found, missing };
}

function notOnList(names: string[]): string {
  return `${names.map((n) => `"${n}"`).join(', ')} ${names.length === 1 ? "isn't" : "aren't"} on your list.`;
}

function reply(ok: boolean, parts: string[], data: unknown): ToolResult {
  return { ok, reply: parts.filter(Boolean).join(' '), data };
}

export const groceryTools = [addTool, removeTool, checkTool, listTool, clearTool];
