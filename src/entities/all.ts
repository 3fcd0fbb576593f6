import { coreEntities } from './index.js';
import { toolEntities } from '../tools/index.js';
import { channelEntities } from '../channels/entities.js';

/** Every entity the ORM knows: the shared core plus what each tool registers. */
export const allEntities = [...coreEntities, ...channelEntities, ...toolEntities];
