import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNewYorkDst, newYorkLocalToEpochMs, parseMtaLocalTime } from "./ny-time";

/** New York wall-clock fields of an instant, by the platform's time zone database (independent of ours). */
const intlParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClock(ms: number): number[] {
  const parts = Object.fromEntries(intlParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number);
}

const H = 3_600_000;

describe("New York local time", () => {
  it("agrees with the time zone database for any instant 1990-2037, except the repeated hour", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2037, 11, 31) }), (ms) => {
        const instant = Math.floor(ms / 1000) * 1000;
        const [y, mo, d, h, mi, s] = wallClock(instant);
        const back = newYorkLocalToEpochMs(y, mo, d, h, mi, s);
        // 01:xx on the November change day exists twice: we pick the first (EDT)
        if (back !== instant) expect(back).toBe(instant - H);
        if (back !== instant) expect(wallClock(instant - H)).toEqual([y, mo, d, h, mi, s]);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the database on whether daylight time is in force, hourly around each change, both rules (2003-2012, 2020-2030)", () => {
    const intlOffsetHours = (ms: number) => {
      const [y, mo, d, h, mi, s] = wallClock(ms);
      return (Date.UTC(y, mo - 1, d, h, mi, s) - ms) / H;
    };
    const years = [
      ...Array.from({ length: 10 }, (_, i) => 2003 + i),
      ...Array.from({ length: 11 }, (_, i) => 2020 + i),
    ];
    for (const year of years) {
      // changes happen on the hour (06:00 or 07:00 UTC), so hourly samples pin them; March-April and October-November hold every change under both rules
      for (const [from, to] of [
        [Date.UTC(year, 2, 1), Date.UTC(year, 3, 10)],
        [Date.UTC(year, 9, 20), Date.UTC(year, 10, 10)],
      ]) {
        for (let ms = from; ms < to; ms += H) {
          expect(isNewYorkDst(ms), new Date(ms).toISOString()).toBe(intlOffsetHours(ms) === -4);
        }
      }
    }
  });

  it("reads the skipped spring hour as standard time (an hour later) and the repeated autumn hour as daylight time", () => {
    expect(newYorkLocalToEpochMs(2024, 3, 10, 2, 30, 0)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(newYorkLocalToEpochMs(2024, 11, 3, 1, 30, 0)).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(newYorkLocalToEpochMs(2024, 11, 3, 2, 30, 0)).toBe(Date.UTC(2024, 10, 3, 7, 30));
  });
});

describe("parseMtaLocalTime", () => {
  it.each([
    ["01/05/2024 08:00:00 AM", Date.UTC(2024, 0, 5, 13, 0, 0)],
    ["01/05/2024 06:00:00 PM", Date.UTC(2024, 0, 5, 23, 0, 0)],
    ["07/04/2025 12:00:00 AM", Date.UTC(2025, 6, 4, 4, 0, 0)], // midnight, EDT
    ["07/04/2025 12:30:15 PM", Date.UTC(2025, 6, 4, 16, 30, 15)], // noon
    ["7/4/2025 1:05 pm", Date.UTC(2025, 6, 4, 17, 5, 0)],
    ["12/31/2025 23:59:59", Date.UTC(2026, 0, 1, 4, 59, 59)], // 24-hour form
  ])("%s", (text, expected) => {
    expect(parseMtaLocalTime(text)).toBe(expected);
  });

  it.each([
    "",
    "soon",
    "2024-01-05T08:00:00",
    "13/01/2024 08:00:00 AM",
    "02/30/2024 08:00:00 AM",
    "01/05/2024 13:00:00 PM",
    "01/05/2024 00:00:00 AM",
    "01/05/2024 08:61:00 AM",
  ])("rejects %j", (text) => {
    expect(parseMtaLocalTime(text)).toBeNull();
  });

  it("knows leap days", () => {
    expect(parseMtaLocalTime("02/29/2024 10:00:00 AM")).toBe(Date.UTC(2024, 1, 29, 15));
    expect(parseMtaLocalTime("02/29/2025 10:00:00 AM")).toBeNull();
  });
});
