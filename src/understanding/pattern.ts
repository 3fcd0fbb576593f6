/** Each call site's template parts without their line breaks: the same array object comes back on every call. */
const joined = new WeakMap<TemplateStringsArray, string[]>();

/**
 * Regex source written over several lines: a template tag that reads its text raw (like String.raw,
 * so `\s` stays `\s`) and drops each line break together with the indentation after it, so a long
 * alternation can be laid out as a word list. Only the breaks in the written text go: spaces inside
 * entries and anything interpolated stay as they are.
 */
export function wordList(strings: TemplateStringsArray, ...values: unknown[]): string {
  let raw = joined.get(strings);
  if (!raw) joined.set(strings, (raw = strings.raw.map((part) => part.replace(/\n[ \t]*/g, ''))));
  return String.raw({ raw }, ...values);
}
