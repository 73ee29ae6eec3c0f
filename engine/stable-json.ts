/**
 * JSON with sorted object keys, Maps as sorted entry lists and Sets as sorted
 * arrays, so equal values always serialize to equal text (run hash, exports).
 */
export function stableStringify(v: unknown): string {
  return JSON.stringify(normalize(v));
}

function normalize(v: unknown): unknown {
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
