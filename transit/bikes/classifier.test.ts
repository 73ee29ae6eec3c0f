/**
 * The incremental classifiers and running totals against their definition:
 * every station observed and classified again at every evaluation, and the
 * totals summed over all of them. A short window and minimum span make
 * rates appear, move and expire, and stations turn stale, within a run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  StationInformationSnapshot,
  StationStatus,
  StationStatusSnapshot,
} from "../../adapters/gbfs/types";
import { StationClassifier, StationCounter } from "./classifier";
import { type ClassifiedStation, classifyStation, type StationCounts } from "./classify";
import { info, infoSnap, status, statusSnap } from "./fixtures.testutil";
import { NetFlowTracker } from "./net-flow";
import { RunningTotals, sumStations } from "./totals";

const MIN = 60_000;
const T0 = Date.UTC(2025, 9, 2, 14, 0);
// Stale later than the window: a station that reports nothing new keeps a rate through expiries.
const STALE_AFTER = 45 * MIN;
const FLOW = { windowMs: 20 * MIN, minSpanMs: 5 * MIN };
const IDS = ["a", "b", "c", "d", "e"];

/** The classification by definition: observe every station, classify every station. */
class EveryStation {
  private readonly flow = new NetFlowTracker(FLOW);
  private sorted: StationStatus[] = [];
  private last: ClassifiedStation[] = [];
  private infoSnapshot: StationInformationSnapshot | null = null;

  setInfo(i: StationInformationSnapshot) {
    this.infoSnapshot = i;
  }

  setStatus(s: StationStatusSnapshot, now: number) {
    this.sorted = [...s.stations].sort((x, y) => (x.stationId < y.stationId ? -1 : 1));
    for (const st of this.sorted) this.flow.of(st.stationId).observe(now, st.numBikesAvailable);
    this.flow.retain(new Set(this.sorted.map((st) => st.stationId)));
  }

  classify(now: number): ClassifiedStation[] {
    const infoOf = new Map(this.infoSnapshot?.stations.map((i) => [i.stationId, i]));
    const last = this.last;
    this.last = this.sorted.map((s, i) =>
      classifyStation(s, infoOf.get(s.stationId), now, STALE_AFTER, this.flow.of(s.stationId), last[i]),
    );
    return this.last;
  }
}

/** A station's report: null repeats its last one (the feed repeats a station that did not report). */
type Report = {
  present: boolean;
  bikes: number;
  docks: number;
  renting: boolean;
  ageSeconds: number | null;
} | null;

/** The fields of a classification that the totals count. */
function countsOf(c: ClassifiedStation): StationCounts {
  const { bikes, ebikes, docks, disabled, installed, renting, state, eligible, empty, full, regionId } = c;
  return { bikes, ebikes, docks, disabled, installed, renting, state, eligible, empty, full, regionId };
}

type Step =
  | { kind: "clock"; seconds: number }
  | { kind: "info"; seconds: number; regions: Array<string | null> }
  | { kind: "status"; seconds: number; reports: Report[] };

/** Times on a grid, so that a change falls exactly on a threshold often. */
function halfMinutes(most: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: most }).map((n) => n * 30);
}

const report: fc.Arbitrary<Report> = fc.option(
  fc.record({
    present: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    bikes: fc.integer({ min: 0, max: 3 }),
    docks: fc.integer({ min: 0, max: 2 }),
    renting: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
    ageSeconds: fc.option(halfMinutes(120), { freq: 8 }),
  }),
  { freq: 2 },
);
const seconds = halfMinutes(24);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("clock" as const), seconds }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant("info" as const),
      seconds,
      regions: fc.array(fc.constantFrom("R1", "R2", null), { minLength: IDS.length, maxLength: IDS.length }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("status" as const),
      seconds,
      reports: fc.array(report, { minLength: IDS.length, maxLength: IDS.length }),
    }),
    weight: 4,
  },
);

describe("StationClassifier, StationCounter and RunningTotals", () => {
  it("classify, count and sum as classifying and summing every station at every evaluation would", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const incremental = new StationClassifier(STALE_AFTER, FLOW);
        const counter = new StationCounter(STALE_AFTER);
        const reference = new EveryStation();
        const running = new RunningTotals();
        let t = T0;
        let hasStatus = false;
        const lastReport = new Map<string, StationStatus | null>();
        for (const s of steps) {
          t += s.seconds * 1000;
          if (s.kind === "info") {
            const snap = infoSnap(
              t,
              IDS.map((id, i) => info(id, s.regions[i] ?? undefined)),
            );
            incremental.setInfo(snap);
            counter.setInfo(snap);
            reference.setInfo(snap);
          } else if (s.kind === "status") {
            IDS.forEach((id, i) => {
              const r = s.reports[i];
              if (r === null) return;
              const reported = r.ageSeconds === null ? null : t - r.ageSeconds * 1000;
              const over = { numBikesAvailable: r.bikes, numDocksAvailable: r.docks, isRenting: r.renting };
              lastReport.set(id, r.present ? status(id, t, { ...over, lastReported: reported }) : null);
            });
            const list = IDS.flatMap((id) => {
              const last = lastReport.get(id);
              return last ? [{ ...last }] : [];
            });
            const snap = statusSnap(t, list.reverse());
            incremental.setStatus(snap, t);
            counter.setStatus(snap, t);
            reference.setStatus(snap, t);
            hasStatus = true;
          }
          if (!hasStatus) continue;
          const got = incremental.classify(t);
          const want = reference.classify(t);
          expect(got).toEqual(want);
          const counts = counter.classify(t);
          expect(counts).toEqual(want.map(countsOf));
          const regions = ["R2", "R3"];
          expect(running.update(counts, regions)).toEqual(sumStations(want, regions));
        }
      }),
      { numRuns: 300 },
    );
  });
});
