/**
 * The demo day on disk: a recording of one simulated weekday of every feed
 * (data/demo/recording) and the static GTFS it runs on (data/demo/gtfs, also
 * stored inside the recording). Generated once, then reused while a marker
 * says it was made by this generator with this seed and date.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RecordingWriter } from "../adapters/recording";
import { gtfsFiles, writeGtfsFolder } from "./gtfs";
import { demoNetwork } from "./network";
import { buildTimetable } from "./schedule/timetable";
import { writeDayFrames } from "./simulate/write-frames";

/** Bump when the generator changes in a way the source fingerprint would not catch. */
export const DEMO_GENERATOR_VERSION = "1";
export const DEMO_SEED = 20251002;
export const DEMO_DATE = "2025-10-02";
export const DEMO_TIME_ZONE = "America/New_York";
const MARKER = "demo-day.json";

export interface DemoDayPaths {
  recordingDir: string;
  gtfsDir: string;
  /** "YYYY-MM-DD" of the simulated day (New York time). */
  date: string;
}

export interface DemoDayOptions {
  seed?: number;
  date?: string;
  /** Generate only part of the day (seconds after midnight); the whole day by default. */
  fromS?: number;
  toS?: number;
  /** Only these feeds (ids as in adapters/feeds.ts), all by default: tests that need a few generate faster. */
  feeds?: readonly string[];
  /** Simulate in a worker thread while this thread writes (default true). */
  worker?: boolean;
  /** Regenerate even when the marker matches. */
  force?: boolean;
  onProgress?: (doneS: number, fromS: number, toS: number) => void;
}

export interface DemoDayStats extends DemoDayPaths {
  frames: number;
  rawBytes: number;
  elapsedMs: number;
}

interface Marker {
  fingerprint: string;
  version: string;
  seed: number;
  date: string;
  fromS: number;
  toS: number;
  frames: number;
  rawBytes: number;
  generatedAt: string;
}

/** Hash of the generator's own source files, so editing the simulator regenerates the day. */
function sourceFingerprint(): string {
  const hash = createHash("sha1");
  const root = dirname(fileURLToPath(import.meta.url));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
        hash.update(name).update(readFileSync(path));
    }
  };
  try {
    walk(root);
  } catch {
    hash.update("sources unavailable");
  }
  return hash.digest("hex");
}

function fingerprintOf(
  seed: number,
  date: string,
  fromS: number,
  toS: number,
  feeds: readonly string[] | undefined,
): string {
  const job = { v: DEMO_GENERATOR_VERSION, seed, date, fromS, toS, ...(feeds ? { feeds } : {}) };
  return createHash("sha1")
    .update(JSON.stringify({ ...job, src: sourceFingerprint() }))
    .digest("hex");
}

function readMarker(dir: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as Marker;
  } catch {
    return undefined;
  }
}

function pathsOf(dir: string, date: string): DemoDayPaths {
  return { recordingDir: join(dir, "recording"), gtfsDir: join(dir, "gtfs"), date };
}

/** Generates the demo day into `dir` (replacing what is there), atomically enough for one process. */
export async function generateDemoDay(dir: string, opts: DemoDayOptions = {}): Promise<DemoDayStats> {
  const started = performance.now();
  const seed = opts.seed ?? DEMO_SEED;
  const date = opts.date ?? DEMO_DATE;
  const fromS = opts.fromS ?? 0;
  const toS = opts.toS ?? 86_400;
  const tmp = join(dir, `.generating-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const net = demoNetwork();
  const year = date.slice(0, 4);
  const files = gtfsFiles(net, buildTimetable(net), { startDate: `${year}0101`, endDate: `${year}1231` });
  writeGtfsFolder(join(tmp, "gtfs"), files);

  const writer = RecordingWriter.open(join(tmp, "recording"));
  let frames = 0;
  let rawBytes = 0;
  try {
    for (const [name, text] of files) writer.storeStatic(name, Buffer.from(text));
    await writeDayFrames(
      { seed, date, timeZone: DEMO_TIME_ZONE, fromS, toS, feeds: opts.feeds },
      (f) => {
        writer.append(f);
        frames++;
        rawBytes += f.body.length;
      },
      { worker: opts.worker, onProgress: opts.onProgress },
    );
  } finally {
    writer.close();
  }

  const paths = pathsOf(dir, date);
  rmSync(paths.recordingDir, { recursive: true, force: true });
  rmSync(paths.gtfsDir, { recursive: true, force: true });
  renameSync(join(tmp, "recording"), paths.recordingDir);
  renameSync(join(tmp, "gtfs"), paths.gtfsDir);
  const marker: Marker = {
    fingerprint: fingerprintOf(seed, date, fromS, toS, opts.feeds),
    version: DEMO_GENERATOR_VERSION,
    seed,
    date,
    fromS,
    toS,
    frames,
    rawBytes,
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(join(tmp, MARKER), JSON.stringify(marker, null, 2));
  renameSync(join(tmp, MARKER), join(dir, MARKER));
  rmSync(tmp, { recursive: true, force: true });
  return { ...paths, frames, rawBytes, elapsedMs: performance.now() - started };
}

/** True when `dir` holds a complete demo day made by this generator with these settings. */
export function demoDayIsCurrent(dir: string, opts: DemoDayOptions = {}): boolean {
  const seed = opts.seed ?? DEMO_SEED;
  const date = opts.date ?? DEMO_DATE;
  const marker = readMarker(dir);
  if (!marker) return false;
  const paths = pathsOf(dir, date);
  return (
    marker.fingerprint === fingerprintOf(seed, date, opts.fromS ?? 0, opts.toS ?? 86_400, opts.feeds) &&
    existsSync(paths.recordingDir) &&
    existsSync(paths.gtfsDir)
  );
}

/** The demo day in `dir`, generated first if absent or made by another generator, seed or date. */
export async function ensureDemoDay(dir: string, opts: DemoDayOptions = {}): Promise<DemoDayPaths> {
  const date = opts.date ?? DEMO_DATE;
  if (!opts.force && demoDayIsCurrent(dir, opts)) return pathsOf(dir, date);
  const { recordingDir, gtfsDir } = await generateDemoDay(dir, opts);
  return { recordingDir, gtfsDir, date };
}
