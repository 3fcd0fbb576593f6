import { z } from 'zod';
import { localDate, localTime } from '../../understanding/when-schema.js';
import { moveEventTool, deleteEventTool } from '../calendar/calendar-manage.tool.js';
import { deleteLastTool } from '../expense/expense.tool.js';
import { removeTool } from '../grocery/grocery.tool.js';
import { editReminderTool } from '../reminder/reminder-edit.tool.js';
import { cancelReminderTool } from '../reminder/reminder-manage.tool.js';
import { defineTool, type Tool, type ToolContext, type ToolResult } from '../types.js';
import { bestNamed, NAMED_KINDS, namedRows, type NamedKind, type NamedRow } from './named-rows.js';
import { keywords, matchesWords } from '../../understanding/wording.js';
import { compact } from './wording.js';

const kind = z.enum(NAMED_KINDS);
const pickFields = {
  words: z.string().trim().min(1).max(300).optional().describe('What the user said about the row, reasons and all'),
  kind: kind.optional().describe('Only when a kind word was said: reminder, alarm, event (calendar), item (list), expense'),
  onDate: localDate.optional().describe('The local day the row is on, when one was said'),
  atTime: localTime.optional().describe('The local time the row is at, when one was said ("my 3pm")'),
};

/** The family tool that acts on one picked row, and arguments that pick exactly it. */
function removalOf(row: NamedRow): [Tool<any>, object] {
  const at = compact({ onDate: row.date, atTime: row.allDay ? undefined : row.time });
  switch (row.kind) {
    case 'reminder':
    case 'alarm':
      return [cancelReminderTool, { words: row.name, ...at }];
    case 'event':
      return [deleteEventTool, { words: row.name, ...at }];
    case 'item':
      return [removeTool, { names: [row.name] }];
    case 'expense':
      return [deleteLastTool, { words: row.name }];
  }
}

/** Runs `tool` on behalf of the resolver: the run is recorded as that tool's ("it" then means its row). */
async function handOver(tool: Tool<any>, args: object, ctx: ToolContext): Promise<ToolResult> {
  const parsed = tool.schema.parse(args);
  return { ...(await tool.execute(parsed, ctx)), handedTo: { tool: tool.name, args: parsed } };
}

/** The tool of the one family all `rows` are of (alarms are reminders), if it has one here. */
function oneFamily(rows: NamedRow[], tools: { reminder: Tool<any>; event: Tool<any> }): Tool<any> | null {
  const families = new Set(rows.map((r) => (r.kind === 'alarm' ? 'reminder' : r.kind)));
  const [family] = families;
  return families.size === 1 && (family === 'reminder' || family === 'event') ? tools[family] : null;
}

const WHICH = 'Which one? Tell me its name, e.g. "cancel my dentist reminder" or "remove eggs from my list".';

const KIND_NAME: Record<NamedKind, string> = { reminder: 'reminder', alarm: 'alarm', event: 'event', item: 'list item', expense: 'expense' };

/**
 * Several rows of one family named alike ("cancel call mom", two of them): that family's tool asks its numbered
 * question, so "cancel 2" works next. Across families, the kinds are named.
 */
async function which(rows: NamedRow[], verb: string, tool: Tool<any> | null, ctx: ToolContext, to: object = {}): Promise<ToolResult> {
  const common = keywords(rows[0]!.name).filter((w) => rows.every((r) => matchesWords(r.name, [w])));
  if (tool && common.length) return handOver(tool, { words: common.join(' '), ...to }, ctx);
  return whichKind(rows, verb);
}

function whichKind(rows: NamedRow[], verb: string): ToolResult {
  const named = rows.slice(0, 5).map((r) => `"${r.name}" (${KIND_NAME[r.kind]}${r.date ? `, ${r.date}` : ''})`);
  return { ok: false, reply: `Which one should I ${verb}: ${named.join(' or ')}? Tell me a bit more, e.g. its day.` };
}

export const removeNamedTool = defineTool({
  name: 'references.remove',
  description: 'Remove the one row a longer text names (reminder, alarm, event, list item or expense), found among the '
    + 'user\'s rows by its words; asks which when several fit. "cancel my pay rent reminder i already paid it".',
  schema: z.object({
    ...pickFields,
    amount: z.string().regex(/^\d+(?:\.\d{1,2})?$/).optional().describe('An expense\'s amount, when one was said'),
    latest: z.boolean().optional().describe('"that last expense": the one logged last'),
    otherwise: kind.optional().describe('The kind to try the words on when no row fits'),
  }),
  async execute(args, ctx) {
    if (args.kind === 'expense' && args.latest) return handOver(deleteLastTool, {}, ctx);
    // "no alarm tmrw, kill it": the alarms' own pick (the one called "Alarm" among several).
    if (args.kind === 'alarm' && !args.words) return handOver(cancelReminderTool, compact({ alarm: true, onDate: args.onDate, atTime: args.atTime }), ctx);
    const rows = bestNamed(await namedRows(ctx, args.kind ? [args.kind] : undefined), args);
    if (rows.length > 1 && rows.every((r) => r.kind === 'item')) return handOver(removeTool, { names: rows.map((r) => r.name) }, ctx);
    if (rows.length > 1) return which(rows, 'remove', oneFamily(rows, { reminder: cancelReminderTool, event: deleteEventTool }), ctx);
    if (rows[0]) return handOver(...removalOf(rows[0]), ctx);
    const words = args.words;
    switch (args.kind ?? args.otherwise) {
      case 'alarm':
        return handOver(cancelReminderTool, compact({ alarm: true, onDate: args.onDate }), ctx);
      case 'reminder':
        return words ? handOver(cancelReminderTool, compact({ words, onDate: args.onDate, atTime: args.atTime }), ctx) : { ok: false, reply: WHICH };
      case 'event':
        return words ? handOver(deleteEventTool, compact({ words, onDate: args.onDate, atTime: args.atTime }), ctx) : { ok: false, reply: WHICH };
      case 'item':
        return words ? handOver(removeTool, { names: words.split(/\s*,\s*/) }, ctx) : { ok: false, reply: WHICH };
      case 'expense':
        return handOver(deleteLastTool, compact({ words }), ctx);
      default:
        return { ok: false, reply: `I couldn't find "${words ?? ''}" among your reminders, calendar, list or expenses.` };
    }
  },
});

export const changeNamedTool = defineTool({
  name: 'references.change',
  description: 'Move the one reminder or event a text names ("lunch w sam is 12:30 now not 1") to a new local date and/or time.',
  schema: z.object({ ...pickFields, date: localDate.optional(), time: localTime.optional() }),
  async execute(args, ctx) {
    const kinds: NamedKind[] = args.kind ? [args.kind] : ['reminder', 'alarm', 'event'];
    const rows = bestNamed(await namedRows(ctx, kinds), args);
    if (rows.length > 1) return which(rows, 'change', oneFamily(rows, { reminder: editReminderTool, event: moveEventTool }), ctx,
      compact({ date: args.date, time: args.time }));
    const [row] = rows;
    if (!row) return { ok: false, reply: `I couldn't find "${args.words ?? ''}" among your reminders or calendar.` };
    const pick = compact({ words: row.name, onDate: row.date, atTime: row.allDay ? undefined : row.time, date: args.date, time: args.time });
    return row.kind === 'event' ? handOver(moveEventTool, pick, ctx) : handOver(editReminderTool, pick, ctx);
  },
});
