/**
 * Conformance over every real subway sample in ../shared/data/subway-rt.
 * Expected values come from other decoders: gtfs-realtime-bindings for the
 * base GTFS-realtime fields, a schema-free wire walk for the NYCT extension.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { describe, expect, it } from "vitest";
import { listFilesRecursive, sharedDataPath } from "../gtfsrt/shared-data";
import { at, num, str, walk } from "../gtfsrt/wire-walk.testutil";
import { decodeSubwayFeed } from "./decode";
import type { SubwayFeedSnapshot } from "./types";

const DIR = sharedDataPath("subway-rt");
const present = existsSync(DIR);
if (!present) console.warn(`conformance: ${DIR} absent, skipping the real subway samples`);
const files = listFilesRecursive(DIR);

type Bare = GtfsRealtimeBindings.transit_realtime.FeedMessage;
type Loaded = { name: string; bytes: Buffer; bare: Bare; snapshot: SubwayFeedSnapshot };

function load(path: string): Loaded {
  const bytes = readFileSync(path);
  const r = decodeSubwayFeed(bytes, { feed: basename(path) }, { maxAgeMs: Number.POSITIVE_INFINITY });
  if (!r.ok) throw r.error;
  return {
    name: basename(path),
    bytes,
    bare: GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(bytes),
    snapshot: r.value,
  };
}

const byName = (name: string): Loaded => {
  const path = files.find((f) => basename(f) === name);
  if (!path) throw new Error(`sample ${name} missing`);
  return load(path);
};

type BareTripUpdate = GtfsRealtimeBindings.transit_realtime.ITripUpdate;
const stus = (tu: BareTripUpdate) => tu.stopTimeUpdate ?? [];
const allStops = (s: SubwayFeedSnapshot) => s.trips.flatMap((t) => t.stops);
const seconds = (v: unknown) => Number(v);

describe.skipIf(!present)("subway conformance: every sample", () => {
  it("finds the samples", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(files.map((f) => [basename(f), f]))("%s", (_name, path) => {
    const { bytes, bare, snapshot } = load(path);
    const tripUpdates = bare.entity.filter((e) => e.tripUpdate).map((e) => e.tripUpdate!);
    const vehicles = bare.entity.filter((e) => e.vehicle).map((e) => e.vehicle!);
    const wire = walk(bytes);

    it("has the feed timestamp and the NYCT header extension, version 1.0", () => {
      expect(snapshot.timestamp).toBe(seconds(bare.header.timestamp) * 1000);
      const [nyctHeader] = at(wire, 1, 1001);
      expect(str(nyctHeader, 1)).toBe("1.0");
      expect(snapshot.nyctVersion).toBe("1.0");
      expect(snapshot.replacementPeriods.length).toBe(at(nyctHeader, 2).length);
    });

    it("keeps every stop-time update, each at the time the first-stop rule gives", () => {
      const expected = tripUpdates.flatMap((tu) =>
        stus(tu).map((u, i) => {
          const arrival = u.arrival?.time != null ? seconds(u.arrival.time) * 1000 : undefined;
          const departure = u.departure?.time != null ? seconds(u.departure.time) * 1000 : undefined;
          return [u.stopId, i === 0 ? (departure ?? arrival) : (arrival ?? departure)];
        }),
      );
      expect(allStops(snapshot).map((s) => [s.stopId, s.time])).toEqual(expected);
      expect(snapshot.dropped).toBe(0);
    });

    it("has one trip per distinct (trip id, start date, train id), with a vehicle per vehicle entity", () => {
      const keyOf = (descriptor: (typeof entities)[number]) => {
        const nyct = at(descriptor, 1001)[0];
        return [str(descriptor, 1), str(descriptor, 3), nyct && str(nyct, 1)].join("/");
      };
      const entities = at(wire, 2);
      const updateKeys = entities.flatMap((e) => at(e, 3, 1)).map(keyOf);
      const vehicleKeys = entities.flatMap((e) => at(e, 4, 1)).map(keyOf);
      expect(snapshot.trips.length).toBe(new Set([...updateKeys, ...vehicleKeys]).size);
      expect(snapshot.trips.filter((t) => t.vehicle).length).toBe(vehicles.length);
      expect(snapshot.trips.filter((t) => t.stops.length === 0).length).toBe(
        tripUpdates.filter((tu) => stus(tu).length === 0).length,
      );
    });

    it("carries every train id the NYCT trip extension holds", () => {
      const trainIds = at(wire, 2, 3, 1, 1001)
        .map((m) => str(m, 1))
        .filter((x): x is string => x !== undefined);
      expect(
        snapshot.trips
          .map((t) => t.trainId)
          .filter((x) => x !== null)
          .sort(),
      ).toEqual(trainIds.sort());
    });

    it("carries every scheduled and actual track", () => {
      const ext = at(wire, 2, 3, 2, 1001);
      const stops = allStops(snapshot);
      expect(stops.filter((s) => s.scheduledTrack !== undefined).length).toBe(
        ext.filter((m) => m.has(1)).length,
      );
      expect(stops.filter((s) => s.actualTrack !== undefined).length).toBe(
        ext.filter((m) => m.has(2)).length,
      );
    });

    it("covers the same stations as the stop ids, minus their N/S suffix", () => {
      const stations = new Set(
        tripUpdates.flatMap((tu) => stus(tu).map((u) => (u.stopId ?? "").replace(/[NS]$/, ""))),
      );
      expect(new Set(allStops(snapshot).map((s) => s.stationId))).toEqual(stations);
    });

    it("gives each trip the direction its stop ids travel in", () => {
      for (const t of snapshot.trips)
        for (const s of t.stops)
          expect(`${t.tripId} ${s.stopId} ${s.direction}`).toBe(`${t.tripId} ${s.stopId} ${t.direction}`);
    });

    it("takes the explicit NYCT direction, else the trip id's, wherever no stop id contradicts it", () => {
      const nyctDirection = new Map<string, number | undefined>();
      for (const descriptor of at(wire, 2).flatMap((e) => [...at(e, 3, 1), ...at(e, 4, 1)])) {
        const nyct = at(descriptor, 1001)[0];
        nyctDirection.set(
          [str(descriptor, 1), str(descriptor, 3), nyct && str(nyct, 1)].join("/"),
          nyct && num(nyct, 3),
        );
      }
      let checked = 0;
      for (const t of snapshot.trips) {
        if (t.stops.length > 0) continue; // those follow their stop ids (test above)
        const wireDirection = nyctDirection.get(
          [t.tripId, t.startDate ?? undefined, t.trainId ?? undefined].join("/"),
        );
        const expected =
          wireDirection === 3 ? "S" : wireDirection === 1 ? "N" : /\.\.?([NS])(\d|$)/.exec(t.tripId)?.[1];
        if (expected === undefined) continue;
        expect(`${t.tripId} ${t.direction}`).toBe(`${t.tripId} ${expected}`);
        checked++;
      }
      expect(checked).toBe(snapshot.trips.filter((t) => t.stops.length === 0).length);
    });

    it("never writes NORTH on the wire (2025 lettered and numbered feeds; the L is produced differently)", () => {
      if (!path.includes("2025-10-02") || path.endsWith("gtfs-l.pb")) return;
      expect(at(wire, 2, 3, 1, 1001).map((m) => num(m, 3))).not.toContain(1);
    });

    it("has no vehicle latitude/longitude anywhere", () => {
      expect(vehicles.filter((v) => v.position).length).toBe(0);
    });

    it("parses every trip id, and derives a missing start time from it", () => {
      for (const t of snapshot.trips) {
        expect(t.parsedTripId, t.tripId).not.toBeNull();
        if (!t.startTimeDerived) continue;
        const hundredths = Number(t.tripId.slice(0, 6));
        const total = Math.round((hundredths * 60) / 100);
        const hms = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
        expect(t.startTime).toBe(hms.map((n) => String(n).padStart(2, "0")).join(":"));
      }
    });
  });
});

describe.skipIf(!present)("subway conformance: known facts", () => {
  it("1234567S: no start_time, first stops often lack arrival, last stops lack departure, mostly scheduled_track only", () => {
    for (const name of ["nyct_gtfs-1234567s.pb", "nyct_gtfs-1234567s.2.pb"]) {
      const { bare, snapshot } = byName(name);
      const tus = bare.entity.filter((e) => e.tripUpdate).map((e) => e.tripUpdate!);
      expect(tus.every((tu) => !tu.trip.startTime)).toBe(true);
      expect(snapshot.trips.every((t) => t.startTimeDerived)).toBe(true);
      const firstWithoutArrival = tus.filter((tu) => stus(tu)[0] && !stus(tu)[0].arrival);
      expect(firstWithoutArrival.length).toBeGreaterThan(0);
      // those first stops are timed by their departure
      for (const tu of firstWithoutArrival) {
        const trip = snapshot.trips.find((t) => t.tripId === tu.trip.tripId)!;
        expect(trip.stops[0].time).toBe(Number(stus(tu)[0].departure!.time) * 1000);
      }
      expect(tus.filter((tu) => stus(tu).at(-1)?.departure == null).length).toBeGreaterThan(tus.length / 2);
      const stops = allStops(snapshot);
      expect(stops.filter((s) => s.actualTrack).length).toBeLessThan(
        stops.filter((s) => s.scheduledTrack).length / 2,
      );
    }
  });

  it("lettered feeds set start_time, both times and actual_track; some trip updates have no stops", () => {
    let emptyTrips = 0;
    for (const name of ["nyct_gtfs-ace.pb", "nyct_gtfs-bdfm.pb", "nyct_gtfs-nqrw.pb", "nyct_gtfs-jz.pb"]) {
      const { snapshot } = byName(name);
      expect(snapshot.trips.every((t) => !t.startTimeDerived)).toBe(true);
      const stops = allStops(snapshot);
      expect(stops.filter((s) => s.actualTrack).length).toBeGreaterThan(stops.length / 2);
      emptyTrips += snapshot.trips.filter((t) => t.stops.length === 0).length;
    }
    expect(emptyTrips).toBeGreaterThan(0);
  });

  it("the L feed sets stop_sequence, delay and direction_id, and says NORTH explicitly", () => {
    const { bare, snapshot } = byName("nyct_gtfs-l.pb");
    expect(allStops(snapshot).every((s) => s.stopSequence !== undefined)).toBe(true);
    const tus = bare.entity.filter((e) => e.tripUpdate).map((e) => e.tripUpdate!);
    expect(tus.every((tu) => tu.trip.directionId != null)).toBe(true);
    expect(tus.some((tu) => stus(tu).some((u) => u.arrival?.delay != null))).toBe(true);
    expect(snapshot.trips.every((t) => t.directionSource === "nyct")).toBe(true);
    expect(snapshot.trips.some((t) => t.direction === "N")).toBe(true);
  });

  it("trip_id's route part differs from route_id: 6X trips run as 6..N/S", () => {
    const { snapshot } = byName("nyct_gtfs-1234567s.pb");
    const sixX = snapshot.trips.filter((t) => t.routeId === "6X");
    expect(sixX.length).toBeGreaterThan(0);
    expect(new Set(sixX.map((t) => t.tripRoute))).toEqual(new Set(["6"]));
  });

  it("the dot padding varies: SI..N and GS.N03R both parse", () => {
    const si = byName("nyct_gtfs-si.pb").snapshot.trips;
    expect(si.length).toBeGreaterThan(0);
    expect(si.every((t) => t.tripRoute === "SI" && t.tripId.includes("SI.."))).toBe(true);
    const gs = byName("nyct_gtfs-1234567s.pb").snapshot.trips.filter((t) => /_GS\.[NS]/.test(t.tripId));
    expect(gs.length).toBeGreaterThan(0);
    for (const t of gs) expect([t.tripRoute, t.direction]).toEqual(["GS", t.tripId.split(".")[1][0]]);
  });

  it("has_empty_route_id: the trip with an empty route_id (and trip route) gets one from its train id", () => {
    const { bare, snapshot } = byName("has_empty_route_id.protobuf");
    const empty = bare.entity.filter((e) => e.tripUpdate && !e.tripUpdate.trip.routeId);
    expect(empty).toHaveLength(1);
    const trip = snapshot.trips.find((t) => t.tripId === empty[0].tripUpdate!.trip.tripId)!;
    expect([trip.tripRoute, trip.routeId]).toEqual(["", "1"]);
    expect(trip.trainId?.charAt(1)).toBe("1");
  });

  it("2_train_with_0_shape: trip 050350_0 (route part '0') is a northbound 2, and repeated trip ids stay apart", () => {
    const { bare, snapshot } = byName("2_train_with_0_shape.nyct.gtfsrt");
    const trip = snapshot.trips.find((t) => t.tripId === "050350_0")!;
    expect([trip.tripRoute, trip.routeId, trip.direction, trip.directionSource]).toEqual([
      "0",
      "2",
      "N",
      "stops",
    ]);
    const ids = bare.entity.filter((e) => e.tripUpdate).map((e) => e.tripUpdate!.trip.tripId);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(snapshot.trips.length).toBe(ids.length);
  });

  it("2_delay: a GS trip marked SOUTH while calling at northbound platforms follows its platforms", () => {
    const trip = byName("2_delay.nyct.gtfsrt").snapshot.trips.find((t) => t.tripId === "131000_GS.N01R")!;
    expect(trip.stops.map((s) => s.stopId[3])).toEqual(trip.stops.map(() => "N"));
    expect([trip.direction, trip.directionSource]).toEqual(["N", "stops"]);
  });

  it("2_delay: a 'Train delayed' alert entity names a delayed 2 train", () => {
    const { bare, snapshot } = byName("2_delay.nyct.gtfsrt");
    const alerts = bare.entity.filter((e) => e.alert);
    expect(snapshot.alerts).toHaveLength(alerts.length);
    expect(snapshot.alerts[0].text).toBe("Train delayed");
    expect(snapshot.alerts[0].trips.map((t) => t.tripId)).toEqual(
      (alerts[0].alert!.informedEntity ?? []).map((e) => e.trip!.tripId),
    );
    expect(snapshot.alerts[0].trips.some((t) => t.routeId === "2")).toBe(true);
  });
});
