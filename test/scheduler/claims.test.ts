import { expect } from 'chai';
import { testDb } from '../support/db.js';
import { CalendarEvent } from '../../src/tools/calendar/calendar.entity.js';
import { AgendaSchedule } from '../../src/tools/notifications/agenda-schedule.entity.js';
import { Reminder } from '../../src/tools/reminder/reminder.entity.js';

/**
 * The scheduler's claims are built by the repositories' QueryBuilder: exactly-once delivery across instances rests on
 * each one locking only its own table's rows and skipping rows another instance holds.
 */
describe('scheduler: claims as the repositories build them', () => {
  it('lock only the claimed table, FOR UPDATE SKIP LOCKED, in due order with a limit', async () => {
    const now = new Date('2026-11-24T14:00:00Z');
    const claims = await testDb().orm.em.fork().transactional(async (em) => ({
      reminders: em.getRepository(Reminder).claimQuery(now, 10).getFormattedQuery(),
      events: em.getRepository(CalendarEvent).claimQuery(now, 10).getFormattedQuery(),
      agendas: em.getRepository(AgendaSchedule).claimQuery(now, 10).getFormattedQuery(),
    }));
    expect(claims.reminders).to.match(/^select .* from "reminders" as "r" inner join "users" as "u" .* where "r"\."status" = 'pending' and "r"\."due_at" <= '2026-11-24T14:00:00\.000Z' order by "r"\."due_at" asc limit 10 for update of "r" skip locked$/);
    expect(claims.events).to.match(/ where "e"\."notify_at" is not null and "e"\."notify_at" <= '2026-11-24T14:00:00\.000Z' and "e"\."notified_at" is null order by "e"\."notify_at" asc limit 10 for update of "e" skip locked$/);
    expect(claims.agendas).to.match(/ from "agenda_schedules" as "s" inner join "users" as "u" .* order by "s"\."next_at" asc limit 10 for update of "s" skip locked$/);
  });

  it('cannot be built outside a transaction (a lock would be released at once)', () => {
    const em = testDb().orm.em.fork();
    expect(() => em.getRepository(Reminder).claimQuery(new Date(), 10)).to.throw(/transaction/i);
  });
});
