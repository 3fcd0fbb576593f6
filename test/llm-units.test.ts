import { expect } from 'chai';
import { z } from 'zod';
import { ConfigError } from '../src/config.js';
import { chooseReply, claimsSuccess } from '../src/understanding/llm.guard.js';
import { createLlmConfig } from '../src/understanding/llm.config.js';
import { functionTools, stripNulls } from '../src/understanding/llm.schema.js';
import { defineTool } from '../src/tools/types.js';

const tool = (name: string, schema: z.ZodType) => defineTool({ name, description: `${name} tool`, schema, execute: async () => ({ ok: true, reply: '' }) });

describe('LLM understanding: settings, schemas and the success guard', () => {
  describe('createLlmConfig', () => {
    it('is off without OPENAI_API_KEY and reads the defaults with it', () => {
      expect(createLlmConfig({})).to.equal(null);
      expect(createLlmConfig({ OPENAI_API_KEY: '' })).to.equal(null);
      expect(createLlmConfig({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/' })).to.deep.equal({
        apiKey: 'sk-x', baseURL: 'http://127.0.0.1:11434/v1', model: 'gpt-4o-mini', timeoutMs: 8000, maxRetries: 2,
        historyMessages: 10, maxToolCalls: 5, maxCallsPerUserPerHour: 120,
      });
    });

    it('names the variable in a ConfigError and never echoes the key', () => {
      const bad = (env: Record<string, string>) => {
        try {
          createLlmConfig({ OPENAI_API_KEY: 'sk-secret', ...env });
        } catch (err) {
          expect(err).to.be.instanceOf(ConfigError);
          return (err as ConfigError).message;
        }
        throw new Error('expected a ConfigError');
      };
      expect(bad({ LLM_TIMEOUT_MS: 'soon' })).to.match(/LLM_TIMEOUT_MS: expected a whole number \(got "soon"\)/);
      expect(bad({ OPENAI_BASE_URL: 'localhost' })).to.match(/OPENAI_BASE_URL: expected a URL/);
      expect(bad({ LLM_MAX_TOOL_CALLS: '0' })).to.match(/LLM_MAX_TOOL_CALLS/);
      expect(bad({ LLM_HISTORY_MESSAGES: '-1' })).not.to.include('sk-secret');
    });
  });

  describe('functionTools', () => {
    it('makes API-safe unique function names and strict schemas with optional fields required but nullable', () => {
      const schema = z.object({
        text: z.string().min(1).describe('what'),
        when: z.string().optional().describe('local time words'),
        unit: z.enum(['kg', 'g']).default('kg'),
        items: z.array(z.object({ name: z.string(), qty: z.number().positive().optional() })).max(3),
      });
      const fns = functionTools([tool('grocery.add', schema), tool('grocery add', z.object({}))]);
      expect([...fns.keys()]).to.deep.equal(['grocery_add', 'grocery_add_2']);
      const add = fns.get('grocery_add')!;
      expect(add.strict).to.equal(true);
      expect(add.definition.function.parameters).to.deep.equal({
        type: 'object',
        properties: {
          text: { type: 'string', description: 'what' },
          when: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'local time words' },
          unit: { anyOf: [{ type: 'string', enum: ['kg', 'g'] }, { type: 'null' }], description: 'Default: "kg".' },
          items: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, qty: { anyOf: [{ type: 'number' }, { type: 'null' }] } }, required: ['name', 'qty'], additionalProperties: false },
          },
        },
        required: ['text', 'when', 'unit', 'items'],
        additionalProperties: false,
      });
      const args = { text: 'x', when: null, unit: null, items: [{ name: 'milk', qty: null }] };
      expect(stripNulls(args, add.nullablePaths)).to.deep.equal({ text: 'x', items: [{ name: 'milk' }] });
      expect(schema.parse(args)).to.deep.equal({ text: 'x', unit: 'kg', items: [{ name: 'milk' }] });
    });

    it('keeps nulls the schema itself allows', () => {
      const fn = functionTools([tool('t', z.object({ note: z.string().nullable() }))]).get('t')!;
      expect(fn.nullablePaths).to.deep.equal([]);
      expect(stripNulls({ note: null }, fn.nullablePaths)).to.deep.equal({ note: null });
    });

    it('falls back to a non-strict schema per tool when strict mode cannot express it', () => {
      const fns = functionTools([tool('tags', z.object({ tags: z.record(z.string(), z.string()) })), tool('plain', z.object({ a: z.string() }))]);
      expect(fns.get('tags')!.strict).to.equal(false);
      expect(fns.get('tags')!.definition.function.parameters).to.have.nested.property('properties.tags.additionalProperties');
      expect(fns.get('tags')!.definition.function.parameters).not.to.have.property('$schema');
      expect(fns.get('plain')!.strict).to.equal(true);
    });
  });

  describe('the success guard', () => {
    const ok = { tool: 'note.add', ok: true, reply: '📝 Noted: gym — Mon Nov 23, 7:15 AM' };
    const failed = { tool: 'note.remove', ok: false, reply: 'No note matching "x".' };

    it('spots claims of success', () => {
      for (const text of ['Done!', "I've added milk", 'Reminder set for 6pm', "I'll remind you tomorrow", 'Saved.', 'It is on your list']) {
        expect(claimsSuccess(text), text).to.equal(true);
      }
      for (const text of ['Hi! What would you like to note?', 'You have 2 notes.', 'What time?']) expect(claimsSuccess(text), text).to.equal(false);
    });

    it("keeps the model's wording only when it is honest, keeps the times and fits an SMS", () => {
      expect(chooseReply('Noted gym for 7:15 AM.', [ok], 'tools')).to.deep.equal({ text: 'Noted gym for 7:15 AM.', from: 'model' });
      expect(chooseReply('Noted gym for 7:15am.', [ok], 'tools').from).to.equal('model');
      expect(chooseReply('Noted gym.', [ok], 'tools')).to.include({ from: 'tools', reason: 'dropped_time' });
      expect(chooseReply('Removed it and noted gym at 7:15 AM.', [ok, failed], 'tools')).to.include({ from: 'tools', reason: 'claim_without_success' });
      expect(chooseReply("Noted gym at 7:15 AM and I'll remind you then.", [ok], 'tools')).to.include({ from: 'tools', reason: 'claim_without_tool' });
      const reminder = { tool: 'reminder.create', ok: true, reply: '⏰ Gym — Mon Nov 23, 7:15 AM' };
      expect(chooseReply("Noted gym, and I'll remind you at 7:15 AM.", [ok, reminder], 'tools').from).to.equal('model');
      expect(chooseReply('', [ok], 'tools')).to.include({ from: 'tools', reason: 'empty_wording' });
      expect(chooseReply(`7:15 AM ${'x'.repeat(400)}`, [ok], 'tools')).to.include({ from: 'tools', reason: 'too_long' });
    });
  });
});
