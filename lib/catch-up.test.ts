import { describe, expect, it } from "vitest";
import { isCatchingUp } from "./catch-up";

const H = 3_600_000;
const M = 60_000;
const clock = Date.UTC(2025, 9, 2, 12, 28);

describe("catching up", () => {
  it("is data hours behind a playing clock: a start at 08:00 replaying the night before", () => {
    expect(isCatchingUp(clock, clock - 3 * H, 60, true)).toBe(true);
    expect(isCatchingUp(clock, clock - 3 * H, 1, true)).toBe(true); // live warm-up
  });

  it("is not the lag of the feeds and of the messages at the clock's speed", () => {
    expect(isCatchingUp(clock, clock - 30_000, 1, true)).toBe(false); // a feed every 30 s, live
    expect(isCatchingUp(clock, clock - 2 * M, 1, true)).toBe(false);
    expect(isCatchingUp(clock, clock - 5 * M, 60, true)).toBe(false); // 5 s of wall time at 60x
    expect(isCatchingUp(clock, clock - 15 * M, 3600, true)).toBe(false); // one message interval at 3600x
    expect(isCatchingUp(clock, clock - 4 * M, 1, true)).toBe(true);
    expect(isCatchingUp(clock, clock - 11 * M, 60, true)).toBe(true);
  });

  it("is never a paused replay (its clock does not run)", () => {
    expect(isCatchingUp(clock, clock - 3 * H, 60, false)).toBe(false);
  });
});
