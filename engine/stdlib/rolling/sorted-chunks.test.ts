import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedChunks } from "./sorted-chunks";
import { seeded } from "./test-support";

/** Compare every rank of the structure with a sorted copy of the reference multiset. */
function expectSameAs(s: SortedChunks, ref: number[]): void {
  const sorted = [...ref].sort((a, b) => a - b);
  expect(s.size).toBe(sorted.length);
  for (let k = 0; k < sorted.length; k++) expect(s.select(k)).toBe(sorted[k]);
}

describe("SortedChunks", () => {
  it("selects by rank after inserts in any order, duplicates kept", () => {
    const s = new SortedChunks(8);
    for (const v of [5, 1, 5, 3, 5, -2, 0, 5, 9, 1]) s.insert(v);
    // sorted by hand: -2 0 1 1 3 5 5 5 5 9
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => s.select(k))).toEqual([-2, 0, 1, 1, 3, 5, 5, 5, 5, 9]);
  });

  it("deletes one of several equal values, and refuses a value that is absent", () => {
    const s = new SortedChunks(8);
    for (const v of [2, 2, 2, 1, 3]) s.insert(v);
    expect(s.delete(2)).toBe(true);
    expect(s.delete(4)).toBe(false);
    expect(s.delete(2.5)).toBe(false);
    expect([0, 1, 2, 3].map((k) => s.select(k))).toEqual([1, 2, 2, 3]);
    expect(s.delete(2)).toBe(true);
    expect(s.delete(2)).toBe(true);
    expect(s.delete(2)).toBe(false);
    expect([s.select(0), s.select(1), s.size]).toEqual([1, 3, 2]);
  });

  it("select outside the ranks throws", () => {
    const s = new SortedChunks(8);
    s.insert(1);
    expect(() => s.select(1)).toThrow(RangeError);
    expect(() => s.select(-1)).toThrow(RangeError);
  });

  it("selectPair reads across a chunk boundary", () => {
    const s = new SortedChunks(8);
    for (let v = 0; v < 40; v++) s.insert(v);
    const out = new Float64Array(2);
    for (let k = 0; k < 39; k++) {
      s.selectPair(k, out);
      expect([out[0], out[1]]).toEqual([k, k + 1]);
    }
    s.selectPair(39, out);
    expect(out[0]).toBe(39);
    expect(out[1]).toBeNaN();
  });

  // Small chunks (capacity 8) make splits, merges and even redistribution happen constantly.
  it("matches a sorted array through 20,000 random inserts and deletes (seeded, few distinct values)", () => {
    const rand = seeded(7);
    const s = new SortedChunks(8);
    const ref: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const grow = ref.length < 5 || rand() < (step % 4000 < 2000 ? 0.7 : 0.3); // waves of growth and shrinkage
      if (grow) {
        const v = Math.floor(rand() * 12) - 6; // many duplicates
        s.insert(v);
        ref.push(v);
      } else {
        const i = Math.floor(rand() * ref.length);
        expect(s.delete(ref[i])).toBe(true);
        ref.splice(i, 1);
      }
      if (step % 97 === 0) expectSameAs(s, ref);
    }
    expectSameAs(s, ref);
    while (ref.length > 0) {
      expect(s.delete(ref.pop()!)).toBe(true);
    }
    expect(s.size).toBe(0);
    s.insert(42);
    expect(s.select(0)).toBe(42);
  });

  it("property: any sequence of inserts and deletes agrees with a sorted array", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("ins" as const), v: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ kind: fc.constant("del" as const), v: fc.integer({ min: -5, max: 5 }) }),
      fc.record({
        kind: fc.constant("ins" as const),
        v: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = new SortedChunks(8);
        const ref: number[] = [];
        for (const { kind, v } of ops) {
          if (kind === "ins") {
            s.insert(v);
            ref.push(v);
          } else {
            const i = ref.indexOf(v);
            expect(s.delete(v)).toBe(i >= 0);
            if (i >= 0) ref.splice(i, 1);
          }
        }
        expectSameAs(s, ref);
      }),
      { numRuns: 300 },
    );
  });
});
