import { DateTime } from 'luxon';
import { z } from 'zod';
import { ConversationMessage } from '../../src/entities/index.js';
import { formatLocal } from '../../src/time.js';
import { defineTool, type ToolContext, type ToolModule } from '../../src/tools/types.js';

/**
 * A test-only tool module that writes real rows without a table of its own: notes are conversation_messages
 * (role system, message_type note) of the sender, and "call me X" sets users.name.
 */
function addNote(ctx: ToolContext, text: string, at?: Date) {
  return ctx.em.create(ConversationMessage, {
    conversation: ctx.conversation,
    user: ctx.user,
    channel: ctx.conversation.channel,
    role: 'system',
    content: text,
    messageType: 'note',
    timestamp: ctx.now,
    metadata: at ? { at: at.toISOString() } : null,
  });
}

const addSchema = z.object({
  text: z.string().trim().min(1).max(200).describe('What to note, in the user\'s words'),
  at: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .optional()
    .describe('Local wall-clock time today, HH:MM 24h; the server resolves it in the user\'s zone'),
});

export const noteAdd = defineTool({
  name: 'note.add',
  description: 'Write down a note for the user, optionally for a time today.',
  schema: addSchema,
  async execute(args, ctx) {
    let at: Date | undefined;
    if (args.at) {
      const [hour, minute] = args.at.split(':').map(Number) as [number, number];
      at = DateTime.fromJSDate(ctx.now, { zone: ctx.timezone }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
    }
    addNote(ctx, args.text, at);
    await ctx.em.flush();
    return { ok: true, reply: `📝 Noted: ${args.text}${at ? ` — ${formatLocal(at, ctx.timezone)}` : ''}` };
  },
});

export const noteList = defineTool({
  name: 'note.list',
  description: "List the user's notes.",
  schema: z.object({}),
  async execute(_args, ctx) {
    const notes = await ctx.em.find(ConversationMessage, { user: ctx.user, messageType: 'note' }, { orderBy: { id: 'asc' } });
    if (!notes.length) return { ok: true, reply: 'No notes yet.' };
    return { ok: true, reply: `Your notes: ${notes.map((n) => n.content).join('; ')}`, data: notes.map((n) => n.content) };
  },
});

export const noteRemove = defineTool({
  name: 'note.remove',
  description: 'Remove one of the user\'s notes by its words.',
  schema: z.object({ text: z.string().min(1) }),
  async execute(args, ctx) {
    const note = await ctx.em.findOne(ConversationMessage, { user: ctx.user, messageType: 'note', content: { $ilike: `%${args.text}%` } });
    if (!note) return { ok: false, reply: `No note matching "${args.text}".` };
    ctx.em.remove(note);
    await ctx.em.flush();
    return { ok: true, reply: `🗑️ Removed note: ${note.content}` };
  },
});

export const setName = defineTool({
  name: 'profile.name',
  description: 'Remember what to call the user.',
  schema: z.object({ name: z.string().trim().min(1).max(40) }),
  async execute(args, ctx) {
    ctx.user.name = args.name;
    await ctx.em.flush();
    return { ok: true, reply: `Hi ${args.name}! I'll call you that.` };
  },
});

export const explode = defineTool({
  name: 'note.explode',
  description: 'Always crashes (tests the crash path).',
  schema: z.object({}),
  execute: async () => {
    throw new Error('database went away');
  },
});

/** Rules so the fallback answers visibly: "note X" adds a note, "notes" lists them, "forget X" waits for a pending question. */
export const notesModule: ToolModule = {
  name: 'note',
  tools: [noteAdd, noteList, noteRemove, setName, explode],
  rules: [
    { name: 'notes', match: ({ text }) => (text === 'notes' ? { kind: 'tools', calls: [{ tool: 'note.list', args: {} }] } : null) },
    {
      name: 'note',
      match: ({ raw }) => {
        const m = /^note\s+(.+)$/i.exec(raw);
        return m ? { kind: 'tools', calls: [{ tool: 'note.add', args: { text: m[1] } }] } : null;
      },
    },
  ],
  resume: (pending, input) => (pending.tool === 'note.add' ? { kind: 'tools', calls: [{ tool: 'note.add', args: { text: input.raw } }] } : null),
  examples: ['note buy milk', 'notes'],
};
