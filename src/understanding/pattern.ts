/**
 * Regex source written over several lines: a template tag that reads its text raw (like String.raw,
 * so `\s` stays `\s`) and drops each line break together with the indentation after it, so a long
 * alternation can be laid out as a word list. Only the breaks in the written text go: spaces inside
 * entries and anything interpolated stay as they are.
 */
export function wordList(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw({ raw: strings.raw.map((part) => part.replace(/\n[ \t]*/g, '')) }, ...values);
}
