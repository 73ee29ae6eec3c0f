import { describe, expect, it } from "vitest";
import { buildNetwork } from "../network";
import { buildTimetable } from "./timetable";
import { SIGNAL_MARGIN_S } from "./tracks";
import type { ScheduledTrip } from "./types";

const net = buildNetwork();
const trips = buildTimetable(net);
const of = (route: string, dir: "N" | "S") => trips.filter((t) => t.routeId === route && t.direction === dir);
const startsInHour = (list: ScheduledTrip[], hour: number) =>
  list.filter((t) => t.start >= hour * 3600 && t.start < (hour + 1) * 3600).length;
const minutes = (t: ScheduledTrip) => t.stops.at(-1)!.offset / 60;

describe("demo timetable", () => {
  it("runs a weekday's worth of trips (the real subway runs about 8,000)", () => {
    expect(trips.length).toBeGreaterThan(7000);
    expect(trips.length).toBeLessThan(11000);
  });

  it("runs trunk lines every 3-5 minutes in the rush, 20 at night", () => {
    // Per hour and direction: 60 / headway.
    for (const route of ["1", "4", "A", "E", "F"]) {
      const rush = startsInHour(of(route, "S"), 8);
      expect(rush, route).toBeGreaterThanOrEqual(12); // every 5 min or better
      expect(rush, route).toBeLessThanOrEqual(20); // not better than every 3 min
      expect(startsInHour(of(route, "S"), 3), route).toBe(3);
    }
    // The 6 and the L run every 3 minutes at the peak (the 6 counting the <6> express).
    expect(startsInHour([...of("6", "S"), ...of("6X", "S")], 8)).toBe(20);
    expect(startsInHour(of("L", "N"), 8)).toBe(20);
    // Middays about every 8 minutes.
    const midday = startsInHour(of("A", "S"), 12);
    expect(midday).toBeGreaterThanOrEqual(6);
    expect(midday).toBeLessThanOrEqual(9);
  });

  it("runs all-night lines round the clock: every 20 minutes across midnight, no seam", () => {
    for (const route of ["1", "4", "A", "L"])
      for (const dir of ["N", "S"] as const) {
        const starts = of(route, dir)
          .map((t) => t.start)
          .sort((a, b) => a - b);
        // The day before ends with the same timetable: its late departures, then this day's first.
        const around = [...starts.map((s) => s - 86_400), ...starts].filter((s) => s >= -1800 && s < 1800);
        const gaps = around.slice(1).map((s, i) => s - around[i]);
        expect(gaps.length, `${route} ${dir}`).toBeGreaterThanOrEqual(2);
        for (const g of gaps) expect(g, `${route} ${dir}`).toBe(20 * 60);
      }
  });

  it("timetables no train onto a platform track before the one ahead has left it", () => {
    // Per platform track, trains in order of their published times (departures; a dwell after arriving).
    const byTrack = new Map<string, Array<{ arrive: number; leave: number }>>();
    for (const t of trips)
      for (const s of t.stops.slice(1)) {
        const key = `${s.stopId}|${s.track}`;
        const list = byTrack.get(key) ?? [];
        list.push({ arrive: t.start + s.offset - s.dwell, leave: t.start + s.offset });
        byTrack.set(key, list);
      }
    const tooClose: string[] = [];
    for (const [key, list] of byTrack) {
      list.sort((a, b) => a.leave - b.leave);
      for (let i = 1; i < list.length; i++)
        // The signals need SIGNAL_MARGIN_S; published times are rounded to 30 s.
        if (list[i].arrive - list[i - 1].leave < SIGNAL_MARGIN_S - 30)
          tooClose.push(`${key} at ${list[i].leave}`);
    }
    expect(tooClose.slice(0, 5)).toEqual([]);
  });

  it("keeps the part-time services to their hours", () => {
    expect(startsInHour(of("B", "S"), 2)).toBe(0);
    expect(startsInHour(of("W", "N"), 3)).toBe(0);
    expect(of("Z", "S").every((t) => t.start >= 7 * 3600 && t.start < 10 * 3600)).toBe(true);
    expect(of("Z", "N").every((t) => t.start >= 16 * 3600 && t.start < 19 * 3600)).toBe(true);
    // The <6> runs toward Manhattan in the morning, home in the evening.
    expect(of("6X", "S").every((t) => t.start < 12 * 3600)).toBe(true);
    expect(of("6X", "N").every((t) => t.start > 12 * 3600)).toBe(true);
  });

  it("takes about as long end to end as the real trains", () => {
    const one = of("1", "S").find((t) => t.start >= 12 * 3600)!;
    expect(minutes(one)).toBeGreaterThan(55); // 242 St to South Ferry, about an hour
    expect(minutes(one)).toBeLessThan(75);
    const seven = of("7", "S").find((t) => t.start >= 12 * 3600)!;
    expect(minutes(seven)).toBeGreaterThan(33);
    expect(minutes(seven)).toBeLessThan(50);
    const si = of("SI", "S").find((t) => t.start >= 12 * 3600)!;
    expect(minutes(si)).toBeGreaterThan(35);
    expect(minutes(si)).toBeLessThan(50);
    // Running express saves time: the 2 from 96 St to Chambers St beats the 1.
    const leg = (t: ScheduledTrip) => {
      const at = (id: string) => t.stops.find((s) => s.stationId === id)!.offset;
      return at("137") - at("120");
    };
    expect(leg(of("2", "S").find((t) => t.start >= 12 * 3600)!)).toBeLessThan(leg(one) - 180);
  });

  it("names trips and trains the MTA way", () => {
    const t = of("1", "S").find((x) => x.start === 8 * 3600 + 13 * 60 + 30) ?? of("1", "S")[40];
    // Origin time in hundredths of a minute: 08:13:30 is 493.5 min -> "049350".
    const hundredths = String(Math.round((t.start / 60) * 100)).padStart(6, "0");
    expect(t.tripId).toBe(`${hundredths}_1..S03R`);
    expect(t.gtfsTripId.endsWith(`_${t.tripId}`)).toBe(true);
    const hhmm = `${String(Math.floor(t.start / 3600)).padStart(2, "0")}${String(Math.floor(t.start / 60) % 60).padStart(2, "0")}`;
    expect(t.trainId).toMatch(new RegExp(`^01 ${hhmm}[+ ] 242/SFT$`));
    for (const x of trips) expect(x.tripId).toMatch(/^\d{6}_[0-9A-Z]{1,2}\.{1,2}[NS](\d\dR)?$/);
    expect(new Set(trips.map((x) => x.tripId)).size).toBe(trips.length);
    const gs = of("GS", "S")[0];
    expect(gs.tripId).toMatch(/^\d{6}_GS\.S04R$/);
  });

  it("stops in order along the pattern, with times that only go forward", () => {
    const problems: string[] = [];
    for (const t of trips) {
      const order = (t.direction === "S" ? t.pattern.stops : [...t.pattern.stops].reverse()).map(
        (s) => s.stationId,
      );
      let last = -1;
      t.stops.forEach((s, i) => {
        const k = order.indexOf(s.stationId);
        if (k <= last) problems.push(`${t.tripId}: ${s.stationId} out of order`);
        if (s.stopId !== s.stationId + t.direction) problems.push(`${t.tripId}: platform ${s.stopId}`);
        if (i > 0 && s.offset <= t.stops[i - 1].offset)
          problems.push(`${t.tripId}: time goes back at ${s.stopId}`);
        last = k;
      });
    }
    expect(problems).toEqual([]);
  });
});
