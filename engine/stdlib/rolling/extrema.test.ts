import { describe, expect, it } from "vitest";
import { MonotonicDeque } from "./extrema";
import { seeded } from "./test-support";

describe("MonotonicDeque", () => {
  it("tracks min and max of a FIFO window by hand", () => {
    const lo = new MonotonicDeque(false);
    const hi = new MonotonicDeque(true);
    const seen: Array<[number, number]> = [];
    const window: number[] = [];
    for (const v of [3, 1, 4, 1, 5]) {
      lo.add(v);
      hi.add(v);
      window.push(v);
      if (window.length > 3) {
        const old = window.shift()!;
        lo.remove(old);
        hi.remove(old);
      }
      seen.push([lo.value, hi.value]);
    }
    // windows: [3] [3,1] [3,1,4] [1,4,1] [4,1,5]
    expect(seen).toEqual([
      [3, 3],
      [1, 3],
      [1, 4],
      [1, 4],
      [1, 5],
    ]);
  });

  it("is NaN when empty, also after clear", () => {
    const d = new MonotonicDeque(false);
    expect(d.value).toBeNaN();
    d.add(1);
    d.clear();
    expect(d.value).toBeNaN();
  });

  it("agrees with Math.min/Math.max over random FIFO windows full of duplicates (seeded)", () => {
    const rand = seeded(11);
    const lo = new MonotonicDeque(false);
    const hi = new MonotonicDeque(true);
    const window: number[] = [];
    for (let step = 0; step < 30_000; step++) {
      const target = 1 + Math.floor((step / 3000) % 10) * 20; // window size varies in waves
      if (window.length < target || rand() < 0.5) {
        const v = Math.floor(rand() * 5); // equal values everywhere
        lo.add(v);
        hi.add(v);
        window.push(v);
      } else {
        const old = window.shift()!;
        lo.remove(old);
        hi.remove(old);
      }
      if (window.length === 0) {
        expect(lo.value).toBeNaN();
      } else {
        expect(lo.value).toBe(Math.min(...window));
        expect(hi.value).toBe(Math.max(...window));
      }
    }
  });
});
