import type { BenchRow } from "./types";

/** 12.3M, 456k, 7.89 ... : rates read at a glance. */
export function formatValue(v: number, unit: string): string {
  if (unit === "x") return `${v.toFixed(2)}x`;
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)}G ${unit}`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M ${unit}`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k ${unit}`;
  return `${v.toPrecision(4)} ${unit}`;
}

/** A plain-text table, one line per row, grouped by suite. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.suite, r.name, formatValue(r.value, r.unit), r.note ?? ""]);
  const head = ["suite", "measure", "value", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => (i === 2 ? s.padStart(widths[i]) : s.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
