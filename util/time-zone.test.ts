import { describe, expect, it } from "vitest";
import { isoWithOffset, localDateString, startOfLocalDay } from "./time-zone";

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
