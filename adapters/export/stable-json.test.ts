import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stableStringify } from "../../engine";
import { stableJson } from "./stable-json";

describe("stableJson", () => {
  it("writes the text stableStringify writes, for any value", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (v) => {
          expect(stableJson(v)).toBe(stableStringify(v));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("sorts keys at every depth and writes what JSON cannot as stableStringify does", () => {
    const v = {
      b: [1, Number.NaN, undefined, () => 1, { z: -0, a: Number.NEGATIVE_INFINITY }],
      a: { y: undefined, x: 10n, w: 'é\n"' },
      c: new Map([["k", new Set([2, 1])]]),
    };
    expect(stableJson(v)).toBe(stableStringify(v));
    expect(stableJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
    expect(stableJson(undefined)).toBe(stableStringify(undefined));
  });

  it("leaves objects with toJSON or a __proto__ key to stableStringify", () => {
    const withProto = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    expect(stableJson(withProto)).toBe(stableStringify(withProto));
    const withToJson = { toJSON: () => "x", a: 1 };
    expect(stableJson(withToJson)).toBe(stableStringify(withToJson));
  });
});
