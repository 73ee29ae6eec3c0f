/**
 * Conformance on the real recorded feeds (../shared/data/subway-rt/2025-10-02):
 * trains running per route and direction from the graph must equal a count
 * made independently from the raw protobuf with gtfs-realtime-bindings.
 *
 * The rule, the same on both sides: a trip is running when at least one of
 * its stop-time updates has a departure time (else its arrival time) at or
 * after the feed header's timestamp, and it has a train: assigned to one
 * (NYCT extension 1001, is_assigned), or a vehicle entity with a
 * current_status, or its first stop due (arrival, else departure, at or
 * before the header's time). A trip listed ahead of its start has none of
 * those (a snapshot shows no stop made). Route: route_id, else the
 * trip_id's route part; direction: the N/S ending of its stop ids.
 * is_assigned is read by a schema-free walk of the bytes (the bindings
 * drop extensions), entity by entity alongside the bindings' decode.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStaticGtfs } from "../../adapters/gtfs-static";
import { sharedDataPath } from "../../adapters/gtfsrt/shared-data";
import { at, num, walk } from "../../adapters/gtfsrt/wire-walk.testutil";
import { decodeSubwayFeed, type SubwayFeedSnapshot } from "../../adapters/subway";
import { MINUTE } from "../../engine";
import type { MetricTick } from "../contract";
import { buildTransitNetwork, type TransitNetwork } from "../network";
import { runSubway } from "./testing";

const RT = sharedDataPath("subway-rt", "2025-10-02");
const STATIC = sharedDataPath("static", "gtfs-subway-2024");
const present = existsSync(RT) && existsSync(STATIC);
if (!present) console.warn(`conformance: ${RT} or ${STATIC} absent, skipping the real subway feeds`);

/** "nyct_gtfs-ace.pb" -> "subway-ace"; both 1234567S files are one feed. */
const feedOf = (file: string) => `subway-${file.replace(/^nyct_gtfs-/, "").replace(/(\.2)?\.pb$/, "")}`;

function independentCounts(bytes: Uint8Array): Map<string, number> {
  const msg = GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(bytes);
  const ts = Number(msg.header.timestamp);
  const counts = new Map<string, number>();
  const wireEntities = at(walk(bytes), 2);
  const withStatus = new Set(
    msg.entity
      .filter((e) => e.vehicle && Object.hasOwn(e.vehicle, "currentStatus"))
      .map((e) => e.vehicle?.trip?.tripId),
  );
  for (const [i, e] of msg.entity.entries()) {
    const tu = e.tripUpdate;
    if (!tu) continue;
    const stus = tu.stopTimeUpdate ?? [];
    const leaves = (s: (typeof stus)[number]) =>
      Number(s.departure?.time ?? 0) || Number(s.arrival?.time ?? 0);
    if (!stus.some((s) => leaves(s) >= ts)) continue;
    const [nyct] = at(wireEntities[i], 3, 1, 1001);
    const assigned = nyct !== undefined && num(nyct, 2) === 1;
    const first = stus[0] ? Number(stus[0].arrival?.time ?? 0) || Number(stus[0].departure?.time ?? 0) : 0;
    if (!assigned && !withStatus.has(tu.trip.tripId) && !(first > 0 && first <= ts)) continue;
    const route = tu.trip.routeId || (tu.trip.tripId ?? "").split("_")[1]?.split(".")[0] || "";
    const dir = (stus[0].stopId ?? "").slice(-1);
    const key = `${route}|${dir}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function graphCounts(ticks: readonly MetricTick[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of ticks)
    if (m.metric === "subway.trains_running" && (m.value as number) > 0)
      out.set(`${m.key.route}|${m.key.direction}`, m.value as number);
  return out;
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

const files = present
  ? readdirSync(RT)
      .filter((f) => f.endsWith(".pb"))
      .sort()
  : [];

interface Loaded {
  file: string;
  bytes: Uint8Array;
  snap: SubwayFeedSnapshot;
}

describe.skipIf(!present)("subway graph on the real feeds of 2025-10-02", () => {
  let net: TransitNetwork;
  let loaded: Loaded[];
  beforeAll(async () => {
    const gtfs = await loadStaticGtfs(STATIC);
    if (!gtfs.ok) throw gtfs.error;
    net = buildTransitNetwork(gtfs.value, "20251002");
    loaded = files.map((file) => {
      const bytes = readFileSync(join(RT, file));
      const r = decodeSubwayFeed(bytes, { feed: feedOf(file) }, { maxAgeMs: Number.POSITIVE_INFINITY });
      if (!r.ok) throw r.error;
      return { file, bytes, snap: r.value };
    });
  });

  it.each(files)("%s: trains running per route and direction match the raw count", (file) => {
    const { bytes, snap } = loaded.find((l) => l.file === file)!;
    // The metrics come on the clock: the first tick is a minute after the start.
    const r = runSubway(net, [[snap.timestamp, snap]], {
      start: snap.timestamp - 1000,
      end: snap.timestamp - 1000 + MINUTE,
    });
    const expected = independentCounts(bytes);
    expect(expected.size).toBeGreaterThan(0);
    expect(sorted(graphCounts(r.metrics.flatMap(([, m]) => m)))).toEqual(sorted(expected));
  });

  it("keeps per-feed state with the eight feeds interleaved: each feed's latest snapshot counts", () => {
    // Delivered one second apart in header-timestamp order; the 1234567S feed comes twice (2025-09-18, then
    // 2025-10-02 19:38) and its second snapshot replaces the first.
    const order = [...loaded].sort((a, b) => a.snap.timestamp - b.snap.timestamp);
    const t0 = Date.UTC(2025, 9, 2, 14);
    const snaps: Array<[number, SubwayFeedSnapshot]> = order.map((l, i) => [t0 + i * 1000, l.snap]);
    const t0ms = performance.now();
    // Every snapshot is in before the first clock tick, which brings the metrics.
    expect(order.length * 1000).toBeLessThan(MINUTE);
    const r = runSubway(net, snaps, { start: t0 - 1000, end: t0 - 1000 + MINUTE });
    const ms = performance.now() - t0ms;
    const latest = new Map<string, Loaded>();
    for (const l of order) latest.set(l.snap.feed, l);
    const expected = new Map<string, number>();
    for (const l of latest.values()) for (const [k, n] of independentCounts(l.bytes)) expected.set(k, n);
    // The last value of each line's count.
    const last = new Map<string, number>();
    for (const [, ticks] of r.metrics)
      for (const m of ticks)
        if (m.metric === "subway.trains_running")
          last.set(`${m.key.route}|${m.key.direction}`, m.value as number);
    expect(sorted(new Map([...last].filter(([, n]) => n > 0)))).toEqual(sorted(expected));
    expect(latest.get("subway-1234567s")!.file).toBe("nyct_gtfs-1234567s.2.pb");
    const trains = r.trains.at(-1)![1];
    const running = [...expected.values()].reduce((a, b) => a + b, 0);
    // Nearly every running train can be placed from the 2024 stations (no positions are in the feeds).
    expect(trains.length).toBeGreaterThan(running * 0.9);
    expect(trains.length).toBeLessThanOrEqual(running);
    console.info(
      `conformance: ${order.length} real snapshots, ${running} trains running, graph ${ms.toFixed(0)} ms`,
    );
  });
});
