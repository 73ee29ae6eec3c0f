/**
 * Test-only: mutations of real (or hand-made) payloads for fuzzing decoders,
 * and the check every decoder result must pass: never a throw, either a
 * value or a FeedError of a known kind.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { FeedError, type Result } from "../errors";

const KINDS = new Set(["empty", "too_large", "parse", "invalid", "stale"]);

export const HTML_PAGE = new TextEncoder().encode(
  "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>\n",
);

/** Byte-level mutations of one of the base payloads. */
export function mutatedBytes(bases: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const base = fc.constantFrom(...bases);
  return fc.oneof(
    // truncate (a view: never written to)
    base.chain((b) => fc.nat({ max: Math.max(0, b.length - 1) }).map((n) => b.subarray(0, n))),
    // flip bytes
    base.chain((b) =>
      fc
        .array(fc.tuple(fc.nat({ max: Math.max(0, b.length - 1) }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => {
          const copy = new Uint8Array(b); // not b.slice(): on a Buffer that is a view, and the base would change
          for (const [i, x] of flips) copy[i] ^= x;
          return copy;
        }),
    ),
    // splice random bytes in
    base.chain((b) =>
      fc.tuple(fc.nat({ max: b.length }), fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([i, junk]) => {
        const out = new Uint8Array(b.length + junk.length);
        out.set(b.subarray(0, i));
        out.set(junk, i);
        out.set(b.subarray(i), i + junk.length);
        return out;
      }),
    ),
    fc.uint8Array({ maxLength: 512 }),
    fc.constant(HTML_PAGE),
    fc.constant(new Uint8Array(0)),
  );
}

/** Text-level mutations of JSON payloads, plus JSON of the wrong shape. */
export function mutatedText(bases: string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...bases);
  return fc.oneof(
    base.chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((n) => s.slice(0, n))),
    base.chain((s) =>
      fc
        .tuple(fc.nat({ max: Math.max(0, s.length - 1) }), fc.string({ minLength: 1, maxLength: 4 }))
        .map(([i, junk]) => s.slice(0, i) + junk + s.slice(i + 1)),
    ),
    fc.json(),
    fc.string({ maxLength: 200 }),
    fc.constant(new TextDecoder().decode(HTML_PAGE)),
    fc.constant(""),
  );
}

/** 10 MB of deterministic junk (a fixed LCG, so a failure reproduces). */
export function tenMegabytesOfJunk(): Uint8Array {
  const out = new Uint8Array(10 * 1024 * 1024);
  let x = 0x2545f491;
  for (let i = 0; i < out.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The contract: a Result, never a throw; errors are FeedErrors of a known kind with in-range offsets. */
export function expectWellFormedResult<T>(
  run: () => Result<T>,
  inputLength: number,
  checkValue: (value: T) => void,
): void {
  let result: Result<T> | undefined;
  expect(() => {
    result = run();
  }).not.toThrow();
  if (!result) throw new Error("no result");
  if (result.ok) {
    checkValue(result.value);
    return;
  }
  expect(result.error).toBeInstanceOf(FeedError);
  expect(KINDS.has(result.error.kind)).toBe(true);
  if (result.error.offset !== undefined) {
    expect(result.error.offset).toBeGreaterThanOrEqual(0);
    expect(result.error.offset).toBeLessThanOrEqual(inputLength);
  }
}

export const FUZZ_RUNS = 300;
