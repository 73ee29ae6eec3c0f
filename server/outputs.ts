/**
 * The dashboard graph's outputs as the server sees them: the slots they
 * fill, how keyed slots name their items, and the sinks that write them to
 * an OutputWriter (the LiveState itself when the engine shares its thread,
 * the publisher of server/output-bridge.ts when it runs in a worker).
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

/** The value slots (every output but the metrics, which append to the day's series). */
export interface SlotValues {
  lineStatus: LineStatus[];
  trains: TrainView[];
  arrivals: ReadonlyMap<string, StationArrivals>;
  alerts: AlertView[];
  outages: OutageView[];
  bikeStations: BikeStationView[];
  bikeTotals: BikeTotals;
  health: FeedHealth[];
}

export type SlotName = keyof SlotValues;

export const SLOT_NAMES: readonly SlotName[] = [
  "lineStatus",
  "trains",
  "arrivals",
  "alerts",
  "outages",
  "bikeStations",
  "bikeTotals",
  "health",
];

/** The identity of an item of a keyed slot: what deltas upsert and remove by. */
export const ITEM_KEYS = {
  lineStatus: (s: LineStatus) => s.route,
  trains: (t: TrainView) => t.tripKey,
  alerts: (a: AlertView) => a.id,
  outages: (o: OutageView) => o.equipmentId,
  bikeStations: (b: BikeStationView) => b.id,
  health: (h: FeedHealth) => h.feed,
} as const;

export type KeyedSlotName = keyof typeof ITEM_KEYS;

/** Where the sinks write. */
export interface OutputWriter {
  value<K extends SlotName>(name: K, t: number, v: SlotValues[K]): void;
  metrics(t: number, ticks: MetricTick[]): void;
}

/** What a runner drives: sinks wired into each new graph, and a reset for each new run. */
export interface OutputTarget {
  /** Wire sinks from a dashboard graph's outputs; call inside the graph builder. */
  attach(d: DashboardOutputs): void;
  /** A new run (engine rebuilt for a seek back, a demo loop): forget everything. */
  reset(): void;
  /**
   * The engine ran every cycle due and waits, for quietForMs (wall ms) until
   * its next scheduled cycle: the outputs since the last call are this moment's whole news.
   */
  caughtUp(quietForMs: number): void;
}

export function bindOutputs(d: DashboardOutputs, out: OutputWriter): void {
  for (const name of SLOT_NAMES) {
    const s = d[name] as Series<SlotValues[typeof name]> | undefined;
    if (s) sink(`server.${name}`, s, (t, v) => out.value(name, t, v));
  }
  if (d.metrics) sink("server.metrics", d.metrics, (t, ticks) => out.metrics(t, ticks));
}
