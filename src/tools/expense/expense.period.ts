import { DateTime } from 'luxon';

export const PERIODS = ['today', 'yesterday', 'week', 'last_week', 'month', 'last_month', 'year', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export interface Range {
  from: Date;
  to: Date;
  label: string;
}

/** The period's bounds in the user's zone (weeks start on Monday), as UTC instants. */
export function periodRange(period: Period, now: Date, zone: string): Range {
  const local = DateTime.fromJSDate(now, { zone });
  const range = (from: DateTime, to: DateTime, label: string): Range => ({ from: from.toJSDate(), to: to.toJSDate(), label });
  const day = local.startOf('day');
  const week = local.startOf('week');
  const month = local.startOf('month');
  switch (period) {
    case 'today':
      return range(day, day.plus({ days: 1 }), `Today (${day.toFormat('ccc LLL d')})`);
    case 'yesterday':
      return range(day.minus({ days: 1 }), day, `Yesterday (${day.minus({ days: 1 }).toFormat('ccc LLL d')})`);
    case 'week':
      return range(week, week.plus({ weeks: 1 }), `This week (${spanLabel(week, week.plus({ days: 6 }))})`);
    case 'last_week':
      return range(week.minus({ weeks: 1 }), week, `Last week (${spanLabel(week.minus({ weeks: 1 }), week.minus({ days: 1 }))})`);
    case 'month':
      return range(month, month.plus({ months: 1 }), `This month (${month.toFormat('LLLL')})`);
    case 'last_month':
      return range(month.minus({ months: 1 }), month, `Last month (${month.minus({ months: 1 }).toFormat('LLLL')})`);
    case 'year':
      return range(local.startOf('year'), local.startOf('year').plus({ years: 1 }), `This year (${local.year})`);
    case 'all':
      return { from: new Date(0), to: new Date(8.64e15), label: 'All time' };
  }
}

function spanLabel(from: DateTime, to: DateTime): string {
  return from.month === to.month ? `${from.toFormat('LLL d')}–${to.toFormat('d')}` : `${from.toFormat('LLL d')}–${to.toFormat('LLL d')}`;
}

/** A named month ("expenses for october"): this year's, or last year's when it has not come yet. */
export function monthRange(month: number, now: Date, zone: string): Range {
  const local = DateTime.fromJSDate(now, { zone });
  const year = month > local.month ? local.year - 1 : local.year;
  const from = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return { from: from.toJSDate(), to: from.plus({ months: 1 }).toJSDate(), label: from.toFormat('LLLL yyyy') };
}

/** One local day in the user's zone. */
export function dayRange(date: string, zone: string): Range {
  const from = DateTime.fromISO(date, { zone }).startOf('day');
  return { from: from.toJSDate(), to: from.plus({ days: 1 }).toJSDate(), label: from.toFormat('ccc LLL d') };
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "on wednesday" in a question about spending: the latest such day, today included. */
export function pastWeekday(text: string, now: Date, zone: string): string | undefined {
  const m = text.match(/\b(?:on |last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun)\b/);
  if (!m) return undefined;
  const index = WEEKDAYS.findIndex((w) => w.startsWith(m[1]!.slice(0, 3))) + 1;
  const local = DateTime.fromJSDate(now, { zone });
  return local.minus({ days: (local.weekday - index + 7) % 7 }).toISODate()!;
}
