/**
 * Export of what is on screen, as CSV or JSON lines: rows of flat-ish
 * records. Nested values are written as JSON with sorted keys and lines end
 * in "\n", as the headless export writes them (chart series export the same
 * `t,metric,key,value` lines).
 */
import { stableStringify } from "../engine/stable-json";

export type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "object" ? stableStringify(v) : String(v);
  // A text starting like a formula would run in a spreadsheet: make it text.
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Columns are every key seen, in first-seen order. */
export function toCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
  const lines = [columns.map(cell).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** Top-level fields in their order, nested values with sorted keys. */
function jsonLine(r: Row): string {
  const fields = Object.entries(r)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${JSON.stringify(k)}:${v !== null && typeof v === "object" ? stableStringify(v) : JSON.stringify(v)}`,
    );
  return `{${fields.join(",")}}`;
}

export function toJsonLines(rows: readonly Row[]): string {
  return rows.map(jsonLine).join("\n") + (rows.length > 0 ? "\n" : "");
}

/** New York local time with its offset, as the headless export writes it. */
export function isoNewYork(t: number): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  }).formatToParts(t);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? "";
  const offset = p("timeZoneName").replace("GMT", "") || "+00:00";
  return `${p("year")}-${p("month")}-${p("day")}T${p("hour")}:${p("minute")}:${p("second")}${offset}`;
}

export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
