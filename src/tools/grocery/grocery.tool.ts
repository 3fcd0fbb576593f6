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
import { existingList, listForWriting, noSuchList, type ListTarget } from './list-target.js';
import { namedList } from './list-format.js';

const itemSchema = z.object({
  name: z.string().trim().min(1).max(200, told('An item name can be up to 200 characters long.')),
  quantity: z.number().nullable().describe(`from ${QUANTITY_RANGE}`),
  unit: z.string().trim().min(1).max(30).nullable(),
  category: z.enum(GROCERY_CATEGORIES).optional(),
});
/** Which list: absent or null is the grocery list. */
export const listSchema = z.string().trim().min(1).max(60).nullable().optional()
  .describe('a named list ("to-do", "packing", "hardware store"); omit for the grocery list');
const namesSchema = z.object({ names: z.array(z.string().trim().min(1).max(200)).min(1).max(50), list: listSchema });

/** The list's repository, bound to the message's transaction. */
const groceryItems = (ctx: ToolContext) => ctx.em.getRepository(GroceryItem);

export const CLEAR_CONFIRM = 'confirmation';
export const QUANTITY_MISSING = 'quantity';

export const addTool = defineTool({
  name: 'grocery.add',
  description: 'Add one or more items to the grocery list, or to a named list (made on first use); items already on it are merged.',
  schema: z.object({ items: z.array(itemSchema).min(1).max(50), list: listSchema }),
  async execute({ items, list }, ctx) {
    const unstorable = items.findIndex((i) => i.quantity !== null && storableQuantity(i.quantity) === null);
    if (unstorable >= 0) return askQuantity(items, unstorable, list, ctx);
    const rounded = items.map((i) => (i.quantity === null ? i : { ...i, quantity: Number(storableQuantity(i.quantity)) }));
    const target = await listForWriting(ctx, list);
    const { outcomes, open: count, tooMuch } = await addItems(groceryItems(ctx), ctx.user.id, rounded, ctx.now, target.id);
    if (tooMuch) return { ok: false, reply: tooMuchReply(tooMuch.name, tooMuch.quantity!) };
    const added = outcomes.filter((o) => !o.merged).map((o) => describeItem(o.item));
    const merged = outcomes.filter((o) => o.merged).map((o) => mergeText(o, target));
    const plural = `${count} item${count === 1 ? '' : 's'}`;
    const parts = target.named
      ? [added.length ? `📝 Added ${added.join(', ')} to your ${target.created ? 'new ' : ''}${target.label}.` : '', ...merged,
        `${plural} on it.`]
      : [added.length ? `🛒 Added ${added.join(', ')}.` : '', ...merged, `${plural} on your list.`];
    const data = { itemIds: outcomes.map((o) => o.item.id), list: target.named ? target.label.replace(/ list$/, '') : null };
    return { ok: true, reply: parts.filter(Boolean).join(' '), data };
  },
});

/** Nothing is added until every quantity can be stored; the answer to the question fills in the one that cannot. */
function askQuantity(items: NewItem[], ask: number, list: string | null | undefined, ctx: ToolContext): ToolResult {
  const question = quantityQuestion(items[ask]!);
  const args = { items, ask, ...(list ? { list } : {}) };
  const pending = { tool: 'grocery.add', args, missing: QUANTITY_MISSING, question, createdAt: ctx.now.toISOString() };
  return { ok: false, reply: question, pending };
}

function mergeText(o: AddOutcome, target: ListTarget): string {
  const { icon } = target;
  if (o.note === 'now' || o.note === 'updated') {
    return `${icon} ${capitalize(o.item.name)}: now ${describeItem(o.item).replace(/^.*\((.*)\)$/, '$1')}.`;
  }
  if (o.note === 'back on the list') return `${icon} ${capitalize(describeItem(o.item))} is back on the list.`;
  return `${capitalize(describeItem(o.item))} is already on the list.`;
}

/** "your list" for groceries (as it always read), "your to-do list" for a named one. */
const yourList = (target: ListTarget) => (target.named ? `your ${target.label}` : 'your list');

export const removeTool = defineTool({
  name: 'grocery.remove',
  description: 'Take items off the grocery list, or off a named list.',
  schema: namesSchema,
  async execute({ names, list }, ctx) {
    const target = await existingList(ctx, list);
    if (!target) return { ok: false, reply: noSuchList(list!) };
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id, target.id);
    const { found, missing } = resolve(rows, names);
    await repo.removeIds(found.map((r) => r.id));
    const left = openCount(rows.filter((r) => !found.includes(r)));
    return reply(found.length > 0, [
      found.length ? `🗑️ Removed ${found.map((r) => r.name).join(', ')}.` : '',
      missing.length ? notOnList(missing, target) : '',
      found.length ? `${left} left on ${yourList(target)}.` : '',
    ], { removed: found.map((r) => r.name) });
  },
});

export const checkTool = defineTool({
  name: 'grocery.check',
  description: 'Check items off the grocery list (bought) or off a named list (done).',
  schema: z.object({ names: z.array(z.string().trim().min(1).max(200)).max(50), all: z.boolean().optional(), list: listSchema }),
  async execute({ names, all, list }, ctx) {
    const target = await existingList(ctx, list);
    if (!target) return { ok: false, reply: noSuchList(list!) };
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id, target.id);
    const { found, missing } = all ? { found: rows.filter((r) => !r.done), missing: [] as string[] } : resolve(rows, names);
    await checkItems(repo, found);
    const left = openCount(rows);
    if (all && !found.length) return { ok: true, reply: 'Nothing left to check off — your list is all done. ✓' };
    return reply(found.length > 0, [
      found.length ? `✓ Checked off ${found.map((r) => r.name).join(', ')}.` : '',
      missing.length ? notOnList(missing, target) : '',
      found.length ? (left ? `${left} left to get.` : 'That was everything! 🎉') : '',
    ], { checked: found.map((r) => r.name) });
  },
});

export const listTool = defineTool({
  name: 'grocery.list',
  description: 'Show the grocery list grouped by category, or a named list.',
  schema: z.object({ list: listSchema }),
  async execute({ list }, ctx) {
    const target = await existingList(ctx, list);
    if (!target) return { ok: true, reply: noSuchList(list!) };
    const rows = await groceryItems(ctx).list(ctx.user.id, target.id);
    const shown = target.named ? namedList(rows, target.label) : groupedList(rows);
    const name = target.named ? target.label.replace(/ list$/, '') : null;
    return { ok: true, reply: shown, data: { open: openCount(rows), total: rows.length, list: name } };
  },
});

export const clearTool = defineTool({
  name: 'grocery.clear',
  description: 'Clear checked items, or the whole grocery or named list after a yes/no confirmation (the list itself stays).',
  schema: z.object({ scope: z.enum(['checked', 'all']), confirmed: z.boolean().default(false), list: listSchema }),
  async execute({ scope, confirmed, list }, ctx) {
    const target = await existingList(ctx, list);
    if (!target) return { ok: true, reply: noSuchList(list!) };
    const repo = groceryItems(ctx);
    const rows = await repo.list(ctx.user.id, target.id);
    if (scope === 'checked') {
      const done = rows.filter((r) => r.done);
      if (!done.length) return { ok: true, reply: 'No checked items to clear.' };
      await repo.clear(ctx.user.id, 'checked', target.id);
      const count = `${done.length} checked item${done.length === 1 ? '' : 's'}`;
      return { ok: true, reply: `🧹 Cleared ${count}. ${openCount(rows)} left on ${yourList(target)}.` };
    }
    if (!rows.length) return { ok: true, reply: `Your ${target.label} is already empty.` };
    if (!confirmed) return confirmClear(rows.length, target, list, ctx);
    await repo.clear(ctx.user.id, 'all', target.id);
    return { ok: true, reply: `🧹 Cleared your ${target.label} (${rows.length} item${rows.length === 1 ? '' : 's'}).` };
  },
});

function confirmClear(count: number, target: ListTarget, list: string | null | undefined, ctx: ToolContext): ToolResult {
  const question = `Clear all ${count} item${count === 1 ? '' : 's'} from your ${target.label}? Reply YES or NO.`;
  const args = { scope: 'all', confirmed: true, ...(target.named ? { list } : {}) };
  return {
    ok: true,
    reply: question,
    pending: { tool: 'grocery.clear', args, missing: CLEAR_CONFIRM, question, createdAt: ctx.now.toISOString() },
  };
}

export function resolve(rows: GroceryRow[], names: string[]): { found: GroceryRow[]; missing: string[] } {
  const found: GroceryRow[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const matches = matchItems(rows, name).filter((r) => !found.includes(r));
    if (matches.length) found.push(...matches);
    else missing.push(name);
  }
  return { found, missing };
}

function notOnList(names: string[], target: ListTarget): string {
  return `${names.map((n) => `"${n}"`).join(', ')} ${names.length === 1 ? "isn't" : "aren't"} on ${yourList(target)}.`;
}

function reply(ok: boolean, parts: string[], data: unknown): ToolResult {
  return { ok, reply: parts.filter(Boolean).join(' '), data };
}

export const groceryTools = [addTool, removeTool, checkTool, listTool, clearTool];
