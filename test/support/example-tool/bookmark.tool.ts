import { z } from 'zod';
import { defineTool } from '../../../src/tools/types.js';
import { Bookmark } from './bookmark.entity.js';

export const bookmarkAdd = defineTool({
  name: 'bookmark.add',
  description: 'Keep a link for the user, with an optional title.',
  schema: z.object({
    url: z.url({ protocol: /^https?$/ }).max(500).describe('The link, http or https'),
    title: z.string().trim().min(1).max(200).optional().describe("The user's name for it"),
  }),
  async execute({ url, title }, ctx) {
    const added = await ctx.em.getRepository(Bookmark).add({ userId: ctx.user.id, url, title: title ?? null, at: ctx.now });
    const named = title ? `${title} — ${url}` : url;
    return { ok: true, reply: added ? `🔖 Bookmarked ${named}` : `🔖 ${url} is already in your bookmarks` };
  },
});

export const bookmarkList = defineTool({
  name: 'bookmark.list',
  description: "List the user's bookmarks.",
  schema: z.object({}),
  async execute(_args, ctx) {
    const rows = await ctx.em.getRepository(Bookmark).list(ctx.user.id);
    if (!rows.length) return { ok: true, reply: 'No bookmarks yet. Text "bookmark" and a link to keep one.' };
    const lines = rows.map((r, i) => `${i + 1}. ${r.title ? `${r.title} — ` : ''}${r.url}`);
    return { ok: true, reply: `🔖 Your bookmarks:\n${lines.join('\n')}`, data: rows };
  },
});
