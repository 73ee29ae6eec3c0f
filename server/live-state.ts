/**
 * The latest value of every dashboard output, written by engine sinks and
 * read by the topics at each flush. A slot remembers when it first changed
 * since the last flush (wall clock), so a message can say how old its news is.
 */
import type { FeedHealth } from "../adapters/health/health";
import { type Series, sink } from "../engine";
import type {
  AlertView,
  BikeStationView,
  BikeTotals,
  LineStatus,
  MetricTick,
  OutageView,
  StationArrivals,
  TrainView,
} from "../transit/contract";
import { SeriesStore } from "./series-store";

/** What the server needs from a dashboard graph (DashboardSeries fits; a test graph may give less). */
export interface DashboardOutputs {
  metrics?: Series<MetricTick[]>;
  lineStatus?: Series<LineStatus[]>;
  trains?: Series<TrainView[]>;
  arrivals?: Series<ReadonlyMap<string, StationArrivals>>;
  alerts?: Series<AlertView[]>;
  outages?: Series<OutageView[]>;
  bikeStations?: Series<BikeStationView[]>;
  bikeTotals?: Series<BikeTotals>;
  health?: Series<FeedHealth[]>;
}

export class Slot<T> {
  value: T | undefined = undefined;
  /** Engine time of the value. */
  t = 0;
  version = 0;
  /** Wall ms of the first change since the last flush, or null. */
  pendingSince: number | null = null;
  /** Wall ms of the newest change, or null. */
  changedAt: number | null = null;

  constructor(private readonly changed: () => void) {}

  set(t: number, value: T): void {
    this.value = value;
    this.t = t;
    this.version++;
    const now = Date.now();
    this.changedAt = now;
    if (this.pendingSince === null) this.pendingSince = now;
    this.changed();
  }

  clear(): void {
    this.value = undefined;
    this.t = 0;
    this.version++;
    this.pendingSince = null;
    this.changedAt = null;
  }
}

export class LiveState {
  private listeners: Array<() => void> = [];
  private readonly notify = () => {
    for (const l of this.listeners) l();
  };
  readonly lineStatus = new Slot<LineStatus[]>(this.notify);
  readonly trains = new Slot<TrainView[]>(this.notify);
  readonly arrivals = new Slot<ReadonlyMap<string, StationArrivals>>(this.notify);
  readonly alerts = new Slot<AlertView[]>(this.notify);
  readonly outages = new Slot<OutageView[]>(this.notify);
  readonly bikeStations = new Slot<BikeStationView[]>(this.notify);
  readonly bikeTotals = new Slot<BikeTotals>(this.notify);
  readonly health = new Slot<FeedHealth[]>(this.notify);
  /** The metrics' day so far; `metricsSlot` ticks when points are appended. */
  readonly series = new SeriesStore();
  readonly metricsSlot = new Slot<number>(this.notify);
  /** Engine time of the newest output seen. */
  engineTime = 0;

  onChange(l: () => void): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  /** Wire sinks from a dashboard graph's outputs into this state; call inside the graph builder. */
  attach(d: DashboardOutputs): void {
    const bind = <T>(name: string, s: Series<T> | undefined, slot: Slot<T>) => {
      if (!s) return;
      sink(`server.${name}`, s, (t, v) => {
        this.engineTime = t;
        slot.set(t, v);
      });
    };
    bind("lineStatus", d.lineStatus, this.lineStatus);
    bind("trains", d.trains, this.trains);
    bind("arrivals", d.arrivals, this.arrivals);
    bind("alerts", d.alerts, this.alerts);
    bind("outages", d.outages, this.outages);
    bind("bikeStations", d.bikeStations, this.bikeStations);
    bind("bikeTotals", d.bikeTotals, this.bikeTotals);
    bind("health", d.health, this.health);
    if (d.metrics) {
      sink("server.metrics", d.metrics, (t, ticks) => {
        this.engineTime = t;
        this.series.append(ticks);
        this.metricsSlot.set(t, this.series.version);
      });
    }
  }

  /** Slots whose news a flush carries; their pendingSince is reset after it. */
  slots(): Slot<unknown>[] {
    return [
      this.lineStatus,
      this.trains,
      this.arrivals,
      this.alerts,
      this.outages,
      this.bikeStations,
      this.bikeTotals,
      this.health,
      this.metricsSlot,
    ] as Slot<unknown>[];
  }

  markFlushed(): void {
    for (const s of this.slots()) s.pendingSince = null;
  }

  /** A new run (engine rebuilt for a seek back, a demo loop): forget everything. */
  reset(): void {
    for (const s of this.slots()) s.clear();
    this.series.clear();
    this.engineTime = 0;
  }
}
