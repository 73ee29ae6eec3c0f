/**
 * Where GTFS tables come from: a folder of .txt files or a zip (read with
 * yauzl, entry by entry, inflated as a stream, so the ~100 MB stop_times.txt
 * is never held in memory whole). Either way each wanted file is pushed chunk
 * by chunk through the CSV tokenizer into its table sink.
 */
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { basename, join } from "node:path";
import yauzl from "yauzl";
import { CsvTokenizer } from "./csv";
import type { TableSink } from "./table";

/** The sink for a file name (without folders), or undefined to skip the file. */
export type SinkFor = (fileName: string) => TableSink | undefined;

const CHUNK = 4 * 1024 * 1024;

function tokenizerFor(sink: TableSink): CsvTokenizer {
  return new CsvTokenizer((row) => sink.onRow(row));
}

/** Reads the wanted files of a folder; returns the names read. */
export function readFolder(dir: string, sinkFor: SinkFor): string[] {
  const read: string[] = [];
  const buf = Buffer.allocUnsafe(CHUNK);
  for (const name of readdirSync(dir).sort()) {
    const sink = sinkFor(name);
    if (!sink) continue;
    const tokenizer = tokenizerFor(sink);
    const fd = openSync(join(dir, name), "r");
    try {
      for (let got = readSync(fd, buf, 0, CHUNK, null); got > 0; got = readSync(fd, buf, 0, CHUNK, null)) {
        tokenizer.push(buf.subarray(0, got));
      }
    } finally {
      closeSync(fd);
    }
    tokenizer.end();
    sink.finish?.();
    read.push(name);
  }
  return read;
}

/** Reads the wanted entries of a zip (in any folder inside it); returns the names read. */
export async function readZip(path: string, sinkFor: SinkFor): Promise<string[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
  const read: string[] = [];
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      const name = basename(entry.fileName);
      const sink =
        entry.fileName.endsWith("/") || entry.fileName.startsWith("__MACOSX/") ? undefined : sinkFor(name);
      if (!sink) continue;
      const tokenizer = tokenizerFor(sink);
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) tokenizer.push(chunk as Buffer);
      tokenizer.end();
      sink.finish?.();
      read.push(name);
    }
  } finally {
    zip.close();
  }
  return read;
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (e: yauzl.Entry) => {
      cleanup();
      resolve(e);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}
