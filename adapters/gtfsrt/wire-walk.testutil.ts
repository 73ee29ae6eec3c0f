/**
 * Test-only: a schema-free protobuf walker, to count fields in real feeds by
 * a method independent of the decoders under test. A message becomes a map
 * from field number to its raw values (varints as numbers, length-delimited
 * fields as bytes, to be walked again when they hold a sub-message).
 */
import protobuf from "protobufjs";

export type WireValue = number | Uint8Array;
export type WireMessage = Map<number, WireValue[]>;

export function walk(bytes: Uint8Array): WireMessage {
  const r = protobuf.Reader.create(bytes);
  const out: WireMessage = new Map();
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    let value: WireValue;
    switch (tag & 7) {
      case 0:
        value = toNumber(r.uint64());
        break;
      case 1:
        value = toNumber(r.fixed64());
        break;
      case 2:
        value = r.bytes();
        break;
      case 5:
        value = r.fixed32();
        break;
      default:
        throw new Error(`wire type ${tag & 7} not expected in these feeds`);
    }
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  }
  return out;
}

/** Sub-messages under a field path: at(feed, 2, 3) = every entity's trip_update. */
export function at(message: WireMessage, ...path: number[]): WireMessage[] {
  let level = [message];
  for (const field of path) {
    level = level.flatMap((m) =>
      (m.get(field) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array).map(walk),
    );
  }
  return level;
}

export function str(message: WireMessage, field: number): string | undefined {
  const v = message.get(field)?.[0];
  return v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined;
}

export function num(message: WireMessage, field: number): number | undefined {
  const v = message.get(field)?.[0];
  return typeof v === "number" ? v : undefined;
}

/** protobufjs types Long without its methods; the runtime object is a `long` Long. */
function toNumber(v: unknown): number {
  return (v as { toNumber(): number }).toNumber();
}
