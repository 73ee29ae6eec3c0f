/**
 * Which services run on a date: calendar.txt's weekly pattern within its date
 * range, then calendar_dates.txt's additions and removals for that date.
 * Dates are GTFS service dates (the schedule day, local time), YYYYMMDD.
 */
import type { CalendarDate, ServiceCalendar } from "./types";

/** A service date as YYYYMMDD number, from "YYYYMMDD", "YYYY-MM-DD" or such a number. */
export function serviceDateNumber(date: string | number): number {
  const n = typeof date === "number" ? date : Number(date.replaceAll("-", ""));
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (!Number.isInteger(n) || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900) {
    throw new RangeError(`not a service date (YYYYMMDD or YYYY-MM-DD): ${date}`);
  }
  return n;
}

/** 0 = Monday ... 6 = Sunday, as calendar.txt orders its columns. */
function mondayFirstWeekday(ymd: number): number {
  const utc = Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100);
  return (new Date(utc).getUTCDay() + 6) % 7;
}

export class ServiceCalendarIndex {
  private readonly byDate = new Map<number, CalendarDate[]>();

  constructor(
    readonly calendar: ReadonlyMap<string, ServiceCalendar>,
    readonly calendarDates: readonly CalendarDate[],
  ) {
    for (const cd of calendarDates) {
      const list = this.byDate.get(cd.date);
      if (list) list.push(cd);
      else this.byDate.set(cd.date, [cd]);
    }
  }

  servicesActiveOn(date: string | number): Set<string> {
    const ymd = serviceDateNumber(date);
    const weekday = mondayFirstWeekday(ymd);
    const active = new Set<string>();
    for (const c of this.calendar.values()) {
      if (ymd >= c.startDate && ymd <= c.endDate && c.days[weekday]) active.add(c.serviceId);
    }
    for (const cd of this.byDate.get(ymd) ?? []) {
      if (cd.exceptionType === 1) active.add(cd.serviceId);
      else active.delete(cd.serviceId);
    }
    return active;
  }
}
