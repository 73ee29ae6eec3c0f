import { describe, expect, it } from "vitest";
import { nextLocalMidnight, startOfLocalDay } from "./local-day";

const NY = "America/New_York";
const HOUR = 3_600_000;

describe("local midnights", () => {
  it("finds New York midnight on an ordinary day (EDT, UTC-4)", () => {
    const t = Date.parse("2025-10-02T14:20:00Z"); // 10:20 EDT
    expect(new Date(startOfLocalDay(t, NY)).toISOString()).toBe("2025-10-02T04:00:00.000Z");
    expect(new Date(nextLocalMidnight(t, NY)).toISOString()).toBe("2025-10-03T04:00:00.000Z");
  });

  it("gives the spring-forward day 23 hours (midnight EST, next midnight EDT)", () => {
    const noon = Date.parse("2024-03-10T16:00:00Z"); // 12:00 EDT, after the 02:00 jump
    expect(new Date(startOfLocalDay(noon, NY)).toISOString()).toBe("2024-03-10T05:00:00.000Z");
    expect(nextLocalMidnight(noon, NY) - startOfLocalDay(noon, NY)).toBe(23 * HOUR);
  });

  it("gives the fall-back day 25 hours", () => {
    const evening = Date.parse("2024-11-03T23:00:00Z"); // 18:00 EST
    expect(new Date(startOfLocalDay(evening, NY)).toISOString()).toBe("2024-11-03T04:00:00.000Z");
    expect(nextLocalMidnight(evening, NY) - startOfLocalDay(evening, NY)).toBe(25 * HOUR);
  });

  it("treats midnight itself as the start of its day, and a minute before as the day before", () => {
    const midnight = Date.parse("2024-01-15T05:00:00Z");
    expect(startOfLocalDay(midnight, NY)).toBe(midnight);
    expect(nextLocalMidnight(midnight - 60_000, NY)).toBe(midnight);
    expect(nextLocalMidnight(midnight, NY)).toBe(midnight + 24 * HOUR);
  });

  it("works for another zone (London, BST ends 2024-10-27)", () => {
    const t = Date.parse("2024-10-27T12:00:00Z");
    expect(new Date(startOfLocalDay(t, "Europe/London")).toISOString()).toBe("2024-10-26T23:00:00.000Z");
    expect(new Date(nextLocalMidnight(t, "Europe/London")).toISOString()).toBe("2024-10-28T00:00:00.000Z");
  });
});
