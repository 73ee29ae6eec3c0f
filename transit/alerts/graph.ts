/**
 * The alerts and elevator half of the transit graph. Activity is evaluated
 * on every snapshot and on the clock, so an alert expires (and a scheduled
 * outage starts) without new data. The view lists and maps tick only when
 * they change; the metrics tick on every evaluation, for regular time series.
 */
import type { AlertsSnapshot } from "../../adapters/alerts/types";
import type { Outage, OutagesSnapshot } from "../../adapters/outages/types";
import { apply, multiNode, node, type Series } from "../../engine";
import type { AlertView, MetricTick, OutageView } from "../contract";
import { alertsPerRoute, alertsPerStation } from "./alert-counts";
import { AlertMetrics } from "./alert-metrics";
import { isActiveAt } from "./alert-view";
import { currentOutages, type StationsByName, toOutageView } from "./outage-view";
import { AlertViewCache, sameItems } from "./view-cache";

export interface AlertsGraphInputs {
  alerts: Series<AlertsSnapshot>;
  outages: Series<OutagesSnapshot>;
  /** A timer (60 s): re-evaluates activity when no data arrives. */
  clock: Series<unknown>;
  /** Resolves an outage's station text to parent station ids; without it stationIds stay empty. */
  stationsByName?: StationsByName;
}

export interface AlertsGraph {
  metrics: Series<MetricTick[]>;
  alerts: Series<AlertView[]>;
  outages: Series<OutageView[]>;
  alertsByRoute: Series<ReadonlyMap<string, number>>;
  alertsByStation: Series<ReadonlyMap<string, string[]>>;
}

export function alertsGraph(inputs: AlertsGraphInputs): AlertsGraph {
  const active = activeAlerts(inputs.alerts, inputs.clock);
  const outages = activeOutages(inputs.outages, inputs.clock, inputs.stationsByName);
  const metrics = node({
    name: "alerts.metrics",
    inputs: { alerts: active.all, outages: outages.all },
    state: () => new AlertMetrics(),
    onTick: ({ inputs: i, state, now }) =>
      state.ticks(now(), i.alerts.valid ? i.alerts.value : null, i.outages.valid ? i.outages.value : null),
  });
  return {
    metrics,
    alerts: active.changed,
    outages: outages.changed,
    alertsByRoute: apply(active.changed, alertsPerRoute, "alerts.by_route"),
    alertsByStation: apply(active.changed, alertsPerStation, "alerts.by_station"),
  };
}

type Evaluated<T> = { all: T[]; changed: T[] };

/** Active alerts: `all` on every evaluation, `changed` when the list differs from the last one emitted. */
function activeAlerts(snapshots: Series<AlertsSnapshot>, clock: Series<unknown>) {
  const views = node({
    name: "alerts.views",
    inputs: { snapshots },
    state: () => new AlertViewCache(),
    onTick: ({ inputs, state }) => state.update(inputs.snapshots.value.alerts),
  });
  return multiNode<
    { views: Series<AlertView[]>; clock: Series<unknown> },
    Evaluated<AlertView>,
    { last: AlertView[] | null }
  >({
    name: "alerts.active",
    inputs: { views, clock },
    outputs: ["all", "changed"],
    state: () => ({ last: null }),
    onTick: ({ inputs, state, now }) => {
      if (!inputs.views.valid) return undefined;
      const t = now();
      const all = inputs.views.value.filter((v) => isActiveAt(v, t));
      if (sameItems(state.last, all)) return { all };
      state.last = all;
      return { all, changed: all };
    },
  });
}

/**
 * Outages in effect, with the same all / changed split, compared by content: a
 * new snapshot decodes every outage anew. Between snapshots an outage is the
 * same object, and so is its view: the same views as last time need no text.
 */
function activeOutages(snapshots: Series<OutagesSnapshot>, clock: Series<unknown>, byName?: StationsByName) {
  const resolve = byName ? memoize(byName) : undefined;
  const views = new WeakMap<Outage, OutageView>();
  const viewOf = (o: Outage) => {
    let v = views.get(o);
    if (!v) views.set(o, (v = toOutageView(o, resolve)));
    return v;
  };
  return multiNode<
    { snapshots: Series<OutagesSnapshot>; clock: Series<unknown> },
    Evaluated<OutageView>,
    { last: string; lastViews: OutageView[] | null }
  >({
    name: "outages.active",
    inputs: { snapshots, clock },
    outputs: ["all", "changed"],
    state: () => ({ last: "", lastViews: null }),
    onTick: ({ inputs, state, now }) => {
      if (!inputs.snapshots.valid) return undefined;
      const all = currentOutages(inputs.snapshots.value.outages, now(), viewOf);
      if (sameItems(state.lastViews, all)) return { all };
      state.lastViews = all;
      const text = JSON.stringify(all);
      if (text === state.last) return { all };
      state.last = text;
      return { all, changed: all };
    },
  });
}

/** Station names repeat every minute; the resolver may be costly. Bounded by the outages' distinct stations. */
function memoize(f: StationsByName): StationsByName {
  const cache = new Map<string, string[]>();
  return (name, lines) => {
    const key = `${name}|${lines.join("/")}`;
    let ids = cache.get(key);
    if (!ids) cache.set(key, (ids = f(name, lines)));
    return ids;
  };
}
