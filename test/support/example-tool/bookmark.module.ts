import type { ToolModule } from '../../../src/tools/types.js';
import { Bookmark } from './bookmark.entity.js';
import { bookmarkRules } from './bookmark.rules.js';
import { bookmarkAdd, bookmarkList } from './bookmark.tool.js';

/** The example tool of test/example-tool.test.ts: what a new folder under src/tools holds. */
export const bookmarkModule: ToolModule = {
  name: 'bookmark',
  tools: [bookmarkAdd, bookmarkList],
  entities: [Bookmark],
  rules: bookmarkRules,
  examples: ['bookmark https://example.com', 'bookmarks'],
};
