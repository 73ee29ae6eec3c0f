import fc from "fast-check";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { internBytes, readInternedString } from "./intern";
import { closeMessage, createReader, messageEnd, readTag, readVarintNumber, WireFormatError } from "./wire";

describe("readVarintNumber", () => {
  it("reads what protobufjs writes as uint64, for any safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const bytes = protobuf.Writer.create().uint64(n).finish();
        const r = createReader(bytes);
        expect(readVarintNumber(r)).toBe(n);
        expect(r.pos).toBe(bytes.length);
      }),
    );
  });

  it("reads a negative int64 (ten bytes of two's complement) as a negative number", () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }), (n) => {
        expect(readVarintNumber(createReader(protobuf.Writer.create().int64(n).finish()))).toBe(n);
      }),
    );
  });

  it("fails with the offset on a varint cut short", () => {
    const bytes = protobuf.Writer.create().uint64(1759414800).finish();
    const r = createReader(bytes.subarray(0, 2));
    expect(() => readVarintNumber(r)).toThrow(WireFormatError);
  });
});

describe("message bounds", () => {
  it("rejects a length that runs past the body, naming the byte of the length", () => {
    const r = createReader(new Uint8Array([0x0a, 0x7f, 0x01]));
    readTag(r);
    try {
      messageEnd(r);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WireFormatError);
      expect((e as WireFormatError).offset).toBe(1);
    }
  });

  it("rejects field number 0", () => {
    expect(() => readTag(createReader(new Uint8Array([0x02, 0x00])))).toThrow(/field number 0/);
  });

  it("rejects a field that overruns its message", () => {
    const r = createReader(new Uint8Array([1, 2, 3, 4]));
    r.pos = 3;
    expect(() => closeMessage(r, 2)).toThrow(/overruns/);
  });
});

describe("interned strings", () => {
  const encode = (s: string) => protobuf.Writer.create().string(s).finish();

  it("decodes any string exactly as UTF-8 decoding would, interned or not", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 30 }), (strings) => {
        for (const s of strings) {
          const bytes = encode(s);
          const r = createReader(bytes);
          expect(readInternedString(r)).toBe(s);
          expect(r.pos).toBe(bytes.length);
        }
      }),
    );
  });

  it("returns the very same string object for repeated short ids", () => {
    const a = internBytes(new TextEncoder().encode("xx101N"), 2, 6);
    const b = internBytes(new TextEncoder().encode("101N"), 0, 4);
    expect(a).toBe("101N");
    expect(Object.is(a, b)).toBe(true);
  });

  it("stays correct when thousands of ids compete for the table's slots", () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `S${i.toString(36)}`);
    for (const round of [0, 1])
      for (const id of ids) expect(readInternedString(createReader(encode(id))), `round ${round}`).toBe(id);
  });

  it("fails with the offset on a string longer than the body", () => {
    const r = createReader(new Uint8Array([0x05, 0x41, 0x42]));
    expect(() => readInternedString(r)).toThrow(WireFormatError);
  });
});
