/**
 * The intent classifier's training texts, each with its label (`family.act`, or settings / help / chat / oos), from
 * checked-in texts only: our own (src/understanding/intent/training/own.ts), SLURP's trainable half, the texting
 * development set and the test corpora. Never the held-out sets (bench/eval/texting.heldout.cases.ts, SLURP's report
 * half, test/fixtures/heldout.*).
 */
import fs from 'node:fs';
import { inSlurpFold } from '../bench/eval/slurp.js';
import { textingDevCases } from '../bench/eval/texting.dev.cases.js';
import { calendarCorpus } from '../test/fixtures/calendar.corpus.js';
import { expenseCorpus } from '../test/fixtures/expense.corpus.js';
import { groceryCorpus } from '../test/fixtures/grocery.corpus.js';
import { reminderCorpus } from '../test/fixtures/reminder.corpus.js';
import { helpCorpus, settingsCorpus } from '../test/fixtures/settings-help.corpus.js';
import { INTENTS, type Act, type Intent } from '../src/understanding/intent/classifier.js';
import { OWN_TEXTS } from '../src/understanding/intent/training/own.js';
import { PARAPHRASE_TEXTS } from '../src/understanding/intent/training/paraphrases.js';
import { wordList } from '../src/understanding/pattern.js';

export type Example = [text: string, intent: Intent];

const SLURP_ACT: Record<string, Act> = { set: 'create', createoradd: 'create', query: 'query', remove: 'remove' };

/** SLURP intent → label: its calendar scenario holds reminders too ("remind me …"); 15 other scenarios are oos. */
function slurpIntent(intent: string, text: string): Intent {
  const [scenario, action] = intent.split('_') as [string, string];
  const act = SLURP_ACT[action];
  if (!act) return 'oos';
  if (scenario === 'alarm') return `alarm.${act}` as Intent;
  if (scenario === 'lists') return `list.${act}` as Intent;
  if (scenario === 'calendar') return `${/\bremind/.test(text) ? 'reminder' : 'calendar'}.${act}` as Intent;
  return 'oos';
}

function slurpTrain(withoutFold: boolean): Example[] {
  const file = new URL('../src/understanding/intent/training/slurp-train.tsv', import.meta.url);
  return fs.readFileSync(file, 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('slurp_id'))
    .map((line) => line.split('\t'))
    .filter(([id]) => !withoutFold || !inSlurpFold(Number(id)))
    .map(([, intent, text]) => [text!, slurpIntent(intent!, text!)]);
}

const TEXTING_ACT: Record<string, Act> = {
  set: 'create', add: 'create', log: 'create', query: 'query', budget: 'query', remove: 'remove', undo: 'remove', change: 'change',
};

function textingIntent(intent: string): Intent {
  if (intent.startsWith('oos')) return 'oos';
  if (intent === 'help') return 'help';
  const [family, action] = intent.split('_') as [string, string];
  if (family === 'settings') return 'settings';
  const label = `${family}.${TEXTING_ACT[action] ?? action}`;
  return (INTENTS as readonly string[]).includes(label) ? (label as Intent) : 'chat';
}

/** How each family's test corpus words a removal: "got the milk" checks an item off, "got gas 40" logs an expense. */
const REMOVE: Record<CorpusFamily, RegExp> = {
  reminder: /^(?:please |pls )?(?:cancel|delete|remove|clear|erase|scratch|done|mark|stop reminding|nvm|never mind|forget it)\b/,
  calendar: /^(?:please |pls )?(?:cancel|delete|remove|clear|erase|scratch)\b/,
  list: new RegExp(wordList`^(?:please |pls )?(?:cancel|delete|remove|clear|erase|scratch|got|check off|bought|done|cross off|
    take \S+(?: \S+)? off)\b`),
  expense: /^(?:please |pls )?(?:undo|delete|remove|cancel|scratch)\b/,
};
const CHANGE = /^(?:please |pls )?(?:move|change|reschedule|push|snooze|actually|make (?:that|it)|update|rename|postpone)\b/;
const QUERY = new RegExp(wordList`^(?:please |pls )?(?:show|list(?!:)|what|what's|whats|read|tell me|how|when|any|do|does|did|is|
  are|am|agenda|spending|my|total)\b|\?$`);

type CorpusFamily = 'reminder' | 'calendar' | 'list' | 'expense';

/** The test corpora say what each text stores, not its act: the act of a request is read off its first words. */
function corpusIntent(family: CorpusFamily, text: string): Intent {
  const t = text.toLowerCase();
  const act: Act = REMOVE[family].test(t) ? 'remove' : CHANGE.test(t) ? 'change' : QUERY.test(t) ? 'query' : 'create';
  return `${family}.${act}` as Intent;
}

/** A case that expects nothing stored in its own table is a negative of that family, not a request of any known label. */
const negative = (c: { given?: string[]; setup?: string[] }, rows: unknown[] | undefined) =>
  Array.isArray(rows) && rows.length === 0 && !c.given?.length && !c.setup?.length;

/** `withoutSlurpFold`: leave out the train half's fold (bench/eval/slurp.ts `inSlurpFold`), for `--set slurp-fold`. */
export function examples({ withoutSlurpFold = false } = {}): Example[] {
  const labelled = (byIntent: Partial<Record<Intent, string[]>>) =>
    Object.entries(byIntent).flatMap(([intent, texts]) => texts.map((t): Example => [t, intent as Intent]));
  const own = [...labelled(OWN_TEXTS), ...labelled(PARAPHRASE_TEXTS)];
  const corpora: Example[] = [
    ...reminderCorpus.map((c): Example => [c.text, corpusIntent('reminder', c.text)]),
    ...calendarCorpus.map((c): Example => [c.text, corpusIntent(/\bremind/i.test(c.text) ? 'reminder' : 'calendar', c.text)]),
    ...groceryCorpus.filter((c) => !negative(c, c.grocery)).map((c): Example => [c.text, corpusIntent('list', c.text)]),
    ...expenseCorpus.filter((c) => !negative(c, c.expenses)).map((c): Example => [c.text, corpusIntent('expense', c.text)]),
    ...settingsCorpus.map((c): Example => [c.text, 'settings']),
    ...helpCorpus.map((c): Example => [c.text, 'help']),
  ];
  const texting = textingDevCases.map((c): Example => [c.text, textingIntent(c.intent)]);
  return [...own, ...corpora, ...texting, ...slurpTrain(withoutSlurpFold)];
}
