import { describe, expect, it } from "vitest";
import { SUBWAY_FEEDS } from "../../adapters/feeds";
import type { ScheduledTrip } from "../schedule/types";
import { decodeBase, decodeSubway, H, M, sliceFrames } from "./testing";
import { buildDemoWorld } from "./world";

const world = buildDemoWorld({ seed: 11, date: "2025-10-02" });
const midnightS = world.clock.midnightMs / 1000;
const scheduled = new Map<string, ScheduledTrip>(world.timetable.map((t) => [t.tripId, t]));
const NYCT_TRIP = ".transit_realtime.nyctTripDescriptor";
const NYCT_STU = ".transit_realtime.nyctStopTimeUpdate";
const NYCT_HEADER = ".transit_realtime.nyctFeedHeader";

describe("trains follow the timetable's frequency", () => {
  // Departures from Van Cortlandt Park as they actually happened, counted per hour.
  const departures = (route: string, origin: string, hour: number) =>
    world.trips.filter(
      (t) =>
        t.dayOffset === 0 &&
        t.trip.routeId === route &&
        t.stops[0].stopId === origin &&
        t.stops[0].dep >= hour * H &&
        t.stops[0].dep < (hour + 1) * H,
    ).length;

  it("sends a 1 train every ~4 minutes at 8 am and every 20 at 3 am", () => {
    expect(departures("1", "101S", 8)).toBeGreaterThanOrEqual(13);
    expect(departures("1", "101S", 8)).toBeLessThanOrEqual(16);
    expect(departures("1", "101S", 3)).toBe(3);
  });

  it("runs the L every 3 minutes at the peak and about every 5 at midday", () => {
    expect(departures("L", "L29N", 8)).toBeGreaterThanOrEqual(18);
    expect(departures("L", "L29N", 13)).toBeGreaterThanOrEqual(10);
    expect(departures("L", "L29N", 13)).toBeLessThanOrEqual(13);
  });
});

describe("subway feeds of a morning rush slice", () => {
  const frames = sliceFrames(world, {
    fromS: 8 * H,
    toS: 8 * H + 3 * M,
    feeds: SUBWAY_FEEDS.map((f) => f.id),
  });

  it("polls all eight feeds every 30 s", () => {
    expect(frames).toHaveLength(6 * 8);
    const ace = frames.filter((f) => f.feed === "subway-ace").map((f) => f.receivedAt);
    for (let i = 1; i < ace.length; i++) expect(ace[i] - ace[i - 1]).toBe(30_000);
  });

  it("decodes every feed with gtfs-realtime-bindings, no vehicle has a position", () => {
    for (const f of frames) {
      const msg = decodeBase(f.body);
      expect(msg.header.gtfsRealtimeVersion).toBe("1.0");
      expect(msg.header.timestamp).toBeLessThanOrEqual(f.receivedAt / 1000);
      expect(msg.entity.length, f.feed).toBeGreaterThan(0);
      for (const e of msg.entity) if (e.vehicle) expect(e.vehicle.position).toBeUndefined();
    }
  });

  it("lists each trip's remaining stops in network order (the tail of its timetable)", () => {
    let checked = 0;
    for (const f of frames) {
      for (const e of decodeBase(f.body).entity) {
        if (!e.tripUpdate) continue;
        const tu = e.tripUpdate;
        const plan = scheduled.get(tu.trip.tripId)!;
        expect(plan, tu.trip.tripId).toBeDefined();
        const ids = tu.stopTimeUpdate.map((u: any) => u.stopId);
        const planned = plan.stops.map((s) => s.stopId);
        expect(ids, tu.trip.tripId).toEqual(planned.slice(planned.length - ids.length));
        const times = tu.stopTimeUpdate.map((u: any) => u.arrival?.time ?? u.departure.time);
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("writes the NYCT extension with the real feeds' quirks", () => {
    const last = (feed: string) => decodeSubway(frames.filter((f) => f.feed === feed).at(-1)!.body);
    const irt = last("subway-1234567s");
    expect(irt.header[NYCT_HEADER].nyctSubwayVersion).toBe("1.0");
    expect(irt.header[NYCT_HEADER].tripReplacementPeriod.map((p: any) => p.routeId)).toContain("S");
    const irtTrips = irt.entity.filter((e: any) => e.tripUpdate).map((e: any) => e.tripUpdate);
    // 1234567S: no start_time; unassigned trips wait at the origin with no arrival there.
    expect(irtTrips.every((t: any) => t.trip.startTime === undefined)).toBe(true);
    const pending = irtTrips.filter((t: any) => !t.trip[NYCT_TRIP].isAssigned);
    expect(pending.length).toBeGreaterThan(20);
    for (const t of pending) {
      expect(t.stopTimeUpdate[0].arrival).toBeUndefined();
      expect(t.stopTimeUpdate[0].departure.time).toBeGreaterThan(irt.header.timestamp);
    }
    for (const t of irtTrips) {
      expect(t.stopTimeUpdate.at(-1).departure).toBeUndefined();
      expect(t.trip[NYCT_TRIP].trainId).toMatch(/^0[1-7S] \d{4}[+ ] [0-9A-Z]{3}\/[0-9A-Z]{3}$/);
      expect(t.trip[NYCT_TRIP].direction).toBe(t.trip.tripId.includes(".S") ? "SOUTH" : undefined);
      expect(t.stopTimeUpdate[1]?.[NYCT_STU]?.actualTrack).toBeUndefined();
    }

    const ace = last("subway-ace");
    const period = ace.header[NYCT_HEADER].tripReplacementPeriod[0].replacementPeriod;
    expect(period.end - ace.header.timestamp).toBe(3600);
    const aceTrips = ace.entity.filter((e: any) => e.tripUpdate).map((e: any) => e.tripUpdate);
    for (const t of aceTrips) {
      expect(t.trip.startTime).toMatch(/^\d\d:\d\d:\d\d$/);
      for (const u of t.stopTimeUpdate) expect(u[NYCT_STU].actualTrack).toMatch(/^[A-Z]?\d$/);
    }
    // Lettered feeds list the next hour's trips, unassigned, with a vehicle at their origin.
    const unassigned = ace.entity.filter((e: any) => e.vehicle && !e.vehicle.trip[NYCT_TRIP].isAssigned);
    expect(unassigned.length).toBeGreaterThan(10);
    expect(unassigned.every((e: any) => e.vehicle.currentStatus === undefined)).toBe(true);
    expect(ace.entity[0].id).toMatch(/^\d{6}A$/);

    const l = last("subway-l");
    expect(l.header.incrementality).toBe("FULL_DATASET");
    const lPeriod = l.header[NYCT_HEADER].tripReplacementPeriod[0].replacementPeriod;
    expect(lPeriod.end - lPeriod.start).toBe(1800);
    // A trip with more than its last stop ahead (the last stop has no departure).
    const lTrip = l.entity.find((e: any) => e.tripUpdate?.stopTimeUpdate.length > 1).tripUpdate;
    expect(lTrip.stopTimeUpdate[0].stopSequence).toBeGreaterThan(0);
    expect(lTrip.stopTimeUpdate[0].departure.delay).toBeTypeOf("number");
    expect(l.entity[0].id).toMatch(/^\d+$/);
  });
});

describe("the held train", () => {
  const frames = sliceFrames(world, { fromS: 8 * H, toS: 8 * H + 50 * M, feeds: ["subway-1234567s"] });
  const polls = frames.map((f) => decodeBase(f.body));

  // Found from the feed alone: the train whose position report grows oldest.
  const maxLag = new Map<string, { lag: number; stopId: string }>();
  for (const p of polls) {
    for (const e of p.entity) {
      if (!e.vehicle?.timestamp) continue;
      const lag = p.header.timestamp - e.vehicle.timestamp;
      if (lag > (maxLag.get(e.vehicle.trip.tripId)?.lag ?? 0))
        maxLag.set(e.vehicle.trip.tripId, { lag, stopId: e.vehicle.stopId });
    }
  }
  const ranked = [...maxLag].sort((a, b) => b[1].lag - a[1].lag);
  const heldTripId = ranked[0][0];
  const stale = new Set(ranked.filter(([, v]) => v.lag > 600).map(([id]) => id));

  it("is a northbound 4 train standing at 14 St-Union Sq, its position report lagging", () => {
    expect(heldTripId).toMatch(/_4\.\.N/);
    expect(ranked[0][1].stopId).toBe("635N");
    expect(ranked[0][1].lag).toBeGreaterThan(12 * M);
    for (const p of polls) {
      const v = p.entity.find((e: any) => e.vehicle?.trip.tripId === heldTripId)?.vehicle;
      if (v && p.header.timestamp - v.timestamp > 90) expect(v.currentStatus).toBe("STOPPED_AT");
    }
    // The only other trains this stale are the 4s and 5s queued behind it: stuck on the way to 14 St or south of it.
    for (const id of stale) expect(id).toMatch(/_[45]\.\.N/);
    const south = new Set(["635N", "640N", "418N", "419N", "420N", "423N", "234N", "235N"]);
    for (const [id, v] of ranked.slice(1))
      if (stale.has(id)) expect(south.has(v.stopId), `${id} at ${v.stopId}`).toBe(true);
  });

  it("has predictions that keep growing while it is held", () => {
    const tripId = heldTripId;
    const predicted: number[] = [];
    for (const p of polls) {
      const v = p.entity.find((e: any) => e.vehicle?.trip.tripId === tripId)?.vehicle;
      if (v?.stopId !== "635N" || p.header.timestamp - v.timestamp <= 90) continue;
      const tu = p.entity.find((e: any) => e.tripUpdate?.trip.tripId === tripId).tripUpdate;
      // The terminal's predicted arrival, Woodlawn.
      predicted.push(tu.stopTimeUpdate.at(-1).arrival.time);
    }
    expect(predicted.length).toBeGreaterThan(15);
    for (let i = 1; i < predicted.length; i++) expect(predicted[i]).toBeGreaterThanOrEqual(predicted[i - 1]);
    expect(predicted.at(-1)! - predicted[0]).toBeGreaterThan(8 * M);
  });

  it("delays the 4 and 5 trains behind it", () => {
    const lateness = (p: any) =>
      p.entity
        .filter(
          (e: any) =>
            e.tripUpdate &&
            /_[45]\.\.N/.test(e.tripUpdate.trip.tripId) &&
            e.tripUpdate.trip.tripId !== heldTripId,
        )
        .flatMap((e: any) => {
          const u = e.tripUpdate.stopTimeUpdate.find((x: any) => x.stopId === "635N");
          const plan = scheduled.get(e.tripUpdate.trip.tripId)!.stops.find((s) => s.stopId === "635N");
          if (!u || !plan) return [];
          const planned = midnightS + scheduled.get(e.tripUpdate.trip.tripId)!.start + plan.offset;
          return [(u.arrival?.time ?? u.departure.time) - planned];
        });
    const before = lateness(polls[0]); // 08:00, before the hold
    const during = lateness(polls[Math.round((8 * H + 28 * M - 8 * H) / 30)]); // 08:28
    expect(during.filter((d: number) => d > 5 * M).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...during)).toBeGreaterThan(Math.max(...before) + 5 * M);
  });
});

describe("an ordinary day (no incidents)", () => {
  const quiet = buildDemoWorld({ seed: 11, date: "2025-10-02", incidents: [] });

  it("runs trains to their timetable: nearly every arrival within two minutes of it", () => {
    let stops = 0;
    let late = 0;
    for (const t of quiet.trips)
      for (const s of t.stops.slice(1)) {
        stops++;
        // The timetable publishes departures; a train arrives a dwell before.
        if (s.arr - (s.nominal - s.dwell) > 2 * M) late++;
      }
    expect(stops).toBeGreaterThan(200_000);
    expect(late / stops).toBeLessThan(0.002);
  });

  it("keeps the gaps between trains at a station within two minutes of the timetable's", () => {
    const byPlatform = new Map<string, { arr: number; nominal: number }[]>();
    for (const t of quiet.trips)
      for (const s of t.stops.slice(1)) {
        const key = `${t.trip.routeId}|${s.stopId}`;
        const list = byPlatform.get(key) ?? [];
        list.push(s);
        byPlatform.set(key, list);
      }
    let gaps = 0;
    let long = 0;
    for (const list of byPlatform.values()) {
      const arr = list.map((s) => s.arr).sort((a, b) => a - b);
      const nominal = list.map((s) => s.nominal).sort((a, b) => a - b);
      for (let i = 1; i < arr.length; i++) {
        gaps++;
        if (arr[i] - arr[i - 1] - (nominal[i] - nominal[i - 1]) >= 2 * M) long++;
      }
    }
    expect(gaps).toBeGreaterThan(200_000);
    expect(long / gaps).toBeLessThan(0.001);
  });
});

describe("bunching on the L after a door problem", () => {
  it("leaves a long gap ahead of the delayed train and trains close behind it", () => {
    // Manhattan-bound arrivals at Bedford Av as they happened, 08:30-09:30 (every 3 minutes planned).
    const arrivals = world.trips
      .filter((t) => t.dayOffset === 0 && t.trip.routeId === "L" && t.trip.direction === "N")
      .map((t) => t.stops.find((s) => s.stopId === "L08N")!.arr)
      .filter((a) => a >= 8.5 * H && a < 9.5 * H)
      .sort((a, b) => a - b);
    const gaps = arrivals.slice(1).map((a, i) => a - arrivals[i]);
    expect(Math.max(...gaps)).toBeGreaterThan(6 * M);
    expect(gaps.filter((g) => g < 100).length).toBeGreaterThanOrEqual(2);
  });
});

describe("reroutes and express trains running local", () => {
  it("runs the northbound F via the E line in the afternoon incident", () => {
    const [f] = sliceFrames(world, { fromS: 14 * H, toS: 14 * H + 30, feeds: ["subway-bdfm"] });
    const trips = decodeBase(f.body)
      .entity.filter(
        (e: any) => e.tripUpdate?.trip.routeId === "F" && e.tripUpdate.trip.tripId.includes("..N"),
      )
      .map((e: any) => e.tripUpdate.stopTimeUpdate.map((u: any) => u.stopId));
    // 42 St-Port Authority (A27) is an 8 Av line station the F does not normally serve.
    expect(trips.filter((ids: string[]) => ids.includes("A27N")).length).toBeGreaterThan(0);
  });

  it("lists no F via the E line before the signal problems start at 13:30", () => {
    const [f] = sliceFrames(world, {
      fromS: 13 * H + 25 * M,
      toS: 13 * H + 25 * M + 30,
      feeds: ["subway-bdfm"],
    });
    const northF = decodeBase(f.body).entity.filter(
      (e: any) => e.tripUpdate?.trip.routeId === "F" && e.tripUpdate.trip.tripId.includes("..N"),
    );
    // The feed lists the next hour's trips, some of them to be rerouted: still on their timetable's stops.
    expect(northF.length).toBeGreaterThan(10);
    for (const e of northF)
      expect(e.tripUpdate.stopTimeUpdate.map((u: any) => u.stopId)).not.toContain("A27N");
    const rerouted = world.trips.filter(
      (t) => t.changedBy === "signal-F" && t.stops[0].nominal < 13 * H + 25 * M,
    );
    expect(rerouted.length).toBeGreaterThan(0);
  });

  it("runs downtown 2 trains local on the local track in the evening incident", () => {
    const frames = sliceFrames(world, { fromS: 19 * H, toS: 19 * H + 10 * M, feeds: ["subway-1234567s"] });
    const stus = frames.flatMap((f) =>
      decodeSubway(f.body)
        .entity.filter((e: any) => e.tripUpdate?.trip.tripId.match(/_2\.\.S/))
        .flatMap((e: any) => e.tripUpdate.stopTimeUpdate),
    );
    // 50 St (126) is a local stop the 2 normally runs through.
    expect(stus.filter((u: any) => u.stopId === "126S").length).toBeGreaterThan(0);
    // Standing at an express station, the train shows the local track against the timetable's express track.
    const swapped = stus.filter(
      (u: any) => u[NYCT_STU].actualTrack === "1" && u[NYCT_STU].scheduledTrack === "2",
    );
    expect(swapped.length).toBeGreaterThan(0);
  });

  it("leaves out a few C trips (cancelled: missing within the replacement period)", () => {
    expect(world.cancelled.map((t) => t.trip.routeId)).toEqual(["C", "C", "C"]);
  });
});
