import { describe, expect, it } from "vitest";
import { pullInput } from "../../adapters";
import { GraphError } from "../../errors";
import { timer } from "../basic";
import {
  rollingCount,
  rollingMax,
  rollingMean,
  rollingMedian,
  rollingMin,
  rollingQuantile,
  rollingQuantiles,
  rollingStats,
  rollingStddev,
  rollingSum,
} from "./stats";
import { close, expectedTicks, naive, type Point, ticksOf } from "./test-support";

// Window 10 ms over points 1, 5, 11, 15, 21: at 11 the point at 1 is exactly
// 10 old and out, at 15 the point at 5, at 21 the point at 11.
const spaced: Point[] = [
  [1, 10],
  [5, 20],
  [11, 30],
  [15, 40],
  [21, 50],
];

describe("rolling statistics over a time window (left-open)", () => {
  it("a point exactly `window` old is out (worked by hand)", () => {
    const w = { window: 10 };
    expect(ticksOf(spaced, (x) => rollingMean(x, w))).toEqual([
      [1, 10],
      [5, 15],
      [11, 25],
      [15, 35],
      [21, 45],
    ]);
    expect(ticksOf(spaced, (x) => rollingCount(x, w)).map(([, v]) => v)).toEqual([1, 2, 2, 2, 2]);
    expect(ticksOf(spaced, (x) => rollingSum(x, w)).map(([, v]) => v)).toEqual([10, 30, 50, 70, 90]);
    expect(ticksOf(spaced, (x) => rollingMin(x, w)).map(([, v]) => v)).toEqual([10, 10, 20, 30, 40]);
    expect(ticksOf(spaced, (x) => rollingMax(x, w)).map(([, v]) => v)).toEqual([10, 20, 30, 40, 50]);
  });

  it("a point just inside (w - 1 ms old) still counts", () => {
    const pts: Point[] = [
      [1, 10],
      [10, 20],
    ];
    expect(ticksOf(pts, (x) => rollingSum(x, { window: 10 }))).toEqual([
      [1, 10],
      [10, 30],
    ]);
  });

  it("same-time ticks each get a cycle and all stay in the window", () => {
    const pts: Point[] = [
      [5, 1],
      [5, 2],
      [5, 3],
    ];
    expect(ticksOf(pts, (x) => rollingCount(x, { window: 1 })).map(([, v]) => v)).toEqual([1, 2, 3]);
  });
});

describe("trigger, reset and minPoints", () => {
  const twoPoints: Point[] = [
    [1, 10],
    [3, 20],
  ];

  it("with a timer trigger the window expires on the clock: count falls to 0", () => {
    const got = ticksOf(twoPoints, (x) => rollingCount(x, { window: 10 }, { trigger: timer(5) }), {
      end: 20,
    });
    // timer ticks at 5, 10, 15, 20; at 15 the window is (5, 15]: empty.
    expect(got).toEqual([
      [1, 1],
      [3, 2],
      [5, 2],
      [10, 2],
      [15, 0],
      [20, 0],
    ]);
  });

  it("without a trigger nothing expires once data stops", () => {
    const got = ticksOf(twoPoints, (x) => rollingCount(x, { window: 10 }), { end: 20 });
    expect(got).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  it("a mean emits nothing for an empty window, even when triggered", () => {
    const got = ticksOf(twoPoints, (x) => rollingMean(x, { window: 10 }, { trigger: timer(5) }), { end: 20 });
    expect(got).toEqual([
      [1, 10],
      [3, 15],
      [5, 15],
      [10, 15],
    ]);
  });

  it("reset clears the window; a value in the same cycle starts the new one", () => {
    const pts: Point[] = [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [6, 6],
    ];
    const build = (x: Parameters<typeof rollingSum>[0], f: typeof rollingSum) =>
      f(x, { window: 100 }, { reset: pullInput("reset", [[2.5, true] as const, [6, true] as const]) });
    // 1, 3, then reset at 2.5 (alone: sum 0), 3, 7, reset+6 at 6: 6
    expect(ticksOf(pts, (x) => build(x, rollingSum))).toEqual([
      [1, 1],
      [2, 3],
      [2.5, 0],
      [3, 3],
      [4, 7],
      [6, 6],
    ]);
    // The mean has nothing to say for the empty window at 2.5.
    expect(ticksOf(pts, (x) => build(x, rollingMean))).toEqual([
      [1, 1],
      [2, 1.5],
      [3, 3],
      [4, 3.5],
      [6, 6],
    ]);
  });

  it("below minPoints nothing is emitted", () => {
    const pts: Point[] = [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ];
    expect(ticksOf(pts, (x) => rollingMean(x, { ticks: 3 }, { minPoints: 3 }))).toEqual([
      [3, 2],
      [4, 3],
    ]);
    // stddev needs two points whatever minPoints says: [1,2] -> sqrt(0.5), [1,2,3] -> 1
    const sd = ticksOf(pts, (x) => rollingStddev(x, { ticks: 3 }, { minPoints: 0 }));
    expect(sd.map(([t]) => t)).toEqual([2, 3, 4]);
    expect(sd[0][1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(sd[1][1]).toBeCloseTo(1, 15);
  });

  it("non-finite values are skipped by the numeric stats but counted as ticks", () => {
    const pts: Point[] = [
      [1, 1],
      [2, Number.NaN],
      [3, Number.POSITIVE_INFINITY],
      [4, 3],
    ];
    expect(ticksOf(pts, (x) => rollingMean(x, { window: 100 })).map(([, v]) => v)).toEqual([1, 1, 1, 2]);
    expect(ticksOf(pts, (x) => rollingCount(x, { window: 100 })).map(([, v]) => v)).toEqual([1, 2, 3, 4]);
  });
});

describe("tick windows versus time windows", () => {
  const pts: Point[] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [100, 4],
  ];
  it("the last n ticks ignore time; a time window ignores how many", () => {
    expect(ticksOf(pts, (x) => rollingMin(x, { ticks: 2 })).map(([, v]) => v)).toEqual([1, 1, 2, 3]);
    expect(ticksOf(pts, (x) => rollingMin(x, { window: 50 })).map(([, v]) => v)).toEqual([1, 1, 1, 4]);
    expect(ticksOf(pts, (x) => rollingSum(x, { ticks: 2 })).map(([, v]) => v)).toEqual([1, 3, 5, 7]);
  });

  it("rejects bad window specs when the graph is built", () => {
    expect(() => ticksOf(pts, (x) => rollingMean(x, { ticks: 0 }))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingMean(x, { window: -1 }))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingMean(x, { window: 5, ticks: 2 } as never))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingQuantile(x, { ticks: 2 }, 1.5))).toThrow(GraphError);
    expect(() => ticksOf(pts, (x) => rollingMean(x, { ticks: 2 }, { minPoints: -1 }))).toThrow(GraphError);
  });
});

describe("quantiles (type 7)", () => {
  const oneToTen: Point[] = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6].map((v, i) => [i, v] as const);

  it("worked by hand over 1..10: p50 5.5, p90 9.1, p99 9.91, ends are min and max", () => {
    const got = ticksOf(oneToTen, (x) => rollingQuantiles(x, { ticks: 10 }, [0, 0.5, 0.9, 0.99, 1]));
    const last = got[got.length - 1][1];
    expect(last[0]).toBe(1);
    expect(last[1]).toBe(5.5);
    expect(last[2]).toBeCloseTo(9.1, 12);
    expect(last[3]).toBeCloseTo(9.91, 12);
    expect(last[4]).toBe(10);
  });

  it("median of an odd count is the middle value, of an even count the mean of the middle two", () => {
    // windows of 3: [7,3,10] -> 7, [3,10,1] -> 3, [10,1,5] -> 5; first two: [7] -> 7, [7,3] -> 5
    const got = ticksOf(oneToTen.slice(0, 5), (x) => rollingMedian(x, { ticks: 3 }));
    expect(got.map(([, v]) => v)).toEqual([7, 5, 7, 3, 5]);
  });

  it("rollingStats agrees with each statistic by hand", () => {
    const got = ticksOf(oneToTen, (x) => rollingStats(x, { window: 1000 }));
    const s = got[got.length - 1][1];
    expect(s.count).toBe(10);
    expect(s.mean).toBe(5.5);
    expect([s.min, s.max, s.p50]).toEqual([1, 10, 5.5]);
    expect(s.p90).toBeCloseTo(9.1, 12);
    expect(s.p99).toBeCloseTo(9.91, 12);
    expect(s.stddev).toBeCloseTo(Math.sqrt(82.5 / 9), 12); // sum of squared deviations of 1..10 is 82.5
  });
});

describe("randomized: every incremental statistic against naive recomputation", () => {
  /** Times with gaps of 0, 10, 20 or 30 ms (zeros give same-time ticks); values with many duplicates or spread out. */
  function randomPoints(seed: number, n: number): Point[] {
    let s = seed;
    const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pts: Point[] = [];
    let t = 11;
    for (let i = 0; i < n; i++) {
      t += Math.floor(rand() * 4) * 10; // times end in 1: a timer with a period of 10 never lands on one
      const v = rand() < 0.5 ? Math.floor(rand() * 6) : (rand() - 0.5) * 1e3;
      pts.push([t, v]);
    }
    return pts;
  }

  const cases: Array<{ spec: { window: number } | { ticks: number }; seed: number }> = [
    { spec: { window: 95 }, seed: 1 },
    { spec: { window: 400 }, seed: 2 },
    { spec: { ticks: 1 }, seed: 3 },
    { spec: { ticks: 37 }, seed: 4 },
  ];
  const qs = [0, 0.1, 0.5, 0.9, 0.99, 1];

  for (const { spec, seed } of cases) {
    it(`${JSON.stringify(spec)}: count, sum, mean, min, max, stddev, quantiles, stats`, () => {
      const pts = randomPoints(seed, 1500);
      const scalar = (
        build: Parameters<typeof ticksOf<number>>[1],
        min: number,
        stat: (v: number[]) => number,
      ) => {
        const got = ticksOf(pts, build);
        const want = expectedTicks(pts, [], spec, min, stat);
        expect(got.map(([t]) => t)).toEqual(want.map(([t]) => t));
        const bad = got.findIndex(([, v], i) => !close(v, want[i][1]));
        expect(bad, `first mismatch at tick ${bad}: ${got[bad]?.[1]} vs ${want[bad]?.[1]}`).toBe(-1);
      };
      scalar(
        (x) => rollingCount(x, spec),
        0,
        (v) => v.length,
      );
      scalar((x) => rollingSum(x, spec), 0, naive.sum);
      scalar((x) => rollingMean(x, spec), 1, naive.mean);
      scalar((x) => rollingMin(x, spec), 1, naive.min);
      scalar((x) => rollingMax(x, spec), 1, naive.max);
      scalar((x) => rollingStddev(x, spec), 2, naive.stddev);
      scalar(
        (x) => rollingQuantile(x, spec, 0.9),
        1,
        (v) => naive.quantile(v, 0.9),
      );
      scalar(
        (x) => rollingMedian(x, spec),
        1,
        (v) => naive.quantile(v, 0.5),
      );

      const many = ticksOf(pts, (x) => rollingQuantiles(x, spec, qs));
      const manyWant = expectedTicks(pts, [], spec, 1, (v) => qs.map((q) => naive.quantile(v, q)));
      expect(many.length).toBe(manyWant.length);
      many.forEach(([, got], i) => {
        expect(got.every((g, j) => close(g, manyWant[i][1][j]))).toBe(true);
      });

      const stats = ticksOf(pts, (x) => rollingStats(x, spec));
      const statsWant = expectedTicks(pts, [], spec, 1, (v) => v);
      expect(stats.length).toBe(statsWant.length);
      stats.forEach(([, s], i) => {
        const v = statsWant[i][1];
        const want = [
          v.length,
          naive.mean(v),
          naive.min(v),
          naive.max(v),
          naive.quantile(v, 0.5),
          naive.quantile(v, 0.9),
          naive.quantile(v, 0.99),
          v.length > 1 ? naive.stddev(v) : Number.NaN,
        ];
        const got = [s.count, s.mean, s.min, s.max, s.p50, s.p90, s.p99, s.stddev];
        expect(
          got.every((g, j) => close(g, want[j])),
          `tick ${i}: ${got} vs ${want}`,
        ).toBe(true);
      });
    });
  }

  it("with a timer trigger (time window): expiry on the clock matches naive", () => {
    const pts = randomPoints(9, 600);
    const end = pts[pts.length - 1][0] + 500;
    const period = 10; // ticks at multiples of 10, data times end in 1
    const triggerTimes: number[] = [];
    for (let t = period; t <= end; t += period) triggerTimes.push(t);
    const spec = { window: 120 };
    const got = ticksOf(pts, (x) => rollingStats(x, spec, { trigger: timer(period), minPoints: 0 }), { end });
    const want = expectedTicks(pts, triggerTimes, spec, 0, (v) => v);
    expect(got.map(([t]) => t)).toEqual(want.map(([t]) => t));
    got.forEach(([, s], i) => {
      const v = want[i][1];
      expect(s.count).toBe(v.length);
      if (v.length > 0) expect(close(s.p90, naive.quantile(v, 0.9)) && close(s.max, naive.max(v))).toBe(true);
      else expect(s.p90).toBeNaN();
    });
    expect(got.some(([, s]) => s.count === 0)).toBe(true); // the window did empty on the clock
  });
});
