import { groupByUser } from '../shared/by-user.js';
import type { PendingRequest } from '../../entities/conversation-state.entity.js';
import { parseWhen } from '../../understanding/dates.js';
import { toolCall, type RuleInput, type UnderstandContext, type Understanding } from '../../understanding/types.js';
import { capitalize, fromRaw, trimFillers } from '../../understanding/wording.js';
import { compact } from '../shared/wording.js';
import type { DumpSection, ToolModule } from '../types.js';
import { eventArgs } from './calendar-text.js';
import { createEventTool } from './calendar-create.tool.js';
import { deleteEventTool, listEventsTool, moveEventTool, nextEventsTool } from './calendar-manage.tool.js';
import { CalendarEvent } from './calendar.entity.js';
import { editEventTool } from './calendar-edit.tool.js';
import { CLEAR_EVENTS, clearEventsTool } from './calendar-clear.tool.js';
import { resumeBulk } from '../shared/confirm.js';
import { createEventAlertsJob } from './calendar.job.js';
import { calendarRules } from './calendar.rules.js';

const COMMAND = /^(?:what|whats|what's|show|list|add|cancel|delete|remove|help|remind|spent|paid|move|reschedule)\b/;

/** "add dentist to my calendar" → "When is it?" → "tues 3pm"; "move lunch" → "To when?" → "friday". */
function resumeCalendar(pending: PendingRequest, input: RuleInput, ctx: UnderstandContext): Understanding | null {
  const bulk = resumeBulk(pending, input, CLEAR_EVENTS, 'OK, I kept those events.');
  if (bulk || pending.tool === CLEAR_EVENTS || COMMAND.test(input.text)) return bulk;
  const args = pending.args;
  if (pending.tool === 'calendar.move' && pending.missing === 'when') {
    const when = parseWhen(input.text.replace(/^(?:to|till|until|for)\s+/, ''), ctx, { dateDecidedElsewhere: true });
    if (!when.date && !when.time) return null;
    return toolCall('calendar.move', compact({ ...args, date: when.date, time: when.time }));
  }
  if (pending.tool !== 'calendar.create') return null;
  if (pending.missing === 'when') {
    const { found, title: _t, ...when } = eventArgs(input.text, input.raw, ctx);
    if (!found) return null;
    return toolCall('calendar.create', { ...args, ...when });
  }
  if (pending.missing === 'title') {
    const title = trimFillers(input.text, /^(?:it's|its|it is|call it|called|the)\s+/, /\s+please$/);
    if (!title) return null;
    return toolCall('calendar.create', { ...args, title: capitalize(fromRaw(input.raw, title)).slice(0, 200) });
  }
  return null;
}

/** Each user's events for `cli dump`: one statement for the whole batch of users. */
const dumpEvents: DumpSection = {
  key: 'events',
  async rows(em, userIds) {
    const rows = await em.getRepository(CalendarEvent).ofUsers(userIds);
    return groupByUser(rows, (e) => ({ id: e.id, title: e.title, start: e.startAt.toISOString(), end: e.endAt.toISOString(), location: e.location }));
  },
};

export const calendarModule: ToolModule = {
  name: 'calendar',
  helpOrder: 20,
  tools: [createEventTool, listEventsTool, nextEventsTool, moveEventTool, deleteEventTool, editEventTool, clearEventsTool],
  entities: [CalendarEvent],
  rules: calendarRules,
  resume: resumeCalendar,
  examples: [
    "lunch with Sam friday 1pm at Joe's Cafe",
    'add dentist to my calendar tue 3-4pm',
    'moms bday sat all day',
    "what's on tomorrow",
    'this week',
    "what's next",
    'move dentist to 3pm',
    'delete dentist from my calendar',
  ],
  dump: dumpEvents,
  jobs: [createEventAlertsJob()],
};
