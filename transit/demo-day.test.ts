/**
 * The demo day shows its incidents (demo/README.md), replayed headless
 * through the whole dashboard graph: a slice of the morning around the 4
 * train held at 14 St-Union Sq, and the bikes draining from where people
 * live. What should happen comes from the simulator's own record (which
 * train it held, from when to when; which way its bike model makes bikes
 * flow), never from the dashboard's output.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayPayloads } from "../adapters/feed-graph";
import { DEMO_DATE, DEMO_SEED, generateDemoDay } from "../demo";
import { expectedNetFlowPerHour } from "../demo/simulate/bikes/dynamics";
import { buildDemoWorld } from "../demo/simulate/world";
import { Engine, sink } from "../engine";
import type { BikeStationView, LineStatus, StatusKind } from "./contract";
import { dashboardGraph } from "./dashboard";
import { loadRecordingNetwork } from "./recording-network";

const H = 3600;
const M = 60;
const FROM_S = 7 * H + 30 * M;
const TO_S = 9 * H + 50 * M;
/** The metrics start empty: they have had this long to learn travel times and headways. */
const WARM_UP_S = 10 * M;
/** "Back to Good service within a reasonable time": by 09:30. */
const GOOD_AGAIN_BY_S = 9 * H + 30 * M;
/** The 4 and 5 run in the IRT feed; the bike flows are in station status (with its station list). */
const FEEDS = [
  "subway-1234567s",
  "gbfs-discovery",
  "gbfs-station-information",
  "gbfs-system-regions",
  "gbfs-station-status",
];

const world = buildDemoWorld({ seed: DEMO_SEED, date: DEMO_DATE });
const daySec = (t: number) => (t - world.clock.midnightMs) / 1000;
const clock = (s: number) =>
  `${String(Math.floor(s / H)).padStart(2, "0")}:${String(Math.floor(s / M) % 60).padStart(2, "0")}`;

interface Sample {
  s: number;
  status: StatusKind;
  delayed: number;
  reasons: string[];
}

const four: Sample[] = [];
/** The held train's delay as the map shows it, by time. */
const heldDelay: Array<{ s: number; delaySec: number }> = [];
const stationsAt = new Map<number, BikeStationView[]>();
const BIKE_SAMPLES = [7 * H + 40 * M, 9 * H + 45 * M];

const hold = (() => {
  const ti = world.heldTrips.get("sick-customer-4");
  if (ti === undefined) throw new Error("the demo day holds no 4 train");
  const trip = world.trips[ti];
  return { tripId: trip.trip.tripId, from: trip.held!.from, until: trip.held!.until };
})();

let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "demo-day-"));
  const { recordingDir } = await generateDemoDay(dir, { fromS: FROM_S, toS: TO_S, feeds: FEEDS });
  const { network, start, end } = await loadRecordingNetwork(recordingDir);
  new Engine(
    () => {
      const d = dashboardGraph(replayPayloads(recordingDir), network);
      sink("status", d.lineStatus, (t, list: LineStatus[]) => {
        const s = list.find((x) => x.route === "4");
        if (s) four.push({ s: daySec(t), status: s.status, delayed: s.delayedTrains, reasons: s.reasons });
      });
      sink("trains", d.trains, (t, trains) => {
        const held = trains.find((x) => x.tripId === hold.tripId);
        if (held) heldDelay.push({ s: daySec(t), delaySec: held.delaySec });
      });
      sink("bikes", d.bikeStations, (t, stations) => {
        for (const at of BIKE_SAMPLES)
          if (!stationsAt.has(at) && daySec(t) >= at) stationsAt.set(at, stations);
      });
    },
    { start, end },
  ).runSimulation();
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const between = (from: number, to: number) => four.filter((x) => x.s >= from && x.s < to);
const describeSamples = (xs: Sample[]) =>
  xs.map((x) => `${clock(x.s)} ${x.status}: ${x.reasons.join("; ")}`).slice(0, 5);

describe("the demo day's 4 train held at 14 St-Union Sq, on the dashboard", () => {
  it("holds a northbound 4 for about 15 minutes a little after 08:10 (the simulator's record)", () => {
    expect(hold.from).toBeGreaterThanOrEqual(8 * H + 10 * M);
    expect(hold.from).toBeLessThan(8 * H + 20 * M);
    expect(hold.until - hold.from).toBeGreaterThanOrEqual(15 * M);
  });

  it("shows Good service on the 4 before the hold", () => {
    const before = between(FROM_S + WARM_UP_S, hold.from);
    expect(before.length).toBeGreaterThan(20);
    expect(describeSamples(before.filter((x) => x.status !== "Good service"))).toEqual([]);
  });

  it("shows Delays while the train is held, with trains queued behind it delayed too", () => {
    const during = between(hold.from, hold.until);
    expect(during.some((x) => x.status === "Delays")).toBe(true);
    expect(Math.max(...during.map((x) => x.delayed))).toBeGreaterThanOrEqual(3);
  });

  it("gives the held train a delay close to the length of its hold", () => {
    const held = heldDelay.filter((x) => x.s >= hold.from && x.s <= hold.until + 5 * M);
    const worst = Math.max(...held.map((x) => x.delaySec));
    expect(worst).toBeGreaterThanOrEqual(10 * M);
    expect(worst).toBeLessThanOrEqual(hold.until - hold.from + 2 * M);
  });

  it("is back to Good service by 09:30, and stays so", () => {
    const after = between(GOOD_AGAIN_BY_S, TO_S);
    expect(after.length).toBeGreaterThan(10);
    expect(describeSamples(after.filter((x) => x.status !== "Good service"))).toEqual([]);
  });
});

describe("the demo day's bikes, on the dashboard", () => {
  const [early, late] = BIKE_SAMPLES;
  const byId = new Map(world.bikeStations.map((s) => [s.id, s]));
  const empty = (at: number) => (stationsAt.get(at) ?? []).filter((s) => s.state === "empty");
  /** What the bike model makes a station gain between the two samples, on average. */
  const expectedGain = (id: string) => {
    const s = byId.get(id)!;
    let sum = 0;
    for (let t = early; t < late; t += M) sum += expectedNetFlowPerHour(s, Math.floor(t / H)) / 60;
    return sum;
  };

  it("lists every station of the simulated system", () => {
    expect(stationsAt.get(late)?.length).toBe(world.bikeStations.length);
  });

  it("counts more empty stations as the morning drains residential stations", () => {
    const losing = world.bikeStations.filter((s) => expectedGain(s.id) <= -3).length;
    // The model drains a good share of the system in the morning rush...
    expect(losing).toBeGreaterThan(world.bikeStations.length / 4);
    // ...so the empty stations several times over.
    expect(empty(late).length).toBeGreaterThan(3 * empty(early).length + 50);
  });

  it("empties the stations the model drains, not those it fills", () => {
    const lateEmpty = empty(late);
    const drained = lateEmpty.filter((s) => expectedGain(s.id) < 0).length;
    expect(drained / lateEmpty.length).toBeGreaterThan(0.9);
  });
});
