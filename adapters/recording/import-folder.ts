/**
 * Turns a folder of raw payload files (any names, any nesting) into a
 * recording: each file is recognised from its content, timed by its own
 * header timestamp or GBFS last_updated (file mtime only for payloads that
 * carry no time, like outage lists), and appended in time order.
 * Files are read twice (recognise, then append) so memory stays at one file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { FeedId } from "../feeds";
import { recognizePayload } from "./recognize";
import { RecordingWriter, type RecordingWriterOptions } from "./writer";

export interface ImportedFile {
  /** Relative to the imported folder. */
  file: string;
  feed: FeedId;
  receivedAt: number;
  timedBy: "payload" | "file mtime";
  evidence: string;
}

export interface ImportReport {
  imported: ImportedFile[];
  /** Static GTFS zips stored under <out>/static/. */
  statics: string[];
  skipped: { file: string; reason: string }[];
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export function importFolder(
  folder: string,
  outDir: string,
  opts: RecordingWriterOptions = {},
): ImportReport {
  const report: ImportReport = { imported: [], statics: [], skipped: [] };
  const staticPaths: string[] = [];
  const found: (ImportedFile & { path: string })[] = [];
  for (const path of walk(folder)) {
    const file = relative(folder, path);
    const r = recognizePayload(readFileSync(path));
    if (r.kind === "unknown") report.skipped.push({ file, reason: r.reason });
    else if (r.kind === "static") staticPaths.push(path);
    else {
      const timedBy = r.timestamp === undefined ? "file mtime" : "payload";
      const receivedAt = r.timestamp ?? statSync(path).mtimeMs;
      found.push({ path, file, feed: r.feed, receivedAt, timedBy, evidence: r.evidence });
    }
  }
  // Stable: payloads with the same time keep folder order.
  found.sort((a, b) => a.receivedAt - b.receivedAt);
  const writer = RecordingWriter.open(outDir, opts);
  try {
    for (const { path, ...f } of found) {
      writer.append({ feed: f.feed, receivedAt: f.receivedAt, status: 200, body: readFileSync(path) });
      report.imported.push(f);
    }
    for (const path of staticPaths) {
      writer.storeStatic(basename(path), readFileSync(path));
      report.statics.push(relative(folder, path));
    }
  } finally {
    writer.close();
  }
  return report;
}
