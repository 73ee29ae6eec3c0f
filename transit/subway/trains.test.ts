import { describe, expect, it } from "vitest";
import type { StationArrivals } from "../contract";
import { cancelledTrips } from "./cancelled";
import {
  A_STATIONS,
  arrivalsAt,
  at,
  metricAt,
  type PlayedTrain,
  playTrains,
  RUN_SEC,
  runSubway,
  snapshot,
  southboundA,
  testNetwork,
  trainsAt,
  tripIdAt,
} from "./testing";

const net = await testNetwork();
const latOf = (id: string) => net.stations.get(id)!.lat;

describe("train positions", () => {
  // Southbound, leaves A1 at 08:00: A2 at 08:02, A3 at 08:04 ... predictions exact.
  const moving: PlayedTrain = { tripId: tripIdAt("A", "S", 8, 0), truth: southboundA(at(8, 0)) };
  // Another, 10 min behind, whose feed says it is STOPPED_AT A2 from 08:11:30 on although A2 is still predicted
  // at 08:12 (the vehicle report wins: it sits on the station).
  const stopped: PlayedTrain = {
    tripId: tripIdAt("A", "S", 8, 10),
    truth: southboundA(at(8, 10)),
    extra: (ts) =>
      ts >= at(8, 11, 30) ? { vehicleStatus: "STOPPED_AT", vehicleStopId: "A2S", vehicleTimestamp: ts } : {},
  };
  const r = runSubway(net, playTrains([moving, stopped], at(7, 58, 5), at(8, 30)), {
    start: at(7, 58),
    end: at(8, 30),
  });

  it("puts a train halfway between two stations at the midpoint time", () => {
    // A2 made at 08:02; A3 due 08:04 (not floored: now + 60 s = 08:04). At 08:03 progress = 1/2.
    const t = trainsAt(r, at(8, 3)).find((x) => x.tripId === moving.tripId)!;
    expect(t).toMatchObject({ lastStationId: "A2", nextStationId: "A3", progress: 0.5, atStation: false });
    expect(t.lat).toBeCloseTo((latOf("A2") + latOf("A3")) / 2, 6);
    expect(t.lon).toBeCloseTo(-73.9, 6);
    expect(t.bearing).toBe(180); // heading south
    expect(t.nextEta).toBe(at(8, 4));
  });

  it("floors the ETA at now + 60 s, so a train due in 30 s is not drawn at the station yet", () => {
    // Snapshot at 08:03:35, A3 due 08:04: 95 s since A2 over (now + 60 s - 08:02 = 155 s), not 95/120.
    const t = trainsAt(r, at(8, 3, 35)).find((x) => x.tripId === moving.tripId)!;
    expect(t.progress).toBe(Math.round((95 / 155) * 1000) / 1000);
  });

  it("sits a stopped train on its station, not past it", () => {
    const t = trainsAt(r, at(8, 11, 40)).find((x) => x.tripId === stopped.tripId)!;
    expect(t).toMatchObject({ lastStationId: "A2", nextStationId: "A3", progress: 0, atStation: true });
    expect(t.lat).toBe(latOf("A2"));
    // Before the vehicle report it was on its way from A1.
    const before = trainsAt(r, at(8, 11)).find((x) => x.tripId === stopped.tripId)!;
    expect(before).toMatchObject({ lastStationId: "A1", nextStationId: "A2", atStation: false });
  });

  it("places a train first seen mid-route after the previous station on the line", () => {
    // Seen first at 08:05:05 with A4 next (due 08:06): it left A3 a typical run (120 s) before, at 08:04;
    // the ETA floored at now + 60 s is 08:06:05, so progress = 65 / 125.
    const mid: PlayedTrain = {
      tripId: tripIdAt("A", "S", 8, 0),
      truth: southboundA(at(8, 0)),
      from: at(8, 5, 5),
    };
    const r2 = runSubway(net, playTrains([mid], at(8, 5, 5), at(8, 7)), { start: at(8, 5), end: at(8, 7) });
    const t = trainsAt(r2, at(8, 5, 5))[0];
    expect(t).toMatchObject({ lastStationId: "A3", nextStationId: "A4" });
    expect(t.progress).toBe(0.52);
  });
});

describe("a stalled train", () => {
  // Due at A4 at 08:06, it will be 11 min late (08:17); its vehicle timestamp stops at 08:03:00 while the
  // feed goes on. The follower is due at A4 at 08:16.
  const stalled: PlayedTrain = {
    tripId: tripIdAt("A", "S", 8, 0),
    truth: southboundA(at(8, 0)).map(
      ([s, t]) => [s, t + (t > at(8, 3) ? 11 * 60_000 : 0)] as [string, number],
    ),
    extra: (ts) => ({
      vehicleTimestamp: Math.min(ts, at(8, 3)),
      vehicleStatus: "IN_TRANSIT_TO",
      vehicleStopId: "A3S",
    }),
  };
  const follower: PlayedTrain = { tripId: tripIdAt("A", "S", 8, 10), truth: southboundA(at(8, 10)) };
  const r = runSubway(net, playTrains([stalled, follower], at(7, 58, 5), at(8, 20)), {
    start: at(7, 58),
    end: at(8, 20),
  });
  const southAt = (station: string, t: number) => (arrivalsAt(r, t).get(station) as StationArrivals).south;

  it("is counted down while its vehicle reports are fresh (lag 90 s is not yet stalled)", () => {
    const a = southAt("A4", at(8, 4, 30)).find((x) => x.tripKey.includes(stalled.tripId))!;
    expect(a).toMatchObject({ stalled: false, time: at(8, 17) });
  });

  it("is not counted down once the lag passes 90 s: time null, flagged stalled, listed in its place", () => {
    const list = southAt("A4", at(8, 5));
    expect(list.map((a) => [a.tripKey.split("|")[1], a.time, a.stalled])).toEqual([
      [follower.tripId, at(8, 16), false],
      [stalled.tripId, null, true],
    ]);
    expect(trainsAt(r, at(8, 5)).find((t) => t.tripId === stalled.tripId)?.stalled).toBe(true);
    // A6 ends the southbound A: both trains terminate there, stalled or not, and at A4 neither does.
    expect(southAt("A6", at(8, 5)).map((a) => [a.stalled, a.terminates])).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(list.map((a) => a.terminates)).toEqual([false, false]);
    expect(metricAt(r, "subway.stalled_trains", { route: "A", direction: "S" }, at(8, 5))).toBe(1);
    expect(metricAt(r, "subway.stalled_trains", { route: "A", direction: "S" }, at(8, 4))).toBe(0);
  });
});

describe("cancelled trips", () => {
  // Replacement period 08:00:05-08:30:05 for A; the feed lists the 08:00 and 08:20 southbound trips only.
  const ts = at(8, 0, 5);
  const listed = [0, 20].map((m) => ({
    tripId: tripIdAt("A", "S", 8, m),
    stops: southboundA(at(8, m)).filter(([, t]) => t > ts),
  }));
  const period = [{ routeId: "A", endMs: at(8, 30, 5) }];
  const snap = snapshot("subway-ace", ts, listed, period);

  it("are the scheduled trips overlapping the period and missing from the feed", () => {
    const feed = {
      feed: "subway-ace",
      timestamp: ts,
      replacementPeriods: period,
      matchKeys: new Set(["48000|A|S", "50000|A|S"]),
    };
    const got = cancelledTrips(feed, net).filter((t) => t.direction === "S");
    // Southbound trips run 10 min: those starting 07:51..08:30 overlap; 08:00 and 08:20 are listed.
    expect(got.map((t) => t.tripId)).toEqual(["WKD-049000_A..S", "WKD-051000_A..S"]);
    // Northbound: every trip starting 07:51..08:30 is missing (none listed): 08:00 08:10 08:20 08:30.
    expect(cancelledTrips(feed, net).filter((t) => t.direction === "N").length).toBe(4);
  });

  it("are listed at stations without a countdown (time null, cancelled), in scheduled order", () => {
    const r = runSubway(net, [[ts, snap]], { start: at(8, 0), end: at(8, 1) });
    const a6 = arrivalsAt(r, ts).get("A6")!.south;
    // A6: 08:00 trip at 08:10, cancelled 08:10 trip at 08:20, 08:20 trip at 08:30, cancelled 08:30 trip at 08:40.
    expect(a6.map((a) => [a.time, a.cancelled])).toEqual([
      [at(8, 10), false],
      [null, true],
      [at(8, 30), false],
      [null, true],
    ]);
    expect(a6[1]).toMatchObject({
      tripKey: "cancelled:WKD-049000_A..S",
      stalled: false,
      destinationStationId: "A6",
    });
    // The southbound A ends at A6: every train listed there terminates, the cancelled ones too; at A5 none.
    expect(a6.map((a) => a.terminates)).toEqual([true, true, true, true]);
    const a5 = arrivalsAt(r, ts).get("A5")!.south;
    expect(a5.length).toBeGreaterThan(0);
    expect(a5.some((a) => a.terminates)).toBe(false);
    expect(A_STATIONS.length * RUN_SEC).toBe(720); // (the fixture's shape, for the reader)
  });
});

describe("trips listed ahead of their start", () => {
  // The feeds list the next half hour or hour of departures before a train is put on them: unassigned, no
  // vehicle, first stop ahead. A runs 08:00 (a train); B leaves at 08:20, a train assigned to it at 08:15;
  // C leaves at 08:40 and is never assigned (no train tracking on its line): it runs once it leaves A1.
  const A = tripIdAt("A", "S", 8, 0);
  const B = tripIdAt("A", "S", 8, 20);
  const C = tripIdAt("A", "S", 8, 40);
  const r = runSubway(
    net,
    playTrains(
      [
        { tripId: A, truth: southboundA(at(8, 0)) },
        { tripId: B, truth: southboundA(at(8, 20)), extra: (ts) => ({ assigned: ts >= at(8, 15) }) },
        { tripId: C, truth: southboundA(at(8, 40)), extra: () => ({ assigned: false }) },
      ],
      at(7, 58, 5),
      at(8, 55),
    ),
    { start: at(7, 58), end: at(8, 55) },
  );
  const south = { route: "A", direction: "S" };
  const running = (t: number) => metricAt(r, "subway.trains_running", south, t);
  const drawn = (t: number) => trainsAt(r, t).map((x) => x.tripId);
  const departing = (t: number) =>
    (arrivalsAt(r, t).get("A1")?.south ?? []).map((a) => a.tripKey.split("|")[1]);

  it("are not trains running, nor drawn, until a train is assigned or they leave their first stop", () => {
    expect([running(at(8, 5)), drawn(at(8, 5))]).toEqual([1, [A]]);
    // A ended at A6 at 08:10; B has its train, C has none.
    expect([running(at(8, 16)), drawn(at(8, 16))]).toEqual([1, [B]]);
    expect([running(at(8, 41)), drawn(at(8, 41))]).toEqual([1, [C]]);
  });

  it("are departures riders can take: listed at their first station", () => {
    expect(departing(at(8, 5))).toEqual([B, C]);
  });
});
