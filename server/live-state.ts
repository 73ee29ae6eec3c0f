/**
 * The latest value of every dashboard output, written by engine sinks (or,
 * with the engine in a worker, by the messages it posts) and read by the
 * topics at each flush. A slot remembers when it first changed since the
 * last flush (wall clock), so a message can say how old its news is.
 */
import type { FeedHealth } from "../adapters/health/health";
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
import {
  bindOutputs,
  type DashboardOutputs,
  type OutputTarget,
  type OutputWriter,
  type SlotName,
  type SlotValues,
} from "./outputs";
import type { EngineIdle } from "./send-timing";
import { SeriesStore } from "./series-store";

export type { DashboardOutputs };

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

  /** at: when the engine produced it (wall ms); firstAt: its first change since the last message, if earlier. */
  set(t: number, value: T, at = Date.now(), firstAt = at): void {
    this.value = value;
    this.t = t;
    this.version++;
    this.changedAt = at;
    if (this.pendingSince === null) this.pendingSince = firstAt;
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

export class LiveState implements OutputTarget, OutputWriter {
  private listeners: Array<() => void> = [];
  private readonly notify = () => {
    for (const l of this.listeners) l();
  };
  readonly lineStatus = new Slot<LineStatus[]>(this.notify);
  readonly trains = new Slot<TrainView[]>(this.notify);
  readonly arrivals = new Slot<ReadonlyMap<string, StationArrivals>>(this.notify);
  /**
   * Whether `arrivals` is the engine's own map (every station with a train listed: one missing has none),
   * or, from an engine in a worker, the wanted stations' boards only (one missing is not answered for yet).
   */
  arrivalsOfEveryStation = true;
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
  /** When the engine last said it had run every cycle due, and until when it expects no cycle (null: it never said). */
  engineIdle: EngineIdle | null = null;

  onChange(l: () => void): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  /** Wire sinks from a dashboard graph's outputs into this state; call inside the graph builder. */
  attach(d: DashboardOutputs): void {
    bindOutputs(d, this);
  }

  slot<K extends SlotName>(name: K): Slot<SlotValues[K]> {
    return this[name] as Slot<SlotValues[K]>;
  }

  value<K extends SlotName>(name: K, t: number, v: SlotValues[K], at?: number, firstAt?: number): void {
    this.engineTime = t;
    this.slot(name).set(t, v, at, firstAt);
  }

  metrics(t: number, ticks: MetricTick[], at?: number, firstAt?: number): void {
    this.engineTime = t;
    this.series.append(ticks);
    this.metricsSlot.set(t, this.series.version, at, firstAt);
  }

  caughtUp(quietForMs: number, at = Date.now()): void {
    const since = this.engineIdle?.caughtUpAt ?? Number.NEGATIVE_INFINITY;
    const news = this.slots().some((s) => s.changedAt !== null && s.changedAt >= since);
    this.engineIdle = { caughtUpAt: at, quietUntil: at + quietForMs };
    if (news) this.notify();
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
    this.engineIdle = null;
  }
}
