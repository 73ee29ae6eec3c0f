/**
 * The per-line half of the subway graph as engine nodes. Counts follow the
 * trips (every snapshot and clock tick); windowed metrics are evaluated on
 * the clock, so that they expire and a line with no trains changes status
 * with no data arriving.
 */
import { applyN, dynamic, node, type Series } from "../../engine";
import { rollingMax, rollingMean } from "../../engine/stdlib/rolling";
import type { ServiceChange } from "../contract";
import { lineKey, type TransitNetwork } from "../network";
import { DELAY_WINDOWS_MS } from "./constants";
import { type HeadwaySummary, HeadwayTracker } from "./headways";
import { type LineCounts, LineCountsTracker } from "./line-counts";
import { type LineService, LineServiceWatch } from "./line-service";
import { nextTrainWaits, ServedStations, WaitCache, type WaitStats } from "./next-train-wait";
import { type PredictionError, PredictionErrors } from "./prediction-error";
import { patternRuntime, type RuntimeResult } from "./runtime";
import { RoutingCache, serviceChanges } from "./service-changes";
import { StatusesByRoute } from "./statuses-by-route";
import { TravelTimes } from "./travel-times";
import type { TripStatusTick } from "./trip-nodes";
import { DIRECTIONS, type TrackedTrip, type TrackerTick } from "./types";

const routesOf = (tracked: Series<TrackerTick>, net: TransitNetwork) =>
  tracked.valid ? tracked.value.routes : net.routeIds();

export function lineCountsNode(trips: Series<TripStatusTick>): Series<ReadonlyMap<string, LineCounts>> {
  return node({
    name: "subway.line_counts",
    inputs: { trips },
    // Recounts the routes of the feeds that changed (lineCounts over every status, the same counts).
    state: () => new LineCountsTracker(),
    onTick: ({ inputs, state }) => {
      const v = inputs.trips.value;
      return state.update(v.routes, v.feeds, (f) => v.byFeed.get(f) ?? [], v.changed);
    },
  });
}

export interface DelayWindows {
  mean15: number;
  max15: number;
  mean60: number;
  max60: number;
}

/**
 * Mean and max delay over 15 and 60 minutes per line: on each clock tick a
 * line samples the mean and the max delay of its running trains (NaN, which
 * the rolling windows skip, when none run); one keyed sub-graph of rolling
 * windows per line.
 */
export function delayWindowsGraph(
  counts: Series<ReadonlyMap<string, LineCounts>>,
  clock: Series<unknown>,
): Series<ReadonlyMap<string, DelayWindows>> {
  const samples = node({
    name: "subway.delay_samples",
    inputs: { clock, counts },
    passive: ["counts"],
    onTick: ({ inputs }) => {
      if (!inputs.counts.valid) return undefined;
      const out = new Map<string, { mean: number; max: number }>();
      for (const [k, c] of inputs.counts.value) out.set(k, { mean: c.meanDelaySec, max: c.maxDelaySec });
      return out as ReadonlyMap<string, { mean: number; max: number }>;
    },
  });
  const perLine = dynamic(
    samples,
    (_key, s) => {
      const mean = node({ name: "delay.mean", inputs: { s }, onTick: ({ inputs }) => inputs.s.value.mean });
      const max = node({ name: "delay.max", inputs: { s }, onTick: ({ inputs }) => inputs.s.value.max });
      const opts = { minPoints: 0 };
      return applyN(
        {
          mean15: rollingMean(mean, { window: DELAY_WINDOWS_MS["15m"] }, opts),
          max15: rollingMax(max, { window: DELAY_WINDOWS_MS["15m"] }, opts),
          mean60: rollingMean(mean, { window: DELAY_WINDOWS_MS["60m"] }, opts),
          max60: rollingMax(max, { window: DELAY_WINDOWS_MS["60m"] }, opts),
        },
        (v): DelayWindows => v,
        "delay.windows",
      );
    },
    { name: "subway.delay_windows" },
  );
  return node({
    name: "subway.delay_windows.latest",
    inputs: { perLine },
    state: () => new Map<string, DelayWindows>(),
    onTick: ({ inputs, state }) => {
      for (const [k, v] of inputs.perLine.value) state.set(k, v);
      return state as ReadonlyMap<string, DelayWindows>;
    },
  });
}

export function headwaysNode(
  tracked: Series<TrackerTick>,
  clock: Series<unknown>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, HeadwaySummary>> {
  return node({
    name: "subway.headways",
    inputs: { tracked, clock },
    state: () => new HeadwayTracker(net),
    onTick: ({ inputs, state, now }) => {
      if (inputs.tracked.ticked) state.add(inputs.tracked.value.made);
      if (!inputs.clock.ticked) return undefined;
      const t = now();
      state.advance(t);
      const out = new Map<string, HeadwaySummary>();
      for (const route of routesOf(inputs.tracked, net))
        for (const d of DIRECTIONS) out.set(lineKey(route, d), state.summary(route, d, t));
      return out as ReadonlyMap<string, HeadwaySummary>;
    },
  });
}

/** Runtime of each line's current routing from the typical travel times, on the clock. */
export function runtimeNode(
  travel: Series<TravelTimes>,
  tracked: Series<TrackerTick>,
  clock: Series<unknown>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, RuntimeResult>> {
  const scheduleOnly = new TravelTimes(net);
  return node({
    name: "subway.runtime",
    inputs: { clock, travel, tracked },
    passive: ["travel", "tracked"],
    onTick: ({ inputs, now }) => {
      const t = now();
      const tt = inputs.travel.valid ? inputs.travel.value : scheduleOnly;
      const out = new Map<string, RuntimeResult>();
      for (const route of routesOf(inputs.tracked, net))
        for (const d of DIRECTIONS) {
          const p = net.currentPattern(route, d, t);
          const r = p && patternRuntime(p, tt, net);
          if (r) out.set(lineKey(route, d), r);
        }
      return out as ReadonlyMap<string, RuntimeResult>;
    },
  });
}

/** Each line direction's service against its schedule (line-service.ts), from the counts on the clock. */
export function lineServiceNode(
  counts: Series<ReadonlyMap<string, LineCounts>>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, LineService>> {
  return node({
    name: "subway.line_service",
    inputs: { counts },
    state: () => new LineServiceWatch(net),
    onTick: ({ inputs, state, now }) => state.update(inputs.counts.value, now()),
  });
}

export function serviceChangesNode(
  tracked: Series<TrackerTick>,
  service: Series<ReadonlyMap<string, LineService>>,
  clock: Series<unknown>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, ServiceChange[]>> {
  return node({
    name: "subway.service_changes",
    inputs: { clock, tracked, service },
    passive: ["tracked", "service"],
    state: () => new RoutingCache(net),
    onTick: ({ inputs, now, state }) => {
      const trips = inputs.tracked.valid ? inputs.tracked.value.trips : [];
      // Each route's trips, in order: serviceChanges would skip the others' one by one.
      const byRoute = new Map<string, TrackedTrip[]>();
      for (const t of trips) {
        const list = byRoute.get(t.route);
        if (list) list.push(t);
        else byRoute.set(t.route, [t]);
      }
      const out = new Map<string, ServiceChange[]>();
      const lines = inputs.service.valid ? inputs.service.value : new Map<string, LineService>();
      state.begin();
      for (const route of routesOf(inputs.tracked, net))
        out.set(route, serviceChanges(route, byRoute.get(route) ?? [], net, now(), lines, state));
      state.end();
      return out as ReadonlyMap<string, ServiceChange[]>;
    },
  });
}

/** Per route; a snapshot recomputes the routes of its feed, the clock every route. */
export function nextTrainWaitNode(
  trips: Series<TripStatusTick>,
  net: TransitNetwork,
): Series<ReadonlyMap<string, WaitStats>> {
  const served = new ServedStations(net);
  return node({
    name: "subway.next_train_wait",
    inputs: { trips },
    state: () => ({
      waits: new Map<string, WaitStats>(),
      grouped: new StatusesByRoute(),
      cache: new WaitCache(),
    }),
    onTick: ({ inputs, state }) => {
      const v = inputs.trips.value;
      // Every route on the clock; on a snapshot, the routes its feed carried before and carries now.
      const regrouped = state.grouped.update(v.changed, (f) => v.byFeed.get(f) ?? []);
      const redo = v.changed.length === v.byFeed.size ? new Set([...v.routes, ...regrouped]) : regrouped;
      for (const route of redo) {
        const w = nextTrainWaits(
          route,
          state.grouped.of(route, v.feeds),
          net,
          v.now,
          served.of(route, v.now),
          state.cache,
        );
        if (w) state.waits.set(route, w);
        else state.waits.delete(route);
      }
      const out = new Map<string, WaitStats>();
      for (const r of v.routes) {
        const w = state.waits.get(r);
        if (w) out.set(r, w);
      }
      return out as ReadonlyMap<string, WaitStats>;
    },
  });
}

export function predictionErrorNode(
  tracked: Series<TrackerTick>,
  clock: Series<unknown>,
): Series<ReadonlyMap<string, PredictionError>> {
  return node({
    name: "subway.prediction_error",
    inputs: { tracked, clock },
    state: () => new PredictionErrors(),
    onTick: ({ inputs, state, now }) => {
      if (inputs.tracked.ticked) state.add(inputs.tracked.value.made);
      return inputs.clock.ticked ? (state.summary(now()) as ReadonlyMap<string, PredictionError>) : undefined;
    },
  });
}
