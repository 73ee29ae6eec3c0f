/**
 * Load time of a full-size stop_times.txt (~100 MB, like the real subway
 * feed), from a folder and from a zip. Too slow for the test suite; run:
 *   npx tsx adapters/gtfs-static/load.bench.ts
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadStaticGtfs } from "./load";
import { TINY_GTFS } from "./testing/tiny-gtfs";
import { makeZip } from "./testing/zip-writer";

const TARGET_BYTES = 100 * 1024 * 1024;
const hms = (s: number) =>
  [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, "0")).join(":");

/** Rows shaped like the MTA's: long trip ids, N/S platform ids, 30-60 stops per trip. */
function writeStopTimes(path: string): { rows: number; trips: number } {
  const fd = openSync(path, "w");
  let rows = 0;
  let trips = 0;
  let bytes = 0;
  const services = ["Weekday", "Saturday", "Sunday"];
  const routes = ["1", "2", "3", "4", "5", "6", "A", "C", "E", "N", "Q", "R"];
  let out = "trip_id,stop_id,arrival_time,departure_time,stop_sequence\n";
  while (bytes < TARGET_BYTES) {
    const start = (trips * 37) % 86_400;
    const route = routes[trips % routes.length];
    const tripId = `AFA24GEN-${1000 + (trips % 97)}-${services[trips % 3]}-00_${String(trips).padStart(6, "0")}_${route}..S03R`;
    const stops = 30 + (trips % 31);
    for (let s = 1; s <= stops; s++) {
      const t = hms(start + s * 90);
      out += `${tripId},${100 + s}S,${t},${t},${s}\n`;
      rows++;
    }
    trips++;
    if (out.length > 1 << 20) {
      bytes += writeSync(fd, out);
      out = "";
    }
  }
  bytes += writeSync(fd, out);
  closeSync(fd);
  return { rows, trips };
}

export async function benchStaticLoad(): Promise<{
  megabytes: number;
  rows: number;
  folderMs: number;
  zipMs: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), "gtfs-bench-"));
  try {
    for (const [name, text] of Object.entries(TINY_GTFS)) {
      if (name !== "stop_times.txt") writeFileSync(join(dir, name), text);
    }
    const { rows } = writeStopTimes(join(dir, "stop_times.txt"));
    const megabytes = statSync(join(dir, "stop_times.txt")).size / 1e6;

    let t = performance.now();
    const fromFolder = await loadStaticGtfs(dir);
    const folderMs = performance.now() - t;
    if (!fromFolder.ok) throw fromFolder.error;
    if (fromFolder.value.stopTimes.size !== rows)
      throw new Error(`loaded ${fromFolder.value.stopTimes.size} of ${rows} rows`);

    const zipPath = join(tmpdir(), `${dir.split("/").pop()}.zip`);
    const names = Object.keys(TINY_GTFS);
    writeFileSync(zipPath, makeZip(names.map((name) => ({ name, data: readFileSync(join(dir, name)) }))));
    t = performance.now();
    const fromZip = await loadStaticGtfs(zipPath);
    const zipMs = performance.now() - t;
    rmSync(zipPath, { force: true });
    if (!fromZip.ok) throw fromZip.error;
    return { megabytes, rows, folderMs: Math.round(folderMs), zipMs: Math.round(zipMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchStaticLoad().then((r) => console.log(r));
}
