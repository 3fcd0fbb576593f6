/**
 * Schema messages written for the person texting. When a tool's arguments fail its schema on one of these bounds
 * ("snooze 99999999 min"), the person is told what is allowed instead of "Sorry, I didn't get that".
 */
const FOR_THE_PERSON = new Set<string>();

/** Marks a zod message as a reply: `z.number().max(99, told('Repeats go up to every 99 …'))`. */
export function told(message: string): string {
  FOR_THE_PERSON.add(message);
  return message;
}

interface Issue {
  message: string;
  /** A union's issues, one list per member. */
  errors?: Issue[][];
}

/** The first message of a failed parse written for the person (inside unions too); undefined when none is. */
export function toldReply(issues: readonly Issue[]): string | undefined {
  for (const issue of issues) {
    if (FOR_THE_PERSON.has(issue.message)) return issue.message;
    const nested = issue.errors?.map(toldReply).find(Boolean);
    if (nested) return nested;
  }
  return undefined;
}
