/**
 * Measures subwayGraph on the demo network (~25 routes, the MTA's feed
 * shapes): builds the demo world and its static GTFS, encodes a slice of
 * the day's subway frames, then runs the graph over them, decoding each
 * frame lazily (its time is measured apart and taken out), with the heap
 * sampled along the way to show that state does not grow with the day.
 *
 *   npx tsx transit/subway/bench/demo-day.ts [fromHour] [toHour]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadStaticGtfs } from "../../../adapters/gtfs-static";
import { decodeSubwayFeed, type SubwayFeedSnapshot } from "../../../adapters/subway";
import { gtfsFiles, writeGtfsFolder } from "../../../demo/gtfs";
import { demoDayFrames } from "../../../demo/simulate/day";
import { buildDemoWorld } from "../../../demo/simulate/world";
import { MINUTE, output, pullInput, run, timer } from "../../../engine";
import { buildTransitNetwork } from "../../network";
import { subwayGraph } from "../graph";

const DATE = "2025-10-02";
const fromH = Number(process.argv[2] ?? 7);
const toH = Number(process.argv[3] ?? 9);
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;

const t0 = performance.now();
const world = buildDemoWorld({ seed: 7, date: DATE });
const dir = mkdtempSync(join(tmpdir(), "demo-gtfs-"));
writeGtfsFolder(dir, gtfsFiles(world.net, world.timetable, { startDate: "20250101", endDate: "20261231" }));
const loaded = await loadStaticGtfs(dir);
rmSync(dir, { recursive: true, force: true });
if (!loaded.ok) throw loaded.error;
const t1 = performance.now();
const net = buildTransitNetwork(loaded.value, DATE);
const t2 = performance.now();

const frames = [...demoDayFrames(world, { fromS: fromH * 3600, toS: toH * 3600 })].filter((f) =>
  f.feed.startsWith("subway-"),
);
const t3 = performance.now();

let decodeMs = 0;
let trips = 0;
const heap: string[] = [];
function* snapshots(): Generator<[number, SubwayFeedSnapshot]> {
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    const d0 = performance.now();
    const r = decodeSubwayFeed(
      f.body,
      { feed: f.feed, receivedAt: f.receivedAt },
      { maxAgeMs: Number.POSITIVE_INFINITY },
    );
    decodeMs += performance.now() - d0;
    if (!r.ok) continue;
    trips += r.value.trips.length;
    if (i % 2000 === 0) heap.push(mb(process.memoryUsage().heapUsed));
    yield [f.receivedAt, r.value];
  }
}

const start = frames[0].receivedAt - 1000;
const end = frames[frames.length - 1].receivedAt + MINUTE;
const t4 = performance.now();
const result = run(
  () => {
    const g = subwayGraph({
      snapshots: pullInput("snapshots", snapshots()),
      network: net,
      clock: timer(MINUTE),
    });
    output("metrics", g.metrics, { record: false });
    output("trains", g.trains, { record: false });
    output("arrivals", g.arrivals, { record: false });
    output("status", g.lineStatus, { record: false });
  },
  { start, end },
);
const graphMs = performance.now() - t4 - decodeMs;
const n = frames.length;
console.log(
  [
    `demo network: ${net.routes.size} routes, ${net.stations.size} stations, ${net.scheduledTrips.length} trips today`,
    `static GTFS written+loaded ${(t1 - t0).toFixed(0)} ms; network built in ${(t2 - t1).toFixed(0)} ms; frames encoded in ${(t3 - t2).toFixed(0)} ms`,
    `${n} snapshots (${fromH}:00-${toH}:00, ${(trips / n).toFixed(0)} trips each), decoding ${decodeMs.toFixed(0)} ms`,
    `graph: ${result.cycles} cycles in ${graphMs.toFixed(0)} ms = ${(graphMs / n).toFixed(2)} ms per snapshot`,
    `a 24 h day (8 feeds every 30 s = 23 040 snapshots) at that rate: ~${(((graphMs / n) * 23_040) / 1000).toFixed(0)} s`,
    `heap used while running (every 2000 snapshots): ${heap.join(", ")}; after: ${mb(process.memoryUsage().heapUsed)}`,
    `1-min load average ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`,
  ].join("\n"),
);
