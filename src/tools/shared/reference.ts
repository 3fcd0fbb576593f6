/** The kinds of rows "it / that / the last one" can point at (grocery items are the lists module's). */
export type RefFamily = 'reminders' | 'calendar' | 'expense';

/** What the last answer of one tool family stored (changed) or listed: the rows "it" can mean. */
export interface Reference {
  family: RefFamily;
  ids: number[];
  stored: boolean;
}

interface LastRun {
  tool?: string;
  ok?: boolean;
  data?: { id?: unknown; expenseId?: unknown; listed?: unknown; missing?: unknown };
}

/** Tools whose `data.id` is a row that still exists afterwards (a cancel or delete names a row that is gone). */
const KEEPS_ROW = /^(?:reminders\.(?:create|edit|snooze)|calendar\.(?:create|move|edit)|expense\.(?:log|edit))$/;

function familyOf(tool: string): RefFamily | null {
  const family = tool.split('.')[0];
  return family === 'reminders' || family === 'calendar' || family === 'expense' ? family : null;
}

/**
 * The rows the conversation's last answer was about, per family, in the order it ran: what it stored or changed
 * ("delete it" after "lunch fri 1pm"), else what it listed ("cancel that" after "what's next").
 */
export function lastReferences(lastToolResult: unknown): Reference[] {
  const runs = Array.isArray(lastToolResult) ? (lastToolResult as LastRun[]) : [];
  const refs = new Map<RefFamily, Reference>();
  for (const run of runs) {
    const family = run?.tool ? familyOf(run.tool) : null;
    if (!family || !run.data) continue;
    const id = run.data.expenseId ?? run.data.id;
    const ref = refs.get(family) ?? { family, ids: [], stored: false };
    if (run.ok && KEEPS_ROW.test(run.tool!) && typeof id === 'number') {
      if (!ref.stored) ref.ids = [];
      ref.stored = true;
      ref.ids.push(id);
    } else if (!ref.stored && Array.isArray(run.data.listed)) {
      ref.ids = [...new Set([...ref.ids, ...(run.data.listed as number[])])];
    } else continue;
    refs.set(family, ref);
  }
  return [...refs.values()].filter((r) => r.ids.length);
}

/** The one family the last answer was about; null when it was about none or several. */
export function lastReference(lastToolResult: unknown, family?: RefFamily): Reference | null {
  const refs = lastReferences(lastToolResult).filter((r) => !family || r.family === family);
  return refs.length === 1 ? refs[0]! : null;
}

/** Was the last answer about something else "it" could mean (a grocery item, a setting)? Then "it" is not ours to read. */
export function lastWasOther(lastToolResult: unknown): boolean {
  const runs = Array.isArray(lastToolResult) ? (lastToolResult as LastRun[]) : [];
  return runs.some((r) => r?.tool && !familyOf(r.tool));
}
