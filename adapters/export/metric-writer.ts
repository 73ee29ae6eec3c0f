import { closeSync, openSync, writeSync } from "node:fs";
import { stableStringify } from "../../engine";
import { quotedName } from "../../engine/stable-json";
import type { MetricTick } from "../../transit/contract";
import { isoWithOffset } from "../../util/time-zone";

export type ExportFormat = "jsonl" | "csv";

export function formatOf(path: string): ExportFormat {
  if (path.endsWith(".csv")) return "csv";
  if (path.endsWith(".jsonl") || path.endsWith(".ndjson")) return "jsonl";
  throw new Error(`cannot tell the export format of '${path}': name it .jsonl or .csv`);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The cycle last formatted: its time, and the JSON of its ticks' keys by
 * object (a cycle's ticks of one line share their key object, and a tick
 * is not changed once emitted).
 */
interface Cycle {
  t: number;
  timeZone: string | undefined;
  iso: string;
  quoted: string;
  keys: Map<object, string>;
}

let last: Cycle = { t: Number.NaN, timeZone: undefined, iso: "", quoted: '""', keys: new Map() };

function cycleOf(t: number, timeZone: string | undefined): Cycle {
  if (last.t !== t || last.timeZone !== timeZone) {
    const iso = isoWithOffset(t, timeZone);
    last = { t, timeZone, iso, quoted: JSON.stringify(iso), keys: new Map() };
  }
  return last;
}

function keyJson(c: Cycle, key: Record<string, string>): string {
  const frozen = frozenJson(key);
  if (frozen !== undefined) return frozen;
  let json = c.keys.get(key);
  if (json === undefined) c.keys.set(key, (json = stableStringify(key)));
  return json;
}

/**
 * The JSON of values that cannot change, by object: frozen plain objects whose
 * own properties are all primitive data (a feed's health record, a metric's
 * key), emitted again and again while their feed or row stays the same.
 */
const frozenJsonOf = new WeakMap<object, string>();

/** stableStringify(v) for a frozen flat object, remembered; undefined for anything else. */
function frozenJson(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null || !Object.isFrozen(v)) return undefined;
  let json = frozenJsonOf.get(v);
  if (json === undefined) {
    if (!isFlatPlainObject(v)) return undefined;
    frozenJsonOf.set(v, (json = stableStringify(v)));
  }
  return json;
}

/** A plain object whose properties (those JSON writes) are all data properties holding primitives: frozen, its JSON is fixed. */
function isFlatPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k) as PropertyDescriptor;
    if (d.get || d.set) return false; // an accessor may read differently each time
    if (typeof d.value === "object" ? d.value !== null : typeof d.value === "function") return false;
  }
  return true;
}

const valueJson = (v: unknown) => frozenJson(v) ?? stableStringify(v);

/** One line per metric tick; stable key order so equal runs give byte-identical files. */
export function formatTick(m: MetricTick, format: ExportFormat, timeZone?: string): string {
  const c = cycleOf(m.t, timeZone);
  if (format === "jsonl") {
    return `{"t":${c.quoted},"metric":${quotedName(m.metric)},"key":${keyJson(c, m.key)},"value":${valueJson(m.value)}}\n`;
  }
  return `${c.iso},${m.metric},${csvCell(keyJson(c, m.key))},${csvCell(valueJson(m.value))}\n`;
}

export const CSV_HEADER = "t,metric,key,value\n";

/**
 * Lines are encoded into this many bytes as they come, then written: none
 * is kept as a string, since a megabyte of strings held until the write
 * outlives garbage collections and costs more to collect than to write.
 */
const BUFFER_BYTES = 1 << 20;
/**
 * Lines are joined into pieces of about this many characters before they are encoded: one call into
 * the encoder per line cost more than the encoding (a line is ~140 bytes), and a piece this small
 * dies young.
 */
const PIECE_CHARS = 16 * 1024;
/** UTF-8 bytes of one UTF-16 unit, at most. */
const MAX_UTF8_PER_UNIT = 3;

/** Writes metric ticks to a file, buffered, filtered by time range and names. */
export class MetricFileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Lines not yet encoded: fewer than PIECE_CHARS characters. */
  private piece = "";
  count = 0;

  constructor(
    path: string,
    private readonly filter: { from?: number; to?: number; metrics?: ReadonlySet<string> } = {},
    private readonly format: ExportFormat = formatOf(path),
  ) {
    this.fd = openSync(path, "w");
    if (format === "csv") this.push(CSV_HEADER);
  }

  write(m: MetricTick): void {
    const f = this.filter;
    if (f.from !== undefined && m.t < f.from) return;
    if (f.to !== undefined && m.t >= f.to) return;
    if (f.metrics && !f.metrics.has(m.metric)) return;
    this.piece += formatTick(m, this.format);
    if (this.piece.length >= PIECE_CHARS) this.encodePiece();
    this.count++;
  }

  private encodePiece(): void {
    const s = this.piece;
    this.piece = "";
    this.push(s);
  }

  private push(s: string): void {
    const most = s.length * MAX_UTF8_PER_UNIT;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) {
        this.writeAll(Buffer.from(s));
        return;
      }
    }
    this.used += this.buffer.write(s, this.used);
  }

  flush(): void {
    if (this.piece.length > 0) this.encodePiece();
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
