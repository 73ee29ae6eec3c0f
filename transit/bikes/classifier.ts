/**
 * Every station of the last status snapshot, classified as of engine time
 * `now`, kept up to date incrementally. A station is classified again only
 * when its status changed, station_information changed, or time alone may
 * have changed its classification: it turned stale, or its rate moved (the
 * window still filling, or a change point leaving it). Otherwise its
 * classification would come out the same object anyway (classifyStation
 * returns the previous one when nothing shown differs), so it is kept: of
 * 1,800 stations a few hundred report per snapshot, and a few change on the
 * clock between snapshots.
 */
import type {
  StationInformation,
  StationInformationSnapshot,
  StationStatus,
  StationStatusSnapshot,
} from "../../adapters/gbfs/types";
import { type ClassifiedStation, classifyStation } from "./classify";
import { type NetFlowOptions, NetFlowTracker, type StationFlow } from "./net-flow";
import { StationOrder } from "./station-order";

export class StationClassifier {
  private readonly flows: NetFlowTracker;
  private readonly order = new StationOrder();
  private infoOf = new Map<string, StationInformation>();
  private infoFrom: StationInformationSnapshot | null = null;
  /** The last status snapshot's stations, sorted by id. */
  private sorted: StationStatus[] = [];
  /** Per station, in the same order: its net flow, and its station_information entry. */
  private flowAt: StationFlow[] = [];
  private infoAt: Array<StationInformation | undefined> = [];
  /** The current classification, in the order of `sorted`. */
  private classified: ClassifiedStation[] = [];
  /** Per station, in the same order: classify again at an evaluation at or after this time. */
  private recheckAt = new Float64Array(0);
  /** station_information, or the list of stations, changed: classify every station. */
  private all = true;

  constructor(
    private readonly staleAfterMs: number,
    flowOptions: NetFlowOptions,
  ) {
    this.flows = new NetFlowTracker(flowOptions);
  }

  setInfo(info: StationInformationSnapshot): void {
    if (info === this.infoFrom) return;
    this.infoFrom = info;
    this.infoOf = new Map(info.stations.map((s) => [s.stationId, s]));
    this.all = true;
  }

  /** A new status snapshot at `now`: each station's bike count goes to its net flow. */
  setStatus(status: StationStatusSnapshot, now: number): void {
    const { sorted, sameStations } = this.order.sort(status.stations);
    const previous = this.sorted;
    this.sorted = sorted;
    if (!sameStations) {
      this.flowAt = sorted.map((s) => this.flows.of(s.stationId));
      this.flows.retain(new Set(sorted.map((s) => s.stationId)));
      for (let i = 0; i < sorted.length; i++) this.flowAt[i].observe(now, sorted[i].numBikesAvailable);
      this.all = true;
      return;
    }
    // A station reporting the same status is not observed: its trace already ends at this count
    // (or, out of service or stale, it has none and would be dropped again on classification).
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i];
      if (sameStatus(previous[i], s)) continue;
      this.flowAt[i].observe(now, s.numBikesAvailable);
      this.recheckAt[i] = Number.NEGATIVE_INFINITY;
    }
  }

  /** The stations classified as of `now` (a new array: the last one is left as it was). */
  classify(now: number): ClassifiedStation[] {
    const { all, sorted } = this;
    if (all) {
      this.infoAt = sorted.map((s) => this.infoOf.get(s.stationId));
      this.classified.length = sorted.length;
      this.recheckAt = new Float64Array(sorted.length);
      this.all = false;
    }
    const { classified, recheckAt, flowAt, infoAt, staleAfterMs } = this;
    for (let i = 0; i < sorted.length; i++) {
      if (!all && recheckAt[i] > now) continue;
      const s = sorted[i];
      const c = classifyStation(s, infoAt[i], now, staleAfterMs, flowAt[i], classified[i]);
      classified[i] = c;
      recheckAt[i] = nextChange(s, c, flowAt[i], now, staleAfterMs);
    }
    return classified.slice();
  }
}

/** When time alone may change a station's classification (Infinity: not without new data). */
function nextChange(
  s: StationStatus,
  c: ClassifiedStation,
  flow: StationFlow,
  now: number,
  staleAfterMs: number,
): number {
  // Out of service or stale stays so: time only makes a report older.
  if (!c.eligible || s.lastReported === null) return Number.POSITIVE_INFINITY;
  // Stale once strictly older than staleAfterMs: from this time on it may be.
  const staleFrom = s.lastReported + staleAfterMs;
  return Math.min(staleFrom, flow.nextRateChange(now));
}

/** The same status as far as classification and net flow go (of the same station: ids are not compared). */
function sameStatus(a: StationStatus, b: StationStatus): boolean {
  return (
    a.numBikesAvailable === b.numBikesAvailable &&
    a.numEbikesAvailable === b.numEbikesAvailable &&
    a.numDocksAvailable === b.numDocksAvailable &&
    a.numBikesDisabled === b.numBikesDisabled &&
    a.isInstalled === b.isInstalled &&
    a.isRenting === b.isRenting &&
    a.lastReported === b.lastReported
  );
}
