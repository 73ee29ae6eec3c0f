/**
 * JSON with sorted object keys, Maps as sorted entry lists and Sets as sorted
 * arrays, so equal values always serialize to equal text (run hash, exports).
 *
 * Plain objects, arrays and primitives (nearly everything the run hash and
 * the export see, some millions of values a day) are written in one pass;
 * anything else (Map, Set, typed arrays, class instances, an own toJSON) is
 * first normalized into plain values, then written by JSON.stringify.
 */
export function stableStringify(v: unknown): string {
  // undefined for undefined, as JSON.stringify gives.
  return write(v) as string;
}

/** Object keys, quoted: a few dozen names written millions of times; bounded for odd data. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

/** JSON.stringify(name), remembered. */
export function quotedName(name: string): string {
  let q = quotedKeys.get(name);
  if (q === undefined) {
    q = JSON.stringify(name);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(name, q);
  }
  return q;
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
      if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) return writeArray(v);
      if (isPlainObject(v)) return writeObject(v);
      return JSON.stringify(normalize(v));
    default:
      return undefined;
  }
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  // A copy with an own toJSON would have it called; __proto__ would set the copy's prototype.
  return (proto === Object.prototype || proto === null) && !("toJSON" in v) && !Object.hasOwn(v, "__proto__");
}

function writeArray(v: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < v.length; i++) {
    if (i > 0) out += ",";
    out += write(v[i]) ?? "null";
  }
  return `${out}]`;
}

/** Canonical array-index keys ("0", "17"; not "01"): objects list them first, in numeric order. */
const isIndex = (k: string) => {
  // Nearly every key starts with a letter: no regex for those.
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4_294_967_295;
};

/**
 * The keys in the order JSON.stringify writes an object built in sorted key
 * order: index keys first (numeric order, as Object.keys gives them), then
 * the rest sorted.
 */
function sortedKeys(v: object): string[] {
  const keys = Object.keys(v);
  let i = 0;
  while (i < keys.length && isIndex(keys[i])) i++;
  if (keys.length - i < 2) return keys;
  if (i === 0) return keys.sort();
  return [...keys.slice(0, i), ...keys.slice(i).sort()];
}

function writeObject(v: Record<string, unknown>): string {
  const keys = sortedKeys(v);
  let out = "{";
  for (const k of keys) {
    const x = write(v[k]);
    if (x === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${quotedName(k)}:${x}`;
  }
  return `${out}}`;
}

/** Plain values with the same JSON as the stable text of v. */
export function normalize(v: unknown): unknown {
  if (v === null || typeof v !== "object") {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "bigint") return v.toString();
    return v;
  }
  if (Array.isArray(v)) return v.map(normalize);
  if (v instanceof Map) {
    return [...v.entries()]
      .map(([k, x]) => [normalize(k), normalize(x)] as const)
      .sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
  }
  if (v instanceof Set) return [...v].map(normalize).sort();
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = normalize(x);
  }
  return out;
}
