import { coreEntities } from './index.js';
import { toolModules } from '../tools/index.js';
import type { ToolModule } from '../tools/types.js';
import { channelEntities } from '../channels/entities.js';

/** The entities of the shared core, the channels and a registry of tool modules: each module brings its own. */
export function entitiesOf(modules: readonly ToolModule[]): Function[] {
  return [...coreEntities, ...channelEntities, ...modules.flatMap((m) => m.entities ?? [])];
}

/** Every entity the ORM knows: those of the tool registry (src/tools/index.ts). */
export const allEntities = entitiesOf(toolModules);
