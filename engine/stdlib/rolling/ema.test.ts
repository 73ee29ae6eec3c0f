import { describe, expect, it } from "vitest";
import { pullInput } from "../../adapters";
import { GraphError } from "../../errors";
import { timer } from "../basic";
import { rollingEma } from "./ema";
import { type Point, ticksOf } from "./test-support";

describe("rollingEma by alpha (per tick)", () => {
  it("seeds with the first value, then v*alpha + ema*(1-alpha), by hand", () => {
    const pts: Point[] = [
      [1, 10],
      [2, 20],
      [3, 30],
    ];
    // 10; 0.5*20 + 0.5*10 = 15; 0.5*30 + 0.5*15 = 22.5
    expect(ticksOf(pts, (x) => rollingEma(x, { alpha: 0.5 }))).toEqual([
      [1, 10],
      [2, 15],
      [3, 22.5],
    ]);
  });

  it("ignores time: a long gap changes nothing", () => {
    const pts: Point[] = [
      [1, 10],
      [1_000_000, 20],
    ];
    expect(ticksOf(pts, (x) => rollingEma(x, { alpha: 0.25 })).map(([, v]) => v)).toEqual([10, 12.5]);
  });

  it("reset restarts from the next value; minPoints counts from the reset", () => {
    const pts: Point[] = [
      [1, 10],
      [2, 20],
      [4, 40],
      [5, 50],
    ];
    const got = ticksOf(pts, (x) =>
      rollingEma(x, { alpha: 0.5 }, { reset: pullInput("reset", [[3, true] as const]), minPoints: 2 }),
    );
    // before: [10] (1 point: silent), 15; reset at 3 (silent); 40 (1 point: silent); 0.5*50 + 0.5*40 = 45
    expect(got).toEqual([
      [2, 15],
      [5, 45],
    ]);
  });

  it("a trigger re-emits the unchanged value", () => {
    const pts: Point[] = [[1, 8]];
    expect(ticksOf(pts, (x) => rollingEma(x, { alpha: 0.5 }, { trigger: timer(5) }), { end: 10 })).toEqual([
      [1, 8],
      [5, 8],
      [10, 8],
    ]);
  });
});

describe("rollingEma by half-life (engine time)", () => {
  it("weighs each point 2^(-age/halfLife), by hand", () => {
    const pts: Point[] = [
      [0, 10],
      [10, 20],
      [20, 0],
    ];
    const got = ticksOf(pts, (x) => rollingEma(x, { halfLife: 10 }));
    expect(got[0]).toEqual([0, 10]);
    // at 10: weights 1/2 and 1 -> (5 + 20) / 1.5
    expect(got[1][1]).toBeCloseTo(25 / 1.5, 12);
    // at 20: weights 1/4, 1/2, 1 -> (2.5 + 10 + 0) / 1.75
    expect(got[2][1]).toBeCloseTo(12.5 / 1.75, 12);
  });

  it("points at the same time weigh the same", () => {
    const pts: Point[] = [
      [5, 10],
      [5, 20],
      [5, 60],
    ];
    expect(ticksOf(pts, (x) => rollingEma(x, { halfLife: 1 })).map(([, v]) => v)).toEqual([10, 15, 30]);
  });

  it("after a gap of many half-lives the newest point dominates", () => {
    const pts: Point[] = [
      [0, 1000],
      [1000, 1],
    ];
    const got = ticksOf(pts, (x) => rollingEma(x, { halfLife: 10 }));
    // weight of the old point: 2^-100
    expect(got[1][1]).toBeCloseTo(1 + 999 * 2 ** -100, 12);
  });

  it("skips non-finite values and rejects bad specs", () => {
    const pts: Point[] = [
      [0, 4],
      [1, Number.NaN],
    ];
    expect(ticksOf(pts, (x) => rollingEma(x, { halfLife: 10 })).map(([, v]) => v)).toEqual([4, 4]);
    expect(() => ticksOf(pts, (x) => rollingEma(x, { alpha: 0 }))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingEma(x, { alpha: 1.5 }))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingEma(x, { halfLife: 0 }))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingEma(x, {} as never))).toThrow(GraphError);
  });
});
