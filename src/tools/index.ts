import type { Tool, ToolModule } from './types.js';
import { settingsModule } from './settings/settings.module.js';
import { notificationModule } from './notifications/notification.module.js';
import { reminderModule } from './reminder/reminder.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { expenseModule } from './expense/expense.module.js';
import { groceryModule } from './grocery/grocery.module.js';
import { listsModule } from './grocery/lists.module.js';
import { createHelpModule } from './help/help.module.js';
import { referencesModule } from './shared/references.module.js';

/** The tool registry: one line per tool module. Order is rule precedence; help stays last (its hints are a fallback). */
export const toolModules: ToolModule[] = [
  referencesModule,
  settingsModule,
  notificationModule,
  expenseModule,
  groceryModule,
  listsModule,
  reminderModule,
  calendarModule,
  createHelpModule(() => toolModules),
];

export function toolsByName(modules: ToolModule[] = toolModules): Map<string, Tool<any>> {
  return new Map(modules.flatMap((m) => m.tools.map((t) => [t.name, t] as const)));
}
