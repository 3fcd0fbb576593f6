/**
 * Regex source written over several lines: a template tag that reads its text raw (like String.raw,
 * so `\s` stays `\s`) and drops each line break together with the indentation after it, so a long
 * alternation can be laid out as a word list. Only the breaks go: spaces inside entries stay.
 */
export function wordList(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw(strings, ...values).replace(/\n[ \t]*/g, '');
}
