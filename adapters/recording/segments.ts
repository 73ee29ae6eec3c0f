/**
 * Segment files: one per time bucket, named by the bucket's start in UTC so a
 * directory listing reads like a calendar (`2025-10-02T10.seg` for an hour
 * bucket; minutes, seconds and milliseconds are added only when the bucket
 * does not start on the hour, e.g. `2025-10-02T10-20-30.250.seg`).
 */
import { readdirSync } from "node:fs";

export const SEGMENT_SUFFIX = ".seg";
const NAME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?:-(\d{2})-(\d{2})(?:\.(\d{3}))?)?\.seg$/;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function segmentName(startMs: number): string {
  const d = new Date(startMs);
  const hour = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}`;
  const min = d.getUTCMinutes();
  const sec = d.getUTCSeconds();
  const ms = d.getUTCMilliseconds();
  if (min === 0 && sec === 0 && ms === 0) return hour + SEGMENT_SUFFIX;
  return `${hour}-${pad(min)}-${pad(sec)}${ms ? `.${pad(ms, 3)}` : ""}${SEGMENT_SUFFIX}`;
}

/** Start time of a segment from its file name, or undefined for foreign files. */
export function parseSegmentName(name: string): number | undefined {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi = "0", s = "0", ms = "0"] = m;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms);
}

export interface SegmentEntry {
  name: string;
  start: number;
}

/** Segments of a recording directory in time order; an absent directory has none. */
export function listSegments(dir: string): SegmentEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const out: SegmentEntry[] = [];
  for (const name of names) {
    const start = parseSegmentName(name);
    if (start !== undefined) out.push({ name, start });
  }
  return out.sort((a, b) => a.start - b.start);
}
