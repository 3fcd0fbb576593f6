import { z } from 'zod';
import { defineTool, type ToolModule } from '../../src/tools/types.js';

/** Tools that make channel behaviour visible: who the user is, long replies, slow work on demand. */
export function channelTestModule(gate?: Promise<void>): ToolModule {
  return {
    name: 'probe',
    tools: [
      defineTool({
        name: 'probe.whoami',
        description: 'reports the user row',
        schema: z.object({}),
        execute: async (_args, ctx) => ({ ok: true, reply: `You are user ${ctx.user.id} (${ctx.user.phoneNumber})` }),
      }),
      defineTool({
        name: 'probe.long',
        description: 'a reply of n characters in lines of 100',
        schema: z.object({ n: z.number().int() }),
        execute: async ({ n }) => ({ ok: true, reply: Array.from({ length: Math.ceil(n / 100) }, (_, i) => `${String(i).padStart(4, '0')} ${'x'.repeat(94)}`).join('\n') }),
      }),
      defineTool({
        name: 'probe.slow',
        description: 'waits for the test to open the gate',
        schema: z.object({}),
        execute: async () => {
          await gate;
          return { ok: true, reply: 'finally done' };
        },
      }),
    ],
    rules: [
      { name: 'whoami', match: ({ text }) => (text === 'whoami' ? { kind: 'tools', calls: [{ tool: 'probe.whoami', args: {} }] } : null) },
      { name: 'long', match: ({ text }) => (/^long \d+$/.test(text) ? { kind: 'tools', calls: [{ tool: 'probe.long', args: { n: Number(text.split(' ')[1]) } }] } : null) },
      { name: 'slow', match: ({ text }) => (text === 'slow' ? { kind: 'tools', calls: [{ tool: 'probe.slow', args: {} }] } : null) },
      { name: 'reminders', match: ({ text }) => (text === 'list my reminders' ? { kind: 'reply', text: 'REMINDERS' } : null) },
    ],
  };
}
