import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { toStrictJsonSchema } from 'openai/lib/transform';
import { z } from 'zod';
import type { Tool } from '../tools/types.js';

type Json = Record<string, unknown>;

/** One tool as the model sees it, and how to read the model's arguments back. */
export interface FunctionTool {
  functionName: string;
  tool: Tool<any>;
  strict: boolean;
  /** Where strict mode turned an optional field into a required nullable one: null there means "not given". */
  nullablePaths: string[][];
  definition: ChatCompletionFunctionTool;
}

/** Keywords strict mode understands; the zod schema still enforces everything else on our side. */
const KEEP = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'enum', 'const', 'description', 'title']);
/** Constraints we may drop from what the model sees (zod re-checks them); anything else makes the tool non-strict. */
const DROP = new Set([
  '$schema', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'default', 'examples',
]);

/** The registry's tools as OpenAI function definitions; function names are made API-safe and unique. */
export function functionTools(tools: Tool<any>[]): Map<string, FunctionTool> {
  const byName = new Map<string, FunctionTool>();
  for (const tool of tools) {
    const functionName = uniqueName(tool.name, byName);
    const { parameters, strict, nullablePaths } = toParameters(tool.schema);
    byName.set(functionName, {
      functionName,
      tool,
      strict,
      nullablePaths,
      definition: { type: 'function', function: { name: functionName, description: tool.description, parameters, strict } },
    });
  }
  return byName;
}

function uniqueName(name: string, taken: Map<string, unknown>): string {
  const base = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 60) || 'tool';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
  return candidate;
}

/** Strict JSON schema when the zod schema allows it; otherwise the plain input schema, non-strict. */
export function toParameters(schema: z.ZodType): { parameters: Json; strict: boolean; nullablePaths: string[][] } {
  const loose = looseSchema(schema);
  try {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' }) as Json;
    const nullablePaths: string[][] = [];
    const simplified = simplify(json);
    requireAll(simplified, [], nullablePaths);
    return { parameters: toStrictJsonSchema(simplified) as Json, strict: true, nullablePaths };
  } catch {
    return { parameters: loose, strict: false, nullablePaths: [] };
  }
}

function looseSchema(schema: z.ZodType): Json {
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;
    return rest;
  } catch {
    return { type: 'object' };
  }
}

/** Drops droppable constraints (moving a default into the description); throws on anything strict mode cannot take. */
function simplify(node: unknown): Json {
  if (!isObject(node)) throw new Error('not representable in strict mode');
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'oneOf') out.anyOf = (value as unknown[]).map(simplify);
    else if (key === 'anyOf') out.anyOf = (value as unknown[]).map(simplify);
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, simplify(v)]));
    else if (key === 'items') out.items = simplify(value);
    else if (key === 'additionalProperties') {
      if (value !== false) throw new Error('open objects are not strict');
      out.additionalProperties = false;
    } else if (KEEP.has(key)) out[key] = value;
    else if (!DROP.has(key)) throw new Error(`keyword ${key} is not strict`);
  }
  if ('default' in node && node.default !== undefined) {
    out.description = [out.description, `Default: ${JSON.stringify(node.default)}.`].filter(Boolean).join(' ');
  }
  return out;
}

/** Strict mode wants every property required: optional ones become required-but-nullable. */
function requireAll(node: Json, path: string[], nullablePaths: string[][]): void {
  if (Array.isArray(node.anyOf)) for (const branch of node.anyOf as Json[]) requireAll(branch, path, nullablePaths);
  if (isObject(node.items)) requireAll(node.items, [...path, '*'], nullablePaths);
  if (!isObject(node.properties)) return;
  const properties = node.properties as Record<string, Json>;
  const required = new Set((node.required as string[] | undefined) ?? []);
  for (const [key, prop] of Object.entries(properties)) {
    requireAll(prop, [...path, key], nullablePaths);
    if (required.has(key) || acceptsNull(prop)) continue;
    const { description, ...rest } = prop;
    properties[key] = { anyOf: [rest, { type: 'null' }], ...(description ? { description } : {}) };
    nullablePaths.push([...path, key]);
  }
  node.required = Object.keys(properties);
}

function acceptsNull(node: Json): boolean {
  const type = node.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (Array.isArray(node.enum) && node.enum.includes(null)) return true;
  if ('const' in node && node.const === null) return true;
  return Array.isArray(node.anyOf) && (node.anyOf as Json[]).some(acceptsNull);
}

/** Removes the nulls a strict model sends for fields the user did not give, so zod sees them as absent. */
export function stripNulls(value: unknown, paths: string[][]): unknown {
  for (const path of paths) removeAt(value, path);
  return value;
}

function removeAt(value: unknown, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '*') {
    if (Array.isArray(value)) for (const item of value) removeAt(item, rest);
    return;
  }
  if (!isObject(value)) return;
  if (!rest.length) {
    if (value[head] === null) delete value[head];
  } else removeAt(value[head], rest);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
