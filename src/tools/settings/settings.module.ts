import type { ToolModule } from '../types.js';
import { settingsRules } from './settings.rules.js';
import { settingsTools } from './settings.tool.js';

export const settingsModule: ToolModule = {
  name: 'settings',
  helpOrder: 90,
  tools: settingsTools,
  rules: settingsRules,
  examples: ['my timezone is Chicago', 'call me Sam', 'my currency is EUR', 'settings'],
};
