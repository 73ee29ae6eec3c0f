import { describe, expect, it } from "vitest";
import { Moments } from "./moments";
import { naive, seeded } from "./test-support";

describe("Moments", () => {
  it("count, sum, mean and sample stddev by hand", () => {
    const m = new Moments();
    for (const v of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(v);
    // sum 40, mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7
    expect(m.count).toBe(8);
    expect(m.sum).toBe(40);
    expect(m.mean).toBe(5);
    expect(m.stddev).toBeCloseTo(Math.sqrt(32 / 7), 14);
    m.remove(2);
    // 4 4 4 5 5 7 9: sum 38, mean 38/7
    expect(m.sum).toBe(38);
    expect(m.mean).toBeCloseTo(38 / 7, 14);
  });

  it("is NaN/0 when empty or too small, and never a negative variance for equal values", () => {
    const m = new Moments();
    expect([m.sum, m.mean, m.variance]).toEqual([0, Number.NaN, Number.NaN]);
    m.add(0.1);
    expect(m.variance).toBeNaN();
    for (let i = 0; i < 100; i++) m.add(0.1);
    expect(m.variance).toBe(0);
  });

  it("stays accurate for large values with a small spread (epoch ms) through a million add/remove", () => {
    const rand = seeded(3);
    const m = new Moments();
    const window: number[] = [];
    const base = 1.7e12;
    for (let i = 0; i < 1_000_000; i++) {
      const v = base + Math.floor(rand() * 1000) / 8;
      m.add(v);
      window.push(v);
      if (window.length > 500) m.remove(window.shift()!);
    }
    expect(m.sum).toBe(naive.sum(window)); // eighths of integers: every partial sum is exact
    expect(m.mean).toBeCloseTo(naive.mean(window), 3);
    expect(Math.abs(m.stddev - naive.stddev(window)) / naive.stddev(window)).toBeLessThan(1e-9);
  });
});
