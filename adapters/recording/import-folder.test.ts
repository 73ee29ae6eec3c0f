import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { afterEach, describe, expect, it } from "vitest";
import { importFolder } from "./import-folder";
import { readRecording } from "./reader";

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;
const ROOT = join(import.meta.dirname, "../..");

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "import-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function subwayFeed(timestamp: number, routes: string[]): Uint8Array {
  const entity = routes.map((routeId, i) => ({
    id: `${i}`,
    tripUpdate: { trip: { tripId: `0${i}0600_${routeId}..N`, routeId } },
  }));
  return FeedMessage.encode(
    FeedMessage.fromObject({ header: { gtfsRealtimeVersion: "1.0", timestamp }, entity }),
  ).finish();
}

/** A folder with misleading names and nesting; expected feeds and times are written by hand next to each file. */
function makeFolder(): { dir: string; expected: { file: string; feed: string; at: number }[] } {
  const dir = tempDir();
  mkdirSync(join(dir, "nested", "deeper"), { recursive: true });
  const t = 1759414800; // 2025-10-02T14:20:00Z
  const outageMtime = new Date(Date.UTC(2025, 9, 2, 14, 21, 30));
  writeFileSync(join(dir, "z-first.bin"), subwayFeed(t + 30, ["A", "C", "E"]));
  writeFileSync(join(dir, "nested", "feed.pb"), subwayFeed(t, ["L", "L"]));
  writeFileSync(join(dir, "nested", "deeper", "x.protobuf"), subwayFeed(t + 60, ["1", "6X", "GS"]));
  writeFileSync(
    join(dir, "station_status_copy.json"),
    JSON.stringify({
      last_updated: t + 45,
      ttl: 60,
      data: { stations: [{ station_id: "s", num_bikes_available: 1 }] },
    }),
  );
  writeFileSync(
    join(dir, "elevators.json"),
    JSON.stringify([{ equipment: "EL1", outagedate: "10/01/2025 09:00:00 AM", station: "A" }]),
  );
  utimesSync(join(dir, "elevators.json"), outageMtime, outageMtime);
  writeFileSync(join(dir, "notes.txt"), "not a payload");
  writeFileSync(
    join(dir, "google_transit.zip"),
    Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("stops.txt")]),
  );
  return {
    dir,
    expected: [
      { file: join("nested", "feed.pb"), feed: "subway-l", at: t * 1000 },
      { file: "z-first.bin", feed: "subway-ace", at: (t + 30) * 1000 },
      { file: "station_status_copy.json", feed: "gbfs-station-status", at: (t + 45) * 1000 },
      { file: join("nested", "deeper", "x.protobuf"), feed: "subway-1234567s", at: (t + 60) * 1000 },
      { file: "elevators.json", feed: "outages", at: outageMtime.getTime() },
    ],
  };
}

describe("importFolder", () => {
  it("recognises each file from content, orders by payload time and writes the bytes unchanged", () => {
    const { dir, expected } = makeFolder();
    const out = join(tempDir(), "rec");
    const report = importFolder(dir, out);
    expect(report.imported.map((f) => [f.file, f.feed, f.receivedAt])).toEqual(
      expected.map((e) => [e.file, e.feed, e.at]),
    );
    expect(report.imported.find((f) => f.feed === "outages")?.timedBy).toBe("file mtime");
    expect(report.skipped.map((s) => s.file)).toEqual(["notes.txt"]);
    expect(report.statics).toEqual(["google_transit.zip"]);
    expect(existsSync(join(out, "static", "google_transit.zip"))).toBe(true);

    const frames = [...readRecording(out, { onWarning: (m) => expect.fail(m) })];
    expect(frames.map((f) => [f.feed, f.receivedAt, f.status])).toEqual(
      expected.map((e) => [e.feed, e.at, 200]),
    );
    frames.forEach((f, i) => {
      expect(Buffer.compare(Buffer.from(f.body), readFileSync(join(dir, expected[i].file)))).toBe(0);
    });
  });

  it("runs as the npm import command", () => {
    const { dir } = makeFolder();
    const out = join(tempDir(), "rec");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts/import.ts"), dir, "--out", out],
      {
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("-> subway-ace at 2025-10-02T14:20:30.000Z");
    expect(run.stdout).toMatch(/skipped notes\.txt: /);
    expect(run.stdout).toContain("5 payloads imported, 1 static, 1 skipped");
    expect(readdirSync(out)).toContain("2025-10-02T14.seg");
    const usage = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/import.ts"), dir], {
      encoding: "utf8",
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage/);
  });
});

const DATA = join(ROOT, "../shared/data");
const haveData = existsSync(join(DATA, "subway-rt")) && existsSync(join(DATA, "gbfs"));
if (!haveData) console.warn(`conformance: ${DATA} absent, skipping the import of real samples`);

describe.skipIf(!haveData)("importFolder on the real samples (../shared/data)", () => {
  /** Expected feed from the sample's file name and the data README, not from content. */
  function expectedFeed(file: string): string {
    const m = /nyct_gtfs-([a-z0-9]+)/.exec(file);
    if (m) return `subway-${m[1]}`;
    if (file.startsWith("edge-cases")) return "subway-1234567s"; // README: all three are 1234567S feeds
    if (file.endsWith("station_status.json")) return "gbfs-station-status";
    if (file.endsWith("station_information.json")) return "gbfs-station-information";
    throw new Error(`no expectation for ${file}`);
  }

  it("lands every subway-rt file as its feed", () => {
    const src = join(DATA, "subway-rt");
    const report = importFolder(src, join(tempDir(), "rec"));
    const files = readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(src, join(e.parentPath, e.name)));
    expect(report.skipped).toEqual([]);
    expect(report.imported).toHaveLength(files.length);
    for (const f of report.imported) expect(f.feed, f.file).toBe(expectedFeed(f.file));
    // README: the eight 2025-10-02 feeds were recorded around 10:20 New York time (14:20 UTC).
    const oct2 = report.imported.filter(
      (f) => f.file.startsWith("2025-10-02") && !f.file.includes("1234567s"),
    );
    expect(oct2).toHaveLength(7);
    for (const f of oct2)
      expect(Math.abs(f.receivedAt - Date.UTC(2025, 9, 2, 14, 20)), f.file).toBeLessThan(30 * 60_000);
  });

  it("lands every GBFS file as its feed, timed by last_updated", () => {
    const src = join(DATA, "gbfs");
    const out = join(tempDir(), "rec");
    const report = importFolder(src, out);
    expect(report.skipped).toEqual([]);
    expect(report.imported).toHaveLength(4);
    for (const f of report.imported) {
      expect(f.feed, f.file).toBe(expectedFeed(f.file));
      const lastUpdated = /"last_updated":\s*(\d+)/.exec(readFileSync(join(src, f.file), "utf8"))![1];
      expect(f.receivedAt, f.file).toBe(Number(lastUpdated) * 1000);
    }
    expect([...readRecording(out)].map((f) => f.feed).sort()).toEqual(
      report.imported.map((f) => f.feed).sort(),
    );
  });
});
