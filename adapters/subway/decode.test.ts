import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { describe, expect, it } from "vitest";
import type {
  StopTimeUpdateObject,
  SubwayFeedMessageObject,
  SubwayTripDescriptorObject,
} from "../gtfsrt/objects";
import { encodeSubwayFeedMessage } from "../gtfsrt/schema";
import { StaleFeedError } from "../gtfsrt/stale";
import { decodeSubwayFeed } from "./decode";
import { syntheticSubwayFeed } from "./synthetic-feed";
import type { SubwayFeedSnapshot, SubwayTrip } from "./types";

const T0 = 1_759_414_800; // feed timestamp, epoch s
const ctx = { feed: "subway-ace", url: "http://127.0.0.1/nyct%2Fgtfs-ace", receivedAt: T0 * 1000 + 5_000 };
const { transit_realtime } = GtfsRealtimeBindings;
type Entity = NonNullable<SubwayFeedMessageObject["entity"]>[number];

function feed(entity: Entity[], header: Partial<SubwayFeedMessageObject["header"]> = {}): Uint8Array {
  return encodeSubwayFeedMessage({
    header: {
      gtfsRealtimeVersion: "1.0",
      timestamp: T0,
      ".transit_realtime.nyctFeedHeader": { nyctSubwayVersion: "1.0" },
      ...header,
    },
    entity,
  });
}

function tripUpdate(
  id: string,
  trip: SubwayTripDescriptorObject,
  stops: StopTimeUpdateObject[] = [],
): Entity {
  return { id, tripUpdate: { trip, stopTimeUpdate: stops } };
}

function decodeOk(bytes: Uint8Array, options = {}): SubwayFeedSnapshot {
  const r = decodeSubwayFeed(bytes, ctx, options);
  if (!r.ok) throw r.error;
  return r.value;
}

function onlyTrip(bytes: Uint8Array): SubwayTrip {
  const { trips } = decodeOk(bytes);
  expect(trips).toHaveLength(1);
  return trips[0];
}

const nyct = (d: NonNullable<SubwayTripDescriptorObject[".transit_realtime.nyctTripDescriptor"]>) => ({
  ".transit_realtime.nyctTripDescriptor": d,
});

describe("decodeSubwayFeed: header", () => {
  it("reads timestamp, versions and replacement periods in ms", () => {
    const s = decodeOk(
      feed([], {
        ".transit_realtime.nyctFeedHeader": {
          nyctSubwayVersion: "1.0",
          tripReplacementPeriod: [
            { routeId: "A", replacementPeriod: { end: T0 + 1800 } },
            { routeId: "L", replacementPeriod: { start: T0, end: T0 + 60 } },
            { routeId: "C" }, // no period: says nothing, left out
          ],
        },
      }),
    );
    expect(s.timestamp).toBe(T0 * 1000);
    expect(s.receivedAt).toBe(ctx.receivedAt);
    expect(s.nyctVersion).toBe("1.0");
    expect(s.gtfsRealtimeVersion).toBe("1.0");
    expect(s.feed).toBe("subway-ace");
    expect(s.replacementPeriods).toEqual([
      { routeId: "A", endMs: (T0 + 1800) * 1000 },
      { routeId: "L", startMs: T0 * 1000, endMs: (T0 + 60) * 1000 },
    ]);
  });
});

describe("decodeSubwayFeed: wire ranges", () => {
  it("gives each trip the bytes of its own trip_update message (read back by gtfs-realtime-bindings)", () => {
    const bytes = syntheticSubwayFeed({ trips: 4, stopsPerTrip: 3, timestamp: T0 });
    const snap = decodeOk(bytes);
    expect(snap.trips).toHaveLength(4);
    for (const trip of snap.trips) {
      expect(trip.wire).toBe(bytes);
      const update = transit_realtime.TripUpdate.decode(bytes.subarray(trip.wireStart, trip.wireEnd));
      expect(update.trip.tripId).toBe(trip.tripId);
      expect(update.stopTimeUpdate.map((s) => s.stopId)).toEqual(trip.stops.map((s) => s.stopId));
    }
  });

  it("gives none to a trip known by its vehicle only", () => {
    const snap = decodeOk(
      feed([{ id: "1", vehicle: { trip: { tripId: "052200_A..S55R" }, stopId: "A02S" } }]),
    );
    expect(snap.trips[0].wire).toBeUndefined();
  });
});

describe("decodeSubwayFeed: direction", () => {
  it("takes an explicit NYCT direction first, even against the trip id", () => {
    const t = onlyTrip(
      feed([tripUpdate("1", { tripId: "052200_A..N55R", ...nyct({ direction: "SOUTH" }) })]),
    );
    expect([t.direction, t.directionSource]).toEqual(["S", "nyct"]);
  });

  it("lets stop ids that all contradict an explicit NYCT direction win (a real producer slip)", () => {
    const stops = [
      { stopId: "901N", departure: { time: T0 } },
      { stopId: "902N", arrival: { time: T0 + 90 } },
    ];
    const t = onlyTrip(
      feed([tripUpdate("1", { tripId: "131000_GS.N01R", ...nyct({ direction: "SOUTH" }) }, stops)]),
    );
    expect([t.direction, t.directionSource]).toEqual(["N", "stops"]);
    const mixed = [
      { stopId: "901N", departure: { time: T0 } },
      { stopId: "902S", arrival: { time: T0 + 90 } },
    ];
    const m = onlyTrip(
      feed([tripUpdate("1", { tripId: "131000_GS.N01R", ...nyct({ direction: "SOUTH" }) }, mixed)]),
    );
    expect([m.direction, m.directionSource]).toEqual(["S", "nyct"]);
  });

  it("does not read NORTH into an absent NYCT direction when the trip id says S", () => {
    const t = onlyTrip(
      feed([tripUpdate("1", { tripId: "052200_A..S55R", ...nyct({ trainId: "1A 0842" }) })]),
    );
    expect([t.direction, t.directionSource]).toEqual(["S", "tripId"]);
  });

  it("falls back to the stop ids when the trip id has no direction", () => {
    const t = onlyTrip(
      feed([
        tripUpdate("1", { tripId: "050350_0", routeId: "2" }, [
          { stopId: "246S", arrival: { time: T0 + 60 } },
        ]),
      ]),
    );
    expect([t.direction, t.directionSource]).toEqual(["S", "stops"]);
  });

  it("falls back to the vehicle's stop for a trip seen only as a vehicle", () => {
    const t = onlyTrip(feed([{ id: "1", vehicle: { trip: { tripId: "050350_0" }, stopId: "246S" } }]));
    expect([t.direction, t.directionSource]).toEqual(["S", "stops"]);
  });

  it("assumes NORTH (the proto default) only when nothing else says", () => {
    const t = onlyTrip(feed([tripUpdate("1", { tripId: "050350_0", ...nyct({ trainId: "x" }) })]));
    expect([t.direction, t.directionSource]).toEqual(["N", "default"]);
  });

  it("treats EAST/WEST as saying nothing", () => {
    const t = onlyTrip(feed([tripUpdate("1", { tripId: "052200_A..S", ...nyct({ direction: "EAST" }) })]));
    expect([t.direction, t.directionSource]).toEqual(["S", "tripId"]);
  });

  it("gives a stop without N/S suffix its trip's direction", () => {
    const t = onlyTrip(
      feed([tripUpdate("1", { tripId: "052200_A..S" }, [{ stopId: "X99", arrival: { time: T0 } }])]),
    );
    expect(t.stops[0]).toMatchObject({ stopId: "X99", stationId: "X99", direction: "S" });
  });
});

describe("decodeSubwayFeed: route and identity", () => {
  it("keeps route_id and the trip id's route apart (a 6X runs as 6..N)", () => {
    const t = onlyTrip(feed([tripUpdate("1", { tripId: "087800_6..N02R", routeId: "6X" })]));
    expect([t.routeId, t.tripRoute]).toEqual(["6X", "6"]);
  });

  it("derives an empty route_id from the trip id", () => {
    const t = onlyTrip(feed([tripUpdate("1", { tripId: "087800_6..N02R", routeId: "" })]));
    expect(t.routeId).toBe("6");
  });

  it("derives it from the train id when the trip id has no route either", () => {
    const t = onlyTrip(
      feed([
        tripUpdate("1", { tripId: "060750_..N", routeId: "", ...nyct({ trainId: "E1 1007+ 215/240" }) }),
      ]),
    );
    expect([t.routeId, t.tripRoute]).toEqual(["1", ""]);
  });

  it("derives start_time from the trip id's origin when absent, keeps it when present", () => {
    const derived = onlyTrip(feed([tripUpdate("1", { tripId: "085350_1..N03R" })]));
    expect([derived.startTime, derived.startTimeDerived]).toEqual(["14:13:30", true]);
    const given = onlyTrip(feed([tripUpdate("1", { tripId: "052200_A..N55R", startTime: "08:42:30" })]));
    expect([given.startTime, given.startTimeDerived]).toEqual(["08:42:30", false]);
    const none = onlyTrip(feed([tripUpdate("1", { tripId: "weird" })]));
    expect([none.startTime, none.startTimeDerived, none.parsedTripId]).toEqual([null, false, null]);
  });

  it("reads is_assigned as false when absent, and keeps train id and start date", () => {
    const absent = onlyTrip(
      feed([tripUpdate("1", { tripId: "052200_A..N", ...nyct({ trainId: "1A 0842" }) })]),
    );
    expect(absent.isAssigned).toBe(false);
    const set = onlyTrip(
      feed([
        tripUpdate("1", {
          tripId: "052200_A..N",
          startDate: "20251002",
          ...nyct({ trainId: "1A 0842", isAssigned: true }),
        }),
      ]),
    );
    expect([set.isAssigned, set.trainId, set.startDate]).toEqual([true, "1A 0842", "20251002"]);
    const noNyct = onlyTrip(feed([tripUpdate("1", { tripId: "052200_A..N" })]));
    expect([noNyct.trainId, noNyct.isAssigned, noNyct.startDate]).toEqual([null, false, null]);
  });
});

describe("decodeSubwayFeed: stops", () => {
  const stops: StopTimeUpdateObject[] = [
    // first stop: departure wins over arrival
    {
      stopId: "A02N",
      arrival: { time: T0 + 10 },
      departure: { time: T0 + 40 },
      ".transit_realtime.nyctStopTimeUpdate": { scheduledTrack: "A1", actualTrack: "A3" },
    },
    // elsewhere: arrival wins over departure
    { stopId: "A03N", arrival: { time: T0 + 100 }, departure: { time: T0 + 130 } },
    // no arrival: fall back to departure
    { stopId: "A05N", departure: { time: T0 + 200 }, stopSequence: 7 },
    // only a delay, no time: nothing to place it by
    { stopId: "A06N", arrival: { delay: 30 } },
    // no stop id
    { arrival: { time: T0 + 300 } },
  ];

  it("picks each stop's time by position, in ms, and keeps both times and tracks", () => {
    const s = decodeOk(feed([tripUpdate("1", { tripId: "052200_A..N" }, stops)]));
    expect(s.trips[0].stops).toEqual([
      {
        stopId: "A02N",
        stationId: "A02",
        direction: "N",
        time: (T0 + 40) * 1000,
        arrival: (T0 + 10) * 1000,
        departure: (T0 + 40) * 1000,
        scheduledTrack: "A1",
        actualTrack: "A3",
      },
      {
        stopId: "A03N",
        stationId: "A03",
        direction: "N",
        time: (T0 + 100) * 1000,
        arrival: (T0 + 100) * 1000,
        departure: (T0 + 130) * 1000,
      },
      {
        stopId: "A05N",
        stationId: "A05",
        direction: "N",
        time: (T0 + 200) * 1000,
        departure: (T0 + 200) * 1000,
        stopSequence: 7,
      },
    ]);
    expect(s.dropped).toBe(2);
  });

  it("falls back to arrival at the first stop when it has no departure", () => {
    const t = onlyTrip(
      feed([tripUpdate("1", { tripId: "052200_A..N" }, [{ stopId: "A02N", arrival: { time: T0 } }])]),
    );
    expect(t.stops[0].time).toBe(T0 * 1000);
  });

  it("keeps a trip with no stop-time updates", () => {
    expect(onlyTrip(feed([tripUpdate("1", { tripId: "052200_A..N" })])).stops).toEqual([]);
  });
});

describe("decodeSubwayFeed: merging entities", () => {
  it("joins a trip's vehicle to its trip update, with times in ms", () => {
    const trip = { tripId: "052200_A..N", startDate: "20251002", ...nyct({ trainId: "1A 0842" }) };
    const t = onlyTrip(
      feed([
        tripUpdate("1", trip, [{ stopId: "A02N", arrival: { time: T0 } }]),
        {
          id: "2",
          vehicle: {
            trip,
            stopId: "A02N",
            currentStatus: "STOPPED_AT",
            currentStopSequence: 4,
            timestamp: T0 - 30,
          },
        },
      ]),
    );
    expect(t.vehicle).toEqual({
      stopId: "A02N",
      status: "STOPPED_AT",
      currentStopSequence: 4,
      timestamp: (T0 - 30) * 1000,
    });
  });

  it("leaves an absent current_status undefined rather than IN_TRANSIT_TO", () => {
    const t = onlyTrip(feed([{ id: "1", vehicle: { trip: { tripId: "052200_A..N" }, timestamp: T0 } }]));
    expect(t.vehicle).toEqual({ timestamp: T0 * 1000 });
  });

  it("keeps two trips that share a trip_id but not a train id, each with its own vehicle", () => {
    const a = { tripId: "044500_7..N", startDate: "20231201", ...nyct({ trainId: "07 0725 34H/111" }) };
    const b = { tripId: "044500_7..N", startDate: "20231201", ...nyct({ trainId: "07 0725 34H/WPT" }) };
    const s = decodeOk(
      feed([
        tripUpdate("1", a),
        tripUpdate("2", b),
        { id: "3", vehicle: { trip: b, stopId: "726N" } },
        { id: "4", vehicle: { trip: a, stopId: "725N" } },
      ]),
    );
    expect(s.trips.map((t) => [t.trainId, t.vehicle?.stopId])).toEqual([
      ["07 0725 34H/111", "725N"],
      ["07 0725 34H/WPT", "726N"],
    ]);
    expect(new Set(s.trips.map((t) => t.key)).size).toBe(2);
  });

  it("drops entities without a trip id and a repeated trip key, counting them", () => {
    const s = decodeOk(
      feed([
        tripUpdate("1", { routeId: "A" }),
        tripUpdate("2", { tripId: "052200_A..N" }),
        tripUpdate("3", { tripId: "052200_A..N" }),
        { id: "4", vehicle: { stopId: "A02N" } },
        { id: "5", isDeleted: true, tripUpdate: { trip: { tripId: "060000_A..N" } } },
      ]),
    );
    expect(s.trips.map((t) => t.tripId)).toEqual(["052200_A..N"]);
    expect(s.dropped).toBe(3);
  });

  it("reads a trip update's own timestamp", () => {
    const t = onlyTrip(
      encodeSubwayFeedMessage({
        header: {
          gtfsRealtimeVersion: "1.0",
          timestamp: T0,
          ".transit_realtime.nyctFeedHeader": { nyctSubwayVersion: "1.0" },
        },
        entity: [{ id: "1", tripUpdate: { trip: { tripId: "058400_L..S" }, timestamp: T0 - 3 } }],
      }),
    );
    expect(t.updatedAt).toBe((T0 - 3) * 1000);
  });

  it("lists the trips named by an alert entity ('Train delayed')", () => {
    const s = decodeOk(
      feed([
        {
          id: "9",
          alert: {
            informedEntity: [
              { trip: { tripId: "120700_2..N01R", routeId: "2", ...nyct({ trainId: "02 2007  FLA/241" }) } },
            ],
            headerText: { translation: [{ text: "Train delayed" }] },
          },
        },
      ]),
    );
    expect(s.alerts).toEqual([
      {
        id: "9",
        text: "Train delayed",
        trips: [{ tripId: "120700_2..N01R", routeId: "2", trainId: "02 2007  FLA/241" }],
      },
    ]);
  });
});

describe("decodeSubwayFeed: errors", () => {
  const good = feed([
    tripUpdate("1", { tripId: "052200_A..N" }, [{ stopId: "A02N", arrival: { time: T0 } }]),
  ]);

  it("calls an empty body 'empty'", () => {
    const r = decodeSubwayFeed(new Uint8Array(0), ctx);
    expect(r.ok || r.error.kind).toBe("empty");
  });

  it("calls an HTML page 'parse' at byte 0", () => {
    const r = decodeSubwayFeed(new TextEncoder().encode("<html>oops</html>"), ctx);
    expect(r.ok || [r.error.kind, r.error.offset, r.error.feed, r.error.url]).toEqual([
      "parse",
      0,
      ctx.feed,
      ctx.url,
    ]);
  });

  it("calls a truncated feed 'parse', with an offset inside the body", () => {
    for (const cut of [good.length - 1, Math.floor(good.length / 2), 3]) {
      const r = decodeSubwayFeed(good.subarray(0, cut), ctx);
      if (r.ok) throw new Error(`truncated at ${cut} decoded`);
      expect(r.error.kind).toBe("parse");
      expect(r.error.offset).toBeGreaterThanOrEqual(0);
      expect(r.error.offset).toBeLessThanOrEqual(cut);
    }
  });

  it("names the byte of a length that runs past the end", () => {
    // header (field 1) claiming 100 bytes, with 2 present: the length sits at byte 1
    const r = decodeSubwayFeed(new Uint8Array([0x0a, 100, 0x0a, 0x00]), ctx);
    expect(r.ok || [r.error.kind, r.error.offset]).toEqual(["parse", 1]);
  });

  it("calls a feed with no header, no timestamp or no NYCT extension 'invalid'", () => {
    const noHeader = new Uint8Array([0x12, 0x03, 0x0a, 0x01, 0x31]); // one entity, id "1"
    const noTimestamp = feed([], { timestamp: undefined });
    const noNyct = feed([], { ".transit_realtime.nyctFeedHeader": undefined });
    for (const [bytes, why] of [
      [noHeader, /no header/],
      [noTimestamp, /no timestamp/],
      [noNyct, /NYCT extension/],
    ] as const) {
      const r = decodeSubwayFeed(bytes, ctx);
      if (r.ok) throw new Error("expected invalid");
      expect(r.error.kind).toBe("invalid");
      expect(r.error.message).toMatch(why);
    }
  });

  it("calls a feed older than maxAgeMs 'stale' and still carries the snapshot", () => {
    const later = { ...ctx, receivedAt: T0 * 1000 + 2 * 3600_000 };
    const r = decodeSubwayFeed(good, later);
    if (r.ok) throw new Error("expected stale");
    expect(r.error.kind).toBe("stale");
    expect(r.error).toBeInstanceOf(StaleFeedError);
    expect((r.error as StaleFeedError<SubwayFeedSnapshot>).value.trips).toHaveLength(1);
    expect(decodeSubwayFeed(good, later, { maxAgeMs: 3 * 3600_000 }).ok).toBe(true);
    expect(decodeSubwayFeed(good, { ...ctx, receivedAt: T0 * 1000 + 3600_000 }).ok).toBe(true); // exactly the limit
  });

  it("does not throw on a body that is not bytes at all", () => {
    const r = decodeSubwayFeed("not bytes" as unknown as Uint8Array, ctx);
    expect(r.ok || r.error.kind).toBe("parse");
  });
});
