import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('word lists laid out over several lines', () => {
  // wordList drops each line break with the indentation after it: a break between two words joins them
  // ("just\n  checking" reads "justchecking", "schedule\n  (?:a |an )?text" reads "schedule(?:a |an )?text"), so a break
  // must fall at an alternation's "|", between two groups, or after an escape ("\\b").
  it('never break a line between two words, or between a word and a group', () => {
    const joined: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const [, body] of fs.readFileSync(file, 'utf8').matchAll(/wordList`([\s\S]*?)`/g)) {
        for (const m of body!.matchAll(/(?<!\\)[\w']\n[ \t]*[\w'(]|\)\n[ \t]*[\w']/g)) joined.push(`${path.relative(SRC, file)}: …${m[0].replace(/\s+/, '⏎')}…`);
      }
    }
    expect(joined).to.deep.equal([]);
  });
});
