/**
 * The Citi Bike half of the transit graph. Stations are classified on every
 * status snapshot and on the clock (a station turns stale, and rates age,
 * without new data). NotSpot-minutes integrate the NotSpot count over engine
 * time and restart at local midnight, where an alarm emits the zeros.
 */
import type {
  StationInformationSnapshot,
  StationStatusSnapshot,
  SystemRegionsSnapshot,
} from "../../adapters/gbfs/types";
import { alarm, apply, MINUTE, multiNode, node, type Series } from "../../engine";
import type { BikeStationView, BikeTotals, MetricTick } from "../contract";
import { bikeMetrics } from "./bike-metrics";
import { type IncrementalStations, StationClassifier, StationCounter } from "./classifier";
import { type ClassifiedStation, type StationCounts, toStationView } from "./classify";
import { DailyIntegral } from "./daily-integral";
import { DEFAULT_NET_FLOW, type NetFlowOptions } from "./net-flow";
import { RunningTotals, type TotalsByRegion } from "./totals";

export interface BikesGraphInputs {
  info: Series<StationInformationSnapshot>;
  status: Series<StationStatusSnapshot>;
  regions?: Series<SystemRegionsSnapshot>;
  /** A timer (60 s): staleness and rates are re-evaluated without new data. */
  clock: Series<unknown>;
  /** For "since local midnight" (default America/New_York). */
  timeZone?: string;
  /** last_reported older than this (or never) is stale (default 30 min). */
  staleAfterMs?: number;
  netFlow?: Partial<NetFlowOptions>;
}

export interface BikesGraph {
  metrics: Series<MetricTick[]>;
  /** Stations known to station_information, sorted by id. */
  stations: Series<BikeStationView[]>;
  totals: Series<BikeTotals>;
  /** Region id -> totals, sorted by id (for per-region subscriptions). */
  regionTotals: Series<ReadonlyMap<string, BikeTotals>>;
}

export function bikesGraph(inputs: BikesGraphInputs): BikesGraph {
  const staleAfterMs = inputs.staleAfterMs ?? 30 * MINUTE;
  const flowOptions = { ...DEFAULT_NET_FLOW, ...inputs.netFlow };
  // The metrics need only the counts; the views (and their net flow) are left to those who show them.
  const counted = stationsNode("bikes.classify", inputs, () => new StationCounter(staleAfterMs));
  const classified = stationsNode(
    "bikes.station_views",
    inputs,
    () => new StationClassifier(staleAfterMs, flowOptions),
  );
  // A station classified as before is the same object: so is its view.
  const views = new WeakMap<ClassifiedStation, BikeStationView>();
  const viewOf = (c: ClassifiedStation) => {
    let v = views.get(c);
    if (!v) views.set(c, (v = toStationView(c)));
    return v;
  };
  const stations = apply(classified, (list) => list.filter((s) => s.located).map(viewOf), "bikes.stations");
  const { totals, regionTotals } = totalsNode(counted, inputs.regions, inputs.timeZone ?? "America/New_York");
  const metrics = node({
    name: "bikes.metrics",
    inputs: { totals, regionTotals },
    onTick: ({ inputs: i, now }) =>
      i.totals.valid && i.regionTotals.valid
        ? bikeMetrics(now(), i.totals.value, i.regionTotals.value)
        : undefined,
  });
  return { metrics, stations, totals, regionTotals };
}

/** Every station of the last status snapshot, classified on each snapshot, station_information and clock tick. */
function stationsNode<C>(
  name: string,
  { info, status, clock }: BikesGraphInputs,
  make: () => IncrementalStations<C>,
): Series<C[]> {
  return node({
    name,
    inputs: { info, status, clock },
    state: make,
    onTick: ({ state, now }) => {
      if (!status.valid) return undefined;
      const t = now();
      if (info.valid) state.setInfo(info.value);
      if (status.ticked) state.setStatus(status.value, t);
      return state.classify(t);
    },
  });
}

interface TotalsState {
  running: RunningTotals;
  system: DailyIntegral;
  regions: DailyIntegral;
  last: TotalsByRegion | null;
  alarmAt: number;
}

type TotalsOut = { totals: BikeTotals; regionTotals: ReadonlyMap<string, BikeTotals> };

function totalsNode(
  counted: Series<StationCounts[]>,
  regions: Series<SystemRegionsSnapshot> | undefined,
  timeZone: string,
) {
  const ins: Record<string, Series<unknown>> = { counted };
  if (regions) ins.regions = regions;
  return multiNode<
    Record<string, Series<unknown>>,
    TotalsOut,
    TotalsState,
    { midnight: ReturnType<typeof alarm<true>> }
  >({
    name: "bikes.totals",
    inputs: ins,
    // The region list only adds zero rows: wait for the next classification.
    passive: regions ? ["regions"] : [],
    outputs: ["totals", "regionTotals"],
    alarms: { midnight: alarm<true>() },
    state: () => ({
      running: new RunningTotals(),
      system: new DailyIntegral(timeZone),
      regions: new DailyIntegral(timeZone),
      last: null,
      alarmAt: Number.NaN,
    }),
    onTick: ({ state, alarms, now }) => {
      const t = now();
      if (counted.ticked) {
        const known = regions?.valid ? regions.value.regions.map((r) => r.regionId) : [];
        state.last = state.running.update(counted.value, known);
      }
      const last = state.last;
      if (!last) return undefined;
      const systemMinutes = state.system.advance(t, new Map([["", last.system.notSpots]]));
      const regionMinutes = state.regions.advance(
        t,
        new Map([...last.regions].map(([id, c]) => [id, c.notSpots])),
      );
      if (state.alarmAt !== state.system.nextMidnight) {
        state.alarmAt = state.system.nextMidnight;
        alarms.midnight.scheduleAt(state.alarmAt, true);
      }
      const regionTotals = new Map<string, BikeTotals>();
      for (const [id, c] of last.regions)
        regionTotals.set(id, { ...c, notSpotMinutesToday: regionMinutes.get(id) ?? 0 });
      return { totals: { ...last.system, notSpotMinutesToday: systemMinutes.get("") ?? 0 }, regionTotals };
    },
  });
}
