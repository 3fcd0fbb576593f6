import { coreEntities } from './index.js';
import { toolEntities } from '../tools/index.js';

/** Every entity the ORM knows: the shared core plus what each tool registers. */
export const allEntities = [...coreEntities, ...toolEntities];
