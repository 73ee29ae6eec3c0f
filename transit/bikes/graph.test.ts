import { describe, expect, it } from "vitest";
import type { StationStatus, StationStatusSnapshot } from "../../adapters/gbfs/types";
import type { BikeStationView } from "../contract";
import { info, infoSnap, regionsSnap, runBikes, status, statusSnap } from "./fixtures.testutil";

const MIN = 60_000;
const T0 = Date.UTC(2025, 9, 2, 14, 0); // 10:00 New York
const at = (min: number) => T0 + min * MIN;
const byId = (list: BikeStationView[] | undefined, id: string) => list?.find((s) => s.id === id);

describe("bikesGraph: counts on a hand-made snapshot", () => {
  const t = at(0);
  // A empty; B full; C neither bike nor dock (both); D not renting; E stale (2 h); F never reported;
  // G ok; H not installed (and not in station_information).
  const stations: StationStatus[] = [
    status("A", t, { numBikesAvailable: 0, numEbikesAvailable: 0, numDocksAvailable: 15 }),
    status("B", t, {
      numBikesAvailable: 15,
      numEbikesAvailable: 4,
      numDocksAvailable: 0,
      numBikesDisabled: 2,
    }),
    status("C", t, {
      numBikesAvailable: 0,
      numEbikesAvailable: 0,
      numDocksAvailable: 0,
      numBikesDisabled: 3,
    }),
    status("D", t, { numBikesAvailable: 0, numEbikesAvailable: 0, isRenting: false }),
    status("E", t, { numBikesAvailable: 0, numEbikesAvailable: 0, lastReported: t - 120 * MIN }),
    status("F", t, { numDocksAvailable: 0, lastReported: null }),
    status("G", t, { numBikesAvailable: 3, numEbikesAvailable: 1, numDocksAvailable: 7 }),
    status("H", t, {
      numBikesAvailable: 0,
      numEbikesAvailable: 0,
      numDocksAvailable: 0,
      isInstalled: false,
      isRenting: false,
    }),
  ];
  const r = runBikes({
    start: t,
    end: t,
    info: [
      [
        t,
        infoSnap(
          t,
          ["A", "B", "C", "D", "E", "F", "G"].map((id) => info(id, id < "D" ? "R1" : "R2")),
        ),
      ],
    ],
    status: [[t, statusSnap(t, [...stations].reverse())]],
    regions: [[t, regionsSnap(t, ["R1", "R2", "R9"])]],
  });

  it("classifies each station", () => {
    const states = Object.fromEntries((r.stationsAt(t) ?? []).map((s) => [s.id, s.state]));
    expect(states).toEqual({
      A: "empty",
      B: "full",
      C: "empty",
      D: "not_renting",
      E: "stale",
      F: "stale",
      G: "ok",
    }); // H has no station_information entry: not drawn
  });

  it("counts empty, full and NotSpots over fresh renting stations only", () => {
    // eligible: A B C G (D not renting, E F stale, H not installed)
    // empty: A C; full: B C; NotSpots: A B C (C once); share 3 / 4
    expect(r.totalsAt(t)).toEqual({
      bikes: 0 + 15 + 0 + 0 + 0 + 5 + 3 + 0,
      ebikes: 0 + 4 + 0 + 0 + 0 + 1 + 1 + 0,
      docks: 15 + 0 + 0 + 10 + 10 + 0 + 7 + 0,
      disabled: 2 + 3,
      stationsInstalled: 7,
      stationsRenting: 6,
      empty: 2,
      full: 2,
      notSpots: 3,
      notSpotShare: 0.75,
      notSpotMinutesToday: 0,
      stale: 2,
    });
  });

  it("does the same per region, with a listed region that has no station", () => {
    const regions = r.regionsAt(t);
    expect([...(regions?.keys() ?? [])]).toEqual(["R1", "R2", "R9"]);
    // R1 = A B C: all eligible, all NotSpots
    expect(regions?.get("R1")).toMatchObject({ empty: 2, full: 2, notSpots: 3, notSpotShare: 1, stale: 0 });
    // R2 = D E F G: only G eligible, and fine
    expect(regions?.get("R2")).toMatchObject({ empty: 0, full: 0, notSpots: 0, notSpotShare: 0, stale: 2 });
    expect(regions?.get("R9")).toMatchObject({ bikes: 0, notSpots: 0, stationsInstalled: 0 });
  });

  it("emits system rows then region rows, with the contract's names", () => {
    const m = r.metricsAt(t) ?? [];
    expect(m.filter((x) => x.metric === "bikes.notspots").map((x) => [x.key, x.value])).toEqual([
      [{}, { count: 3, share: 0.75 }],
      [{ region: "R1" }, { count: 3, share: 1 }],
      [{ region: "R2" }, { count: 0, share: 0 }],
      [{ region: "R9" }, { count: 0, share: 0 }],
    ]);
    expect(m.find((x) => x.metric === "bikes.empty_stations" && !x.key.region)?.value).toBe(2);
    expect(m.find((x) => x.metric === "bikes.stale_stations" && !x.key.region)?.value).toBe(2);
  });
});

describe("bikesGraph: net flow and time to empty / full", () => {
  // X loses one bike every 6 min: 15 at 10:00, 5 at 11:00 (-10/h). Y gains one every 10 min: 2 -> 8 (+6/h), capacity 20.
  const snaps: Array<[number, StationStatusSnapshot]> = [];
  for (let m = 0; m <= 60; m += 2) {
    const t = at(m);
    snaps.push([
      t,
      statusSnap(t, [
        status("X", t, {
          numBikesAvailable: 15 - Math.floor(m / 6),
          numDocksAvailable: 5 + Math.floor(m / 6),
        }),
        status("Y", t, {
          numBikesAvailable: 2 + Math.floor(m / 10),
          numDocksAvailable: 18 - Math.floor(m / 10),
        }),
      ]),
    ]);
  }
  const r = runBikes({
    start: at(0),
    end: at(60),
    info: [[at(0), infoSnap(at(0), [info("X"), info("Y")])]],
    status: snaps,
  });

  it("a station losing 10 bikes an hour with 5 left empties in 30 minutes", () => {
    const x = byId(r.stationsAt(at(60)), "X");
    expect(x?.bikes).toBe(5);
    expect(x?.netFlowPerHour).toBeCloseTo(-10, 9);
    expect(x?.minutesToEmpty).toBeCloseTo(30, 9);
    expect(x?.minutesToFull).toBeNull();
  });

  it("a station gaining 6 bikes an hour with 12 docks left fills in 120 minutes", () => {
    const y = byId(r.stationsAt(at(60)), "Y");
    expect(y?.netFlowPerHour).toBeCloseTo(6, 9);
    expect(y?.minutesToFull).toBeCloseTo(120, 9);
    expect(y?.minutesToEmpty).toBeNull();
  });

  it("gives no rate with less than 15 minutes of history", () => {
    expect(byId(r.stationsAt(at(10)), "X")?.netFlowPerHour).toBeNull();
    // at 10:30 over 30 min: X 15 -> 10 = -10/h
    expect(byId(r.stationsAt(at(30)), "X")?.netFlowPerHour).toBeCloseTo(-10, 9);
  });
});

describe("bikesGraph: stale stations", () => {
  // S drains 1 bike / 6 min, 5 -> 0 at 10:30, and reports until then, then goes silent (the feed repeats its last report).
  const snaps: Array<[number, StationStatusSnapshot]> = [];
  for (let m = 0; m <= 90; m += 6) {
    const t = at(m);
    const reported = Math.min(m, 30);
    snaps.push([
      t,
      statusSnap(t, [
        status("S", at(reported), { numBikesAvailable: 5 - reported / 6, numDocksAvailable: 10 }),
        status("K", t, { numBikesAvailable: 0, numDocksAvailable: 10 }),
      ]),
    ]);
  }
  const r = runBikes({
    start: at(0),
    end: at(90),
    info: [[at(0), infoSnap(at(0), [info("S"), info("K")])]],
    status: snaps,
  });

  it("has a rate while fresh", () => {
    expect(byId(r.stationsAt(at(30)), "S")?.netFlowPerHour).toBeCloseTo(-10, 9);
  });

  it("marks a station stale once its report is over 30 min old, on the clock, and drops it from rates and counts", () => {
    // last report 10:30 -> stale after 11:00 (strictly older than 30 min): at the 11:01 clock tick
    expect(byId(r.stationsAt(at(60)), "S")?.state).toBe("empty");
    const s = byId(r.stationsAt(at(61)), "S");
    expect(s).toMatchObject({ state: "stale", netFlowPerHour: null, minutesToEmpty: null, bikes: 0 });
    expect(r.totalsAt(at(60))).toMatchObject({ empty: 2, stale: 0 });
    expect(r.totalsAt(at(61))).toMatchObject({ empty: 1, stale: 1, notSpots: 1, notSpotShare: 1 });
  });
});

describe("bikesGraph: NotSpot-minutes since New York midnight", () => {
  // Saturday 2024-03-09 23:30 EST; Sunday 03-10 has 23 hours (02:00 EST -> 03:00 EDT).
  const start = Date.parse("2024-03-10T04:30:00Z"); // 23:30 EST
  const midnight1 = Date.parse("2024-03-10T05:00:00Z"); // 00:00 EST
  const midnight2 = Date.parse("2024-03-11T04:00:00Z"); // 00:00 EDT, 23 h later
  const end = midnight2 + 10 * MIN;
  // S1 (R1) empty until 00:10; S2 (R2) full from 23:50; S3 always fine. Reports every 10 min.
  const snaps: Array<[number, StationStatusSnapshot]> = [];
  for (let t = start; t <= end; t += 10 * MIN) {
    const s1Empty = t < midnight1 + 10 * MIN;
    const s2Full = t >= start + 20 * MIN;
    snaps.push([
      t,
      statusSnap(t, [
        status("S1", t, { numBikesAvailable: s1Empty ? 0 : 4 }),
        status("S2", t, { numDocksAvailable: s2Full ? 0 : 6 }),
        status("S3", t),
      ]),
    ]);
  }
  const r = runBikes({
    start,
    end,
    info: [[start, infoSnap(start, [info("S1", "R1"), info("S2", "R2"), info("S3", "R2")])]],
    status: snaps,
  });
  const minutes = (t: number) => r.totalsAt(t)?.notSpotMinutesToday;
  const regionMinutes = (t: number, id: string) => r.regionsAt(t)?.get(id)?.notSpotMinutesToday;

  it("integrates the NotSpot count over time before midnight", () => {
    expect(minutes(start)).toBe(0);
    expect(minutes(start + 20 * MIN)).toBeCloseTo(20, 9); // 1 NotSpot x 20 min
    expect(minutes(start + 25 * MIN)).toBeCloseTo(30, 9); // + 2 x 5
    expect(regionMinutes(start + 25 * MIN, "R1")).toBeCloseTo(25, 9);
    expect(regionMinutes(start + 25 * MIN, "R2")).toBeCloseTo(5, 9);
  });

  it("restarts at midnight, counting only the part after it", () => {
    expect(minutes(midnight1)).toBe(0);
    expect(minutes(midnight1 + 10 * MIN)).toBeCloseTo(20, 9); // 2 x 10 min
    expect(regionMinutes(midnight1 + 10 * MIN, "R1")).toBeCloseTo(10, 9);
    expect(regionMinutes(midnight1 + 10 * MIN, "R2")).toBeCloseTo(10, 9);
  });

  it("restarts again at the next New York midnight, 23 hours later (DST)", () => {
    // 00:10 -> 23:50 EDT is 1380 - 20 = 1360 min of real time with 1 NotSpot (S2), after 20 until 00:10
    expect(minutes(midnight2 - 10 * MIN)).toBeCloseTo(20 + 1360, 6);
    expect(minutes(midnight2)).toBe(0);
    expect(minutes(midnight2 + 10 * MIN)).toBeCloseTo(10, 9);
    // and not at 05:00Z (where a fixed 24 h day would have put it)
    expect(
      r.result.outputs.totals
        .filter(([, v]) => (v as { notSpotMinutesToday: number }).notSpotMinutesToday === 0)
        .map(([t]) => t),
    ).toEqual([start, midnight1, midnight2]);
  });

  it("is deterministic: the same hash twice, whatever the order of stations in the feed", () => {
    const reversed = snaps.map(([t, snap]): [number, StationStatusSnapshot] => [
      t,
      { ...snap, stations: [...snap.stations].reverse() },
    ]);
    const hashOf = (status: Array<[number, StationStatusSnapshot]>) =>
      runBikes({
        start,
        end: start + 3 * 3_600_000,
        info: [[start, infoSnap(start, [info("S3", "R2"), info("S2", "R2"), info("S1", "R1")])]],
        status: status.slice(0, 19),
        hash: true,
      }).result.hash;
    const h = hashOf(snaps);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(reversed)).toBe(h);
    expect(hashOf(snaps)).toBe(h);
  });
});
