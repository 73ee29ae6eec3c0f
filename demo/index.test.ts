import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStaticGtfs } from "../adapters/gtfs-static";
import { readRecording } from "../adapters/recording";
import { demoDayIsCurrent, ensureDemoDay, generateDemoDay } from ".";

const H = 3600;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "demo-day-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** SHA-1 over every segment file of a recording, in name order. */
function recordingHash(recordingDir: string): string {
  const h = createHash("sha1");
  for (const name of readdirSync(recordingDir)
    .filter((n) => n.endsWith(".seg"))
    .sort()) {
    h.update(name).update(readFileSync(join(recordingDir, name)));
  }
  return h.digest("hex");
}

// Five minutes of the morning rush: enough for every feed, quick to make.
const SLICE = { fromS: 8 * H, toS: 8 * H + 5 * 60 };

describe("the demo day on disk", () => {
  it("is byte-identical for the same seed, in a worker or in this thread, and differs for another seed", async () => {
    const a = await generateDemoDay(tempDir(), { ...SLICE, seed: 1, worker: false });
    const b = await generateDemoDay(tempDir(), { ...SLICE, seed: 1, worker: true });
    const c = await generateDemoDay(tempDir(), { ...SLICE, seed: 2, worker: false });
    // 10 polls of 8 subway feeds, 5 of alerts and of bike status, 1 of outages, 3 GBFS documents fetched once.
    expect(a.frames).toBe(10 * 8 + 5 + 5 + 1 + 3);
    expect(b.frames).toBe(a.frames);
    expect(recordingHash(b.recordingDir)).toBe(recordingHash(a.recordingDir));
    expect(recordingHash(c.recordingDir)).not.toBe(recordingHash(a.recordingDir));
  });

  it("is generated once, then reused until forced", async () => {
    const dir = tempDir();
    expect(demoDayIsCurrent(dir, SLICE)).toBe(false);
    const progress: number[] = [];
    const first = await ensureDemoDay(dir, { ...SLICE, worker: false, onProgress: (d) => progress.push(d) });
    expect(first).toEqual({
      recordingDir: join(dir, "recording"),
      gtfsDir: join(dir, "gtfs"),
      date: "2025-10-02",
    });
    expect(progress.at(-1)).toBe(SLICE.toS);
    const madeAt = statSync(join(dir, "demo-day.json")).mtimeMs;
    expect(demoDayIsCurrent(dir, SLICE)).toBe(true);
    // Another seed is another day.
    expect(demoDayIsCurrent(dir, { ...SLICE, seed: 99 })).toBe(false);

    await ensureDemoDay(dir, { ...SLICE, worker: false });
    expect(statSync(join(dir, "demo-day.json")).mtimeMs).toBe(madeAt);

    await ensureDemoDay(dir, { ...SLICE, worker: false, force: true });
    expect(statSync(join(dir, "demo-day.json")).mtimeMs).toBeGreaterThan(madeAt);
    expect(readdirSync(dir).sort()).toEqual(["demo-day.json", "gtfs", "recording"]);

    // The recording reads back, in time order, with the static GTFS stored beside its segments.
    const feeds = new Set<string>();
    let last = 0;
    for (const f of readRecording(first.recordingDir)) {
      feeds.add(f.feed);
      expect(f.receivedAt).toBeGreaterThanOrEqual(last);
      last = f.receivedAt;
    }
    expect(feeds.size).toBe(14);
    const stored = await loadStaticGtfs(join(first.recordingDir, "static"));
    expect(stored.ok && stored.value.trips.size).toBeGreaterThan(7000);
  });
});
