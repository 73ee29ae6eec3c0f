import { describe, expect, it } from "vitest";
import { decodeJsonBody } from "./json-body";
import { decodeProtobufBody, sniffText } from "./protobuf-body";
import { WireShapeError } from "./wire";

const ctx = { feed: "test-feed", url: "http://127.0.0.1/feed" };
const text = (s: string) => new TextEncoder().encode(s);

describe("decodeProtobufBody", () => {
  it("calls an empty body 'empty'", () => {
    const r = decodeProtobufBody(new Uint8Array(0), ctx, () => 1);
    expect(r.ok || r.error.kind).toBe("empty");
  });

  it("calls an HTML page 'parse' at byte 0, with feed and url in the message", () => {
    const r = decodeProtobufBody(text("\r\n  <html><body>502</body></html>"), ctx, () => 1);
    if (r.ok) throw new Error("expected an error");
    expect(r.error.kind).toBe("parse");
    expect(r.error.offset).toBe(0);
    expect(r.error.message).toMatch(/HTML.*feed test-feed, url http:\/\/127\.0\.0\.1\/feed, byte 0/);
  });

  it("does not mistake a FeedMessage whose header length is 60 ('<') for HTML", () => {
    // 0x0a = field 1 (also '\n'), 0x3c = length 60 (also '<'), then binary
    const bytes = new Uint8Array([0x0a, 0x3c, 0x0a, 0x03, 0x31, 0x2e, 0x30, ...new Array(55).fill(0x18)]);
    expect(sniffText(bytes)).toBeNull();
  });

  it("maps a thrown shape error to 'invalid' and anything else to 'parse' with the reader's position", () => {
    const invalid = decodeProtobufBody(new Uint8Array([8, 1]), ctx, () => {
      throw new WireShapeError("no header");
    });
    expect(invalid.ok || invalid.error.kind).toBe("invalid");
    const parse = decodeProtobufBody(new Uint8Array([8, 1, 8]), ctx, (r) => {
      r.uint32();
      r.uint32();
      throw new RangeError("boom");
    });
    if (parse.ok) throw new Error("expected an error");
    expect(parse.error.kind).toBe("parse");
    expect(parse.error.offset).toBe(2);
  });
});

describe("decodeJsonBody", () => {
  it("parses text and bytes alike, ignoring a byte-order mark", () => {
    expect(decodeJsonBody('\uFEFF{"a":1}', ctx)).toEqual({ ok: true, value: { a: 1 } });
    expect(decodeJsonBody(text("[1,2]"), ctx)).toEqual({ ok: true, value: [1, 2] });
  });

  it("reports where JSON.parse stopped", () => {
    const r = decodeJsonBody('{"a": 1,, "b": 2}', ctx);
    if (r.ok) throw new Error("expected an error");
    expect(r.error.kind).toBe("parse");
    expect(r.error.offset).toBe(8);
  });

  it("calls an HTML page 'parse' at its first '<'", () => {
    const r = decodeJsonBody("  <!DOCTYPE html>", ctx);
    expect(r.ok || [r.error.kind, r.error.offset]).toEqual(["parse", 2]);
  });

  it("calls a zero-length body 'empty' and whitespace 'parse'", () => {
    const empty = decodeJsonBody("", ctx);
    expect(empty.ok || empty.error.kind).toBe("empty");
    const blank = decodeJsonBody(" \n", ctx);
    expect(blank.ok || blank.error.kind).toBe("parse");
  });
});
