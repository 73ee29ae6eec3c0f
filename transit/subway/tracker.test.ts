import { describe, expect, it } from "vitest";
import type { SubwayFeedMessageObject } from "../../adapters/gtfsrt/objects";
import { encodeSubwayFeedMessage } from "../../adapters/gtfsrt/schema";
import { decodeSubwayFeed, type SubwayStop } from "../../adapters/subway";
import { syntheticSubwayFeedObject } from "../../adapters/subway/synthetic-feed";
import { at, snapshot, southboundA, testNetwork, tripIdAt, upcoming } from "./testing";
import { TripTracker } from "./trip-tracker";

const net = await testNetwork();
const A = (m: number, ts: number) => ({
  tripId: tripIdAt("A", "S", 8, m),
  stops: upcoming(southboundA(at(8, m)), ts),
});

/** One ACE snapshot at `time` listing the 08:00 southbound A trip with these stops. */
const listOne = (t: TripTracker, time: number, stops: Array<[string, number]>) =>
  t.apply(snapshot("subway-ace", time, [{ tripId: tripIdAt("A", "S", 8, 0), stops }]));

describe("TripTracker", () => {
  it("keeps per-feed state: one feed's snapshot replaces only that feed's trips", () => {
    const t = new TripTracker(net.routeIds());
    t.apply(snapshot("subway-ace", at(8, 0, 5), [A(0, at(8, 0, 5)), A(10, at(8, 0, 5))]));
    t.apply(snapshot("subway-bdfm", at(8, 0, 10), [{ tripId: "048000_B..S", stops: [["B2", at(8, 2)]] }]));
    // The next ACE snapshot no longer lists the 08:10 trip; the BDFM trip is untouched.
    const made = t.apply(snapshot("subway-ace", at(8, 2, 5), [A(0, at(8, 2, 5))]))!;
    expect(t.tripList().map((x) => x.tripId)).toEqual([tripIdAt("A", "S", 8, 0), "048000_B..S"]);
    // The 08:00 train made A2 at 08:02; the vanished 08:10 trip had made nothing yet (A1 due 08:10).
    expect(made.map((m) => [m.tripKey.split("|")[1], m.stationId, m.time])).toEqual([
      [tripIdAt("A", "S", 8, 0), "A2", at(8, 2)],
    ]);
    // A1 (08:00) was never seen ahead of it, so no run A1 > A2 is known.
    expect(made[0].from).toBeNull();
    const next = t.apply(snapshot("subway-ace", at(8, 4, 5), [A(0, at(8, 4, 5))]))!;
    expect(next[0]).toMatchObject({
      stationId: "A3",
      time: at(8, 4),
      from: { stationId: "A2", time: at(8, 2) },
    });
  });

  it("says whether a trip's ETAs never go down, taken again whenever its stops change", () => {
    const t = new TripTracker();
    listOne(t, at(8, 0, 5), [
      ["A1", at(8, 1)],
      ["A2", at(8, 3)],
    ]);
    expect(t.tripList()[0].etasAscend).toBe(true);
    // A prediction that has the train reach A3 before A2: not ascending (the gap-ahead scan cannot stop early).
    listOne(t, at(8, 0, 35), [
      ["A1", at(8, 1)],
      ["A2", at(8, 3)],
      ["A3", at(8, 2)],
    ]);
    expect(t.tripList()[0].etasAscend).toBe(false);
    listOne(t, at(8, 1, 5), [
      ["A2", at(8, 3)],
      ["A3", at(8, 4)],
    ]);
    expect(t.tripList()[0].etasAscend).toBe(true);
  });

  it("keeps each upcoming station's first ETA, also for a station a loop lists again after it was made", () => {
    const t = new TripTracker();
    const firstEtas = () => Object.fromEntries(t.tripList()[0].firstEta);
    listOne(t, at(8, 0, 5), [
      ["A1", at(8, 1)],
      ["A2", at(8, 3)],
      ["A3", at(8, 5)],
    ]);
    expect(firstEtas()).toEqual({ A1: at(8, 1), A2: at(8, 3), A3: at(8, 5) });
    // A1 made, later ETAs: the first ones stay.
    listOne(t, at(8, 1, 35), [
      ["A2", at(8, 4)],
      ["A3", at(8, 6)],
    ]);
    expect(firstEtas()).toEqual({ A2: at(8, 3), A3: at(8, 5) });
    // A loop back to A2: its first visit is made, the second is first seen now.
    listOne(t, at(8, 2, 5), [
      ["A2", at(8, 4)],
      ["A3", at(8, 6)],
      ["A2", at(8, 9)],
    ]);
    listOne(t, at(8, 4, 35), [
      ["A3", at(8, 6)],
      ["A2", at(8, 9)],
    ]);
    expect(firstEtas()).toEqual({ A3: at(8, 5), A2: at(8, 9) });
  });

  it("ignores a snapshot that is not newer than the feed's last (a repeat)", () => {
    const t = new TripTracker();
    const s = snapshot("subway-ace", at(8, 0, 5), [A(0, at(8, 0, 5))]);
    expect(t.apply(s)).toEqual([]);
    expect(t.apply({ ...s, trips: [] })).toBeNull();
    expect(t.tripList().length).toBe(1);
  });

  it("keeps a feed's trip and match key sets while it lists the same trips, and rebuilds them when it does not", () => {
    const t = new TripTracker();
    const matchKeys = () => [...(t.feedStates().get("subway-ace")?.matchKeys ?? [])];
    t.apply(snapshot("subway-ace", at(8, 0, 5), [A(0, at(8, 0, 5)), A(10, at(8, 0, 5))]));
    const both = matchKeys();
    expect(both.length).toBe(2);
    expect(t.apply(snapshot("subway-ace", at(8, 0, 35), [A(0, at(8, 0, 35)), A(10, at(8, 0, 35))]))).toEqual(
      [],
    );
    expect(matchKeys()).toEqual(both);
    // The same trips listed the other way round: the same sets, nothing made.
    expect(t.apply(snapshot("subway-ace", at(8, 1, 5), [A(10, at(8, 1, 5)), A(0, at(8, 1, 5))]))).toEqual([]);
    expect(matchKeys()).toEqual([both[1], both[0]]);
    t.apply(snapshot("subway-ace", at(8, 2, 5), [A(0, at(8, 2, 5))]));
    expect(matchKeys()).toEqual([both[0]]);
    expect(t.tripList().map((x) => x.tripId)).toEqual([tripIdAt("A", "S", 8, 0)]);
    // Silent past the timeout, then listing the same trip again: it is tracked afresh.
    t.expire(at(8, 30));
    expect(t.tripList()).toEqual([]);
    t.apply(snapshot("subway-ace", at(8, 31), [A(0, at(8, 31))]));
    expect(t.tripList().map((x) => x.tripId)).toEqual([tripIdAt("A", "S", 8, 0)]);
    expect(matchKeys()).toEqual([both[0]]);
  });

  it("takes a trip dropped by another feed that listed it too as a new one, in the feed that still lists it", () => {
    const t = new TripTracker();
    t.apply(snapshot("subway-ace", at(8, 0, 5), [A(0, at(8, 0, 5))]));
    t.tripsByFeed(); // the feed's list, built and kept
    t.apply(snapshot("subway-bdfm", at(8, 0, 10), [A(0, at(8, 0, 10))]));
    t.apply(snapshot("subway-bdfm", at(8, 0, 20), []));
    t.apply(snapshot("subway-ace", at(8, 0, 35), [A(0, at(8, 0, 35))]));
    expect(
      t
        .tripsByFeed()
        .get("subway-ace")
        ?.map((x) => x.feedTimestamp),
    ).toEqual([at(8, 0, 35)]);
  });

  it("keeps a trip's stops list while every field the decoder reads is equal, and takes the new one when any differs", () => {
    const stops = () => [
      {
        tripId: tripIdAt("A", "S", 8, 0),
        stops: [
          ["A2", at(8, 2)],
          ["A3", at(8, 4)],
        ] as Array<[string, number]>,
      },
    ];
    const listed = (ts: number, change?: (stop: SubwayStop) => void) => {
      const snap = snapshot("subway-ace", ts, stops());
      if (change) change(snap.trips[0].stops[1]);
      return snap;
    };
    const t = new TripTracker();
    const kept = () => t.tripList()[0].stops;
    t.apply(listed(at(8, 0, 5)));
    const first = kept();
    t.apply(listed(at(8, 0, 35)));
    expect(kept()).toBe(first);
    const changes: Array<(stop: SubwayStop) => void> = [
      (s) => (s.arrival = at(8, 5)),
      (s) => (s.departure = at(8, 5)),
      (s) => (s.stopSequence = 3),
      (s) => (s.scheduledTrack = "A1"),
      (s) => (s.actualTrack = "A3"),
      (s) => (s.stopId = "A3"),
      // a stop id without N/S suffix takes the trip's direction, which may differ from one snapshot to the next
      (s) => {
        s.stopId = "A3";
        s.direction = "N";
      },
    ];
    let ts = at(8, 1);
    for (const change of changes) {
      const before = kept();
      t.apply(listed((ts += 30_000), change));
      expect(kept()).not.toBe(before);
      // and kept while listed again the same way
      const now = kept();
      t.apply(listed((ts += 30_000), change));
      expect(kept()).toBe(now);
    }
  });

  it("counts a trip as running while it has a stop it has not left at its snapshot's time", () => {
    const t = new TripTracker();
    t.apply(
      snapshot("subway-ace", at(8, 5), [
        { tripId: tripIdAt("A", "S", 8, 0), stops: [["A6", at(8, 4)]] }, // only a stop already passed
        { tripId: tripIdAt("A", "S", 8, 1), stops: [["A6", at(8, 5)]] }, // leaving now
      ]),
    );
    expect(t.tripList().map((x) => x.running)).toEqual([false, true]);
    // Listed again unchanged later, the train leaving at 08:05 has left.
    t.apply(
      snapshot("subway-ace", at(8, 6), [
        { tripId: tripIdAt("A", "S", 8, 0), stops: [["A6", at(8, 4)]] },
        { tripId: tripIdAt("A", "S", 8, 1), stops: [["A6", at(8, 5)]] },
      ]),
    );
    expect(t.tripList().map((x) => x.running)).toEqual([false, false]);
  });

  it("drops a silent feed's trips after 10 minutes, and stays bounded over a long day", () => {
    const t = new TripTracker();
    let maxTrips = 0;
    // 08:00-20:00: a train every 10 min, snapshots every 30 s.
    const starts = Array.from({ length: 72 }, (_, i) => at(8) + i * 600_000);
    for (let ts = at(8, 0, 5); ts < at(20); ts += 30_000) {
      const trips = starts
        .map((s) => ({
          tripId: `${String((s - at(0)) / 600).padStart(6, "0")}_A..S`,
          stops: upcoming(southboundA(s), ts),
        }))
        .filter((x) => x.stops.length > 0 && Number(x.tripId.slice(0, 6)) * 600 + at(0) - ts < 20 * 60_000);
      t.apply(snapshot("subway-ace", ts, trips));
      maxTrips = Math.max(maxTrips, t.tripList().length);
      for (const trip of t.tripList()) expect(trip.firstEta.size).toBeLessThanOrEqual(trip.stops.length);
    }
    expect(maxTrips).toBeLessThanOrEqual(4); // at most ~2 running and 2 listed ahead
    expect(t.expire(at(20, 9, 35))).toBe(false); // last snapshot 19:59:35: exactly 10 min is not more
    expect(t.expire(at(20, 9, 36))).toBe(true);
    expect(t.tripList()).toEqual([]);
  });
});

describe("TripTracker on decoded feeds", () => {
  const T0 = 1759414800; // 2025-10-02 10:20 EDT
  /** The synthetic three-trip feed at header time `ts`, its entities edited by `edit`, decoded. */
  const decoded = (ts: number, edit: (o: SubwayFeedMessageObject) => void = () => {}) => {
    const o = syntheticSubwayFeedObject({ trips: 3, stopsPerTrip: 5, timestamp: T0 });
    o.header.timestamp = ts;
    edit(o);
    const r = decodeSubwayFeed(encodeSubwayFeedMessage(o), { feed: "subway-123456", receivedAt: ts * 1000 });
    if (!r.ok) throw r.error;
    return r.value;
  };
  const updateOf = (o: SubwayFeedMessageObject, i: number) => o.entity![i * 2].tripUpdate!;
  const stopsByTrip = (t: TripTracker) => new Map(t.tripList().map((x) => [x.tripId, x.stops]));

  it("tells changed from unchanged trips by their trip_update bytes, wherever they sit in the body", () => {
    const t = new TripTracker();
    const first = decoded(T0);
    t.apply(first);
    const before = stopsByTrip(t);
    const [id0, id1, id2] = first.trips.map((x) => x.tripId);
    // 30 s on: trip 1's last ETA slips a minute (its bytes differ at their end only); trip 2 now comes first.
    const next = decoded(T0 + 30, (o) => {
      const last = updateOf(o, 1).stopTimeUpdate!.at(-1)!;
      last.arrival = { time: Number(last.arrival!.time) + 60 };
      o.entity!.unshift(...o.entity!.splice(4, 2));
    });
    expect(next.trips.map((x) => x.tripId)).toEqual([id2, id0, id1]);
    t.apply(next);
    const after = stopsByTrip(t);
    expect(after.get(id1)!.at(-1)!.arrival).toBe(before.get(id1)!.at(-1)!.arrival! + 60_000);
    // The unchanged trips keep the stops they had: the same objects, not the new snapshot's.
    expect(after.get(id0)).toBe(before.get(id0));
    expect(after.get(id2)).toBe(before.get(id2));
    expect(after.get(id0)).not.toBe(next.trips[1].stops);

    // The same bytes again are taken as they stand: the decoded stops are not read (here, emptied).
    const again = decoded(T0 + 60, (o) => {
      const last = updateOf(o, 1).stopTimeUpdate!.at(-1)!;
      last.arrival = { time: Number(last.arrival!.time) + 60 };
    });
    for (const trip of again.trips) trip.stops = [];
    t.apply(again);
    expect(stopsByTrip(t)).toEqual(after);
  });

  it("compares stop by stop when the bytes differ in what is not a stop (trip_update.timestamp)", () => {
    const t = new TripTracker();
    t.apply(decoded(T0, (o) => (updateOf(o, 0).timestamp = T0)));
    const before = stopsByTrip(t);
    t.apply(decoded(T0 + 30, (o) => (updateOf(o, 0).timestamp = T0 + 30)));
    expect(stopsByTrip(t)).toEqual(before);
    for (const [id, stops] of stopsByTrip(t)) expect(stops).toBe(before.get(id));
  });
});

describe("TimedColumns (the windows' storage)", async () => {
  const { TimedColumns } = await import("./time-queue");

  it("keeps only (now - w, now] and its storage follows the window, not the day", () => {
    class Window extends TimedColumns {
      readonly n: number[] = [];
      protected columns() {
        return [this.n];
      }
    }
    const q = new Window();
    const w = 3_600_000;
    let maxStored = 0;
    // Four days of one row every 10 s.
    for (let t = 0; t < 4 * 86_400_000; t += 10_000) {
      q.t.push(t);
      q.n.push(t / 10_000);
      q.expire(t, w);
      maxStored = Math.max(maxStored, q.t.length, q.n.length);
    }
    expect(q.size).toBe(360); // (t - 1 h, t]: 360 rows of 10 s
    expect(q.n.slice(q.head)).toEqual(q.t.slice(q.head).map((t) => t / 10_000));
    expect(maxStored).toBeLessThan(3 * 360);
  });
});
