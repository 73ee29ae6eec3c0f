import { describe, expect, it } from "vitest";
import { isoWithOffset, localDateString, startOfLocalDay, zonedFields, zoneOffsetMs } from "./time-zone";

describe("New York times", () => {
  it("formats with the summer and winter offsets", () => {
    expect(isoWithOffset(Date.UTC(2025, 9, 2, 12, 45, 0))).toBe("2025-10-02T08:45:00.000-04:00");
    expect(isoWithOffset(Date.UTC(2025, 11, 2, 13, 45, 0, 250))).toBe("2025-12-02T08:45:00.250-05:00");
  });

  it("finds local midnight, also on a daylight-saving change day", () => {
    expect(startOfLocalDay(Date.UTC(2025, 9, 2, 12, 45))).toBe(Date.UTC(2025, 9, 2, 4, 0));
    // 2025-11-02: clocks go back at 2:00 EDT; midnight was still EDT (04:00 UTC)
    expect(startOfLocalDay(Date.UTC(2025, 10, 2, 18, 0))).toBe(Date.UTC(2025, 10, 2, 4, 0));
    // 2025-03-09: clocks go forward at 2:00 EST; midnight was EST (05:00 UTC)
    expect(startOfLocalDay(Date.UTC(2025, 2, 9, 20, 0))).toBe(Date.UTC(2025, 2, 9, 5, 0));
  });

  it("names the local date, which differs from the UTC date late in the evening", () => {
    expect(localDateString(Date.UTC(2025, 9, 3, 2, 30))).toBe("20251002");
  });
});

describe("the offset kept per hour", () => {
  /** The local fields straight from Intl, for comparison. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string) =>
    formats.get(timeZone) ??
    formats
      .set(
        timeZone,
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
        }),
      )
      .get(timeZone)!;
  const fromIntl = (t: number, timeZone: string) => {
    const p = Object.fromEntries(
      format(timeZone)
        .formatToParts(t)
        .filter((x) => x.type !== "literal")
        .map((x) => [x.type, Number(x.value)]),
    );
    return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
  };

  // Days with an offset change: New York both ways, Lord Howe (30 min shift), St. John's (-3:30), Kathmandu (+5:45).
  const cases: Array<[string, number]> = [
    ["America/New_York", Date.UTC(2025, 2, 9)],
    ["America/New_York", Date.UTC(2025, 10, 2)],
    ["Australia/Lord_Howe", Date.UTC(2025, 3, 5)],
    ["Australia/Lord_Howe", Date.UTC(2025, 9, 4)],
    ["America/St_Johns", Date.UTC(2025, 10, 2)],
    ["Asia/Kathmandu", Date.UTC(2025, 5, 1)],
  ];
  it.each(cases)("agrees with Intl before, across and after the changes (%s)", (zone, day) => {
    // Every 2 min 1 s over a day and a half, forward then backward (the kept hour moves both ways).
    const times: number[] = [];
    for (let t = day - 43_200_000; t < day + 86_400_000; t += 121_001) times.push(t);
    for (const t of [...times, ...times.reverse()]) {
      const want = fromIntl(t, zone);
      expect(zonedFields(t, zone)).toEqual(want);
      const whole = Math.floor(t / 1000) * 1000;
      const offset =
        Date.UTC(want.year, want.month - 1, want.day, want.hour, want.minute, want.second) - whole;
      expect(zoneOffsetMs(t, zone)).toBe(offset);
    }
  });
});
