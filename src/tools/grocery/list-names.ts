import { foldCase, withoutAccents } from '../../understanding/fold.js';

/** "To-Do", "to do", "todo" → "todo": what makes two spellings one list. */
export function listKey(name: string): string {
  return withoutAccents(foldCase(name)).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names that mean the grocery list itself (it is always there and is not a named list). */
const GROCERY_KEYS = new Set(['grocery', 'groceries', 'grocerys', 'shopping', 'food', 'tobuy', 'thingstobuy', 'grocerystore',
  'supermarket', 'buy', 'store', 'default', 'main', 'my', 'the', 'this', 'that', 'a', 'an', 'new']);

/** Spoken names of the to-do list ("todo", "to do", "2do", "task"). */
const TODO_KEYS = new Set(['todo', '2do', 'todos', 'task', 'tasks', 'thingstodo', 'todolist']);

export function isGroceryListName(name: string | null | undefined): boolean {
  return !name || GROCERY_KEYS.has(listKey(name));
}

/** The name a list is shown and stored under: "to-do" for every spelling of it, else the words as said. */
export function listDisplayName(name: string): string {
  if (TODO_KEYS.has(listKey(name))) return 'to-do';
  return foldCase(name).replace(/\s+/g, ' ').trim();
}

/** The key a list is stored under (every to-do spelling is one list). */
export function storedListKey(name: string): string {
  return listKey(listDisplayName(name));
}

/** To-do items are tasks ("call mom and dad"): their words are kept whole, not split into groceries at "and". */
export function isTaskList(name: string): boolean {
  return TODO_KEYS.has(listKey(name)) || /\b(?:chores?|errands?|honey ?do|work|jobs?)\b/.test(foldCase(name));
}
