/**
 * Every station of the last status snapshot, classified as of engine time
 * `now`, kept up to date incrementally. A station is classified again only
 * when its status changed, station_information changed, or time alone may
 * have changed its classification (it turned stale; its rate moved). Else
 * its classification would come out the same object anyway (a station that
 * reads as before keeps its object), so it is kept: of 1,800 stations a few
 * hundred report per snapshot, and a few change on the clock in between.
 *
 * Two classifications: what the totals count (the metrics' path, no rates),
 * and the stations' views with their net flow (the map's path). A headless
 * replay runs only the first: the engine prunes the views.
 */
import type {
  StationInformation,
  StationInformationSnapshot,
  StationStatus,
  StationStatusSnapshot,
} from "../../adapters/gbfs/types";
import { type ClassifiedStation, classifyStation, countStation, type StationCounts } from "./classify";
import { type NetFlowOptions, NetFlowTracker, type StationFlow } from "./net-flow";
import { StationOrder } from "./station-order";

export abstract class IncrementalStations<C> {
  private readonly order = new StationOrder();
  private infoOf = new Map<string, StationInformation>();
  private infoFrom: StationInformationSnapshot | null = null;
  /** The last status snapshot's stations, sorted by id. */
  private sorted: StationStatus[] = [];
  /** Per station, in the same order: its station_information entry. */
  private infoAt: Array<StationInformation | undefined> = [];
  /** The current classification, in the order of `sorted`. */
  private classified: C[] = [];
  /** Per station, in the same order: classify again at an evaluation at or after this time. */
  private recheckAt = new Float64Array(0);
  /** station_information, or the list of stations, changed: classify every station. */
  private all = true;

  constructor(protected readonly staleAfterMs: number) {}

  /** A new list of stations (sorted by id) at `now`. */
  protected abstract newStations(sorted: readonly StationStatus[], now: number): void;
  /** The status of station i changed at `now`. */
  protected abstract statusChanged(i: number, s: StationStatus, now: number): void;
  protected abstract classifyOne(
    i: number,
    s: StationStatus,
    info: StationInformation | undefined,
    now: number,
    previous: C | undefined,
  ): C;
  /** When time alone may change station i's classification `c` (Infinity: not without new data). */
  protected abstract nextChange(i: number, s: StationStatus, c: C, now: number): number;

  setInfo(info: StationInformationSnapshot): void {
    if (info === this.infoFrom) return;
    this.infoFrom = info;
    this.infoOf = new Map(info.stations.map((s) => [s.stationId, s]));
    this.all = true;
  }

  setStatus(status: StationStatusSnapshot, now: number): void {
    const { sorted, sameStations } = this.order.sort(status.stations);
    const previous = this.sorted;
    this.sorted = sorted;
    if (!sameStations) {
      this.newStations(sorted, now);
      this.all = true;
      return;
    }
    for (let i = 0; i < sorted.length; i++) {
      if (sameStatus(previous[i], sorted[i])) continue;
      this.statusChanged(i, sorted[i], now);
      this.recheckAt[i] = Number.NEGATIVE_INFINITY;
    }
  }

  /** The stations classified as of `now` (a new array: the last one is left as it was). */
  classify(now: number): C[] {
    const { all, sorted } = this;
    if (all) {
      this.infoAt = sorted.map((s) => this.infoOf.get(s.stationId));
      this.classified.length = sorted.length;
      this.recheckAt = new Float64Array(sorted.length);
      this.all = false;
    }
    const { classified, recheckAt, infoAt } = this;
    for (let i = 0; i < sorted.length; i++) {
      if (!all && recheckAt[i] > now) continue;
      const s = sorted[i];
      const c = this.classifyOne(i, s, infoAt[i], now, classified[i]);
      classified[i] = c;
      recheckAt[i] = this.nextChange(i, s, c, now);
    }
    return classified.slice();
  }

  /** When a fresh report turns stale: from this time on it may be (stale once strictly older). */
  protected staleFrom(s: StationStatus): number {
    return s.lastReported === null ? Number.NEGATIVE_INFINITY : s.lastReported + this.staleAfterMs;
  }
}

/** What the totals count of each station: time changes it only by turning a station stale. */
export class StationCounter extends IncrementalStations<StationCounts> {
  protected newStations(): void {}

  protected statusChanged(): void {}

  protected classifyOne(
    _i: number,
    s: StationStatus,
    info: StationInformation | undefined,
    now: number,
    previous: StationCounts | undefined,
  ): StationCounts {
    return countStation(s, info, now, this.staleAfterMs, previous);
  }

  protected nextChange(_i: number, s: StationStatus, c: StationCounts): number {
    // Out of service or stale stays so: time only makes a report older.
    return c.eligible ? this.staleFrom(s) : Number.POSITIVE_INFINITY;
  }
}

/** Each station's view, with its net flow: the flow of a station that did not report moves with time too. */
export class StationClassifier extends IncrementalStations<ClassifiedStation> {
  private readonly flows: NetFlowTracker;
  /** Per station, in the order of the status snapshot sorted by id. */
  private flowAt: StationFlow[] = [];

  constructor(staleAfterMs: number, flowOptions: NetFlowOptions) {
    super(staleAfterMs);
    this.flows = new NetFlowTracker(flowOptions);
  }

  protected newStations(sorted: readonly StationStatus[], now: number): void {
    this.flowAt = sorted.map((s) => this.flows.of(s.stationId));
    this.flows.retain(new Set(sorted.map((s) => s.stationId)));
    for (let i = 0; i < sorted.length; i++) this.flowAt[i].observe(now, sorted[i].numBikesAvailable);
  }

  /**
   * Only a station whose status changed is observed: another one's history already ends
   * at its count (or, out of service or stale, it has none and would be dropped again).
   */
  protected statusChanged(i: number, s: StationStatus, now: number): void {
    this.flowAt[i].observe(now, s.numBikesAvailable);
  }

  protected classifyOne(
    i: number,
    s: StationStatus,
    info: StationInformation | undefined,
    now: number,
    previous: ClassifiedStation | undefined,
  ): ClassifiedStation {
    return classifyStation(s, info, now, this.staleAfterMs, this.flowAt[i], previous);
  }

  protected nextChange(i: number, s: StationStatus, c: ClassifiedStation, now: number): number {
    if (!c.eligible) return Number.POSITIVE_INFINITY;
    return Math.min(this.staleFrom(s), this.flowAt[i].nextRateChange(now));
  }
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
