import type { Tool, ToolModule } from './types.js';
import { reminderModule } from './reminder/reminder.module.js';
import { calendarModule } from './calendar/calendar.module.js';

/** The tool registry: one line per tool module. */
export const toolModules: ToolModule[] = [
  reminderModule,
  calendarModule,
];

export const toolEntities: Function[] = toolModules.flatMap((m) => m.entities ?? []);

export function toolsByName(modules: ToolModule[] = toolModules): Map<string, Tool<any>> {
  return new Map(modules.flatMap((m) => m.tools.map((t) => [t.name, t] as const)));
}
