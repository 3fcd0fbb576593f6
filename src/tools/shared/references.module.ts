import type { ToolModule } from '../types.js';
import { correctionRules } from './correction.rules.js';
import { changeNamedTool, removeNamedTool } from './named.tool.js';
import { namedRules } from './named.rules.js';
import { referenceRules } from './reference.rules.js';

/**
 * "delete it", "make that 7pm", "clear my calendar tomorrow": rules that read what the last answer stored or listed and
 * call the owning module's tools (reminders.cancel/edit/clear, calendar.delete/edit/clear, expense.edit). They run
 * before every module's own rules, which would read "make that 7pm" as a new event or "delete it" as the last expense.
 * references.remove / references.change pick the row a longer text names ("sam bailed remove lunch fri") among all the
 * user's rows and hand the work to its family's tool, so the run is recorded as that tool's.
 */
export const referencesModule: ToolModule = {
  name: 'references',
  tools: [removeNamedTool, changeNamedTool],
  rules: [...referenceRules, ...namedRules, ...correctionRules],
};
