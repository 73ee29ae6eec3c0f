/** The one-pass stable JSON against its definition: normalize, then JSON.stringify. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize, stableStringify } from "./stable-json";

const byDefinition = (v: unknown) => JSON.stringify(normalize(v));

const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.nat({ max: 200 }).map(String), // array-index keys: objects list them first
  fc.constantFrom("01", "-1", "1.5", "4294967295", "__proto__", "constructor"),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(), // NaN, Infinity, -0
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3, noNullPrototype: false }),
    fc
      .array(fc.tuple(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), tie("value")), { maxLength: 3 })
      .map((e) => new Map(e)),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 4 }).map((e) => new Set(e)),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }).map((e) => Uint8Array.from(e)),
  ),
}));

describe("stableStringify", () => {
  it("writes the same text as normalizing and then JSON.stringify, for any value", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(stableStringify(v)).toBe(byDefinition(v));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives equal text for equal values built in another order", () => {
    const a = {
      b: 1,
      a: [1, { y: 2, x: 1 }],
      10: "ten",
      9: "nine",
      m: new Map([
        ["k", 1],
        ["j", 2],
      ]),
    };
    const b = {
      m: new Map([
        ["j", 2],
        ["k", 1],
      ]),
      9: "nine",
      a: [1, { x: 1, y: 2 }],
      10: "ten",
      b: 1,
    };
    expect(stableStringify(a)).toBe(stableStringify(b));
    expect(stableStringify(a)).toBe(
      '{"9":"nine","10":"ten","a":[1,{"x":1,"y":2}],"b":1,"m":[["j",2],["k",1]]}',
    );
  });

  it("leaves out what JSON leaves out, and keeps what it cannot say as text", () => {
    expect(stableStringify({ a: undefined, f: () => 1, n: Number.NaN, i: -Infinity, big: 10n })).toBe(
      '{"big":"10","i":"-Infinity","n":"NaN"}',
    );
    expect(stableStringify([undefined, () => 1])).toBe("[null,null]");
    expect(stableStringify(undefined)).toBeUndefined();
    // A class instance or a toJSON is written as its own enumerable fields, as normalize does.
    expect(stableStringify({ d: new Date(0), t: { toJSON: () => "x", v: 1 } })).toBe(
      byDefinition({ d: new Date(0), t: { toJSON: () => "x", v: 1 } }),
    );
  });
});
