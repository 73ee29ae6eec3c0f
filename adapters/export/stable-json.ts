/**
 * stableStringify's text (engine/stable-json.ts: sorted keys, equal values
 * give equal text) written in one pass, without the normalized copy it
 * builds first: the export writes some two million values a day. Values
 * of plain objects, arrays and primitives only; anything else (Map, Set,
 * typed arrays, class instances, toJSON) is left to stableStringify whole,
 * so the text is always the same as its.
 */
import { stableStringify } from "../../engine";

/** Object keys (and metric names), quoted: a few dozen names written millions of times; bounded for odd data. */
const quotedNames = new Map<string, string>();
const MAX_QUOTED_NAMES = 10_000;

/** JSON.stringify(name), remembered. */
export function quotedName(name: string): string {
  let q = quotedNames.get(name);
  if (q === undefined) {
    q = JSON.stringify(name);
    if (quotedNames.size < MAX_QUOTED_NAMES) quotedNames.set(name, q);
  }
  return q;
}

/** Thrown (once per odd value, never in the export's own values) to hand the whole value to stableStringify. */
const NOT_PLAIN = Symbol("not plain");

export function stableJson(v: unknown): string {
  try {
    // undefined for undefined, as JSON.stringify (and so stableStringify) gives.
    return write(v) as string;
  } catch (e) {
    if (e === NOT_PLAIN) return stableStringify(v);
    throw e;
  }
}

/** The JSON of v, or undefined where JSON.stringify leaves a value out (undefined, functions, symbols). */
function write(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : `"${v}"`;
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return `"${v}"`;
    case "object":
      if (v === null) return "null";
      return Array.isArray(v) ? writeArray(v) : writeObject(v);
    default:
      return undefined;
  }
}

function writeArray(v: readonly unknown[]): string {
  if (Object.getPrototypeOf(v) !== Array.prototype) throw NOT_PLAIN;
  let out = "[";
  for (let i = 0; i < v.length; i++) {
    if (i > 0) out += ",";
    out += write(v[i]) ?? "null";
  }
  return `${out}]`;
}

function writeObject(v: object): string {
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const keys = Object.keys(v);
  if (keys.length > 1) keys.sort();
  let out = "{";
  for (const k of keys) {
    // toJSON would be called on the copy; __proto__ would set the copy's prototype, not a key.
    if (k === "toJSON" || k === "__proto__") throw NOT_PLAIN;
    const x = write((v as Record<string, unknown>)[k]);
    if (x === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${quotedName(k)}:${x}`;
  }
  return `${out}}`;
}
