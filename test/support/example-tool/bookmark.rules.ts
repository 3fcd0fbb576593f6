import { toolCall, type Rule } from '../../../src/understanding/types.js';

/** "bookmark https://example.com [title]" keeps a link; "bookmarks" lists them. The link is read from the raw text. */
export const bookmarkRules: Rule[] = [
  { name: 'bookmark.list', match: ({ text }) => (/^(?:my )?bookmarks$/.test(text) ? toolCall('bookmark.list', {}) : null) },
  {
    name: 'bookmark.add',
    match: ({ raw }) => {
      const m = /^bookmark\s+(https?:\/\/\S+)(?:\s+(.+))?$/i.exec(raw.trim());
      return m ? toolCall('bookmark.add', { url: m[1], ...(m[2] ? { title: m[2] } : {}) }) : null;
    },
  },
];
