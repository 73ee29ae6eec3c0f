/** Elevator and escalator outages in effect now, as OutageViews. */
import type { Outage } from "../../adapters/outages/types";
import type { OutageView } from "../contract";

/** Resolves an outage's station text ("59 St-Columbus Circle") and its lines to parent station ids. */
export type StationsByName = (name: string, lines: readonly string[]) => string[];

/**
 * In effect at `now`: not flagged upcoming, and started (or no start given).
 * Evaluated on the clock too, so a scheduled outage starts on time.
 */
export function inEffectAt(o: Outage, now: number): boolean {
  return o.isUpcoming !== true && (o.outageStart === null || o.outageStart <= now);
}

export function toOutageView(o: Outage, stationsByName?: StationsByName): OutageView {
  return {
    equipmentId: o.equipmentId,
    station: o.station,
    stationIds: stationsByName ? [...new Set(stationsByName(o.station, o.lines))].sort() : [],
    lines: o.lines,
    kind: o.kind,
    serving: o.serving,
    ada: o.ada,
    since: o.outageStart,
    estimatedReturn: o.estimatedReturn,
    reason: o.reason,
  };
}

/**
 * The outages in effect, one per equipment id (the feed can list a machine
 * twice: the earliest start wins), sorted by equipment id.
 */
export function currentOutages(
  outages: readonly Outage[],
  now: number,
  /** An outage's view: toOutageView, or a cache of it. */
  viewOf: (o: Outage) => OutageView = (o) => toOutageView(o),
): OutageView[] {
  const byId = new Map<string, Outage>();
  for (const o of outages) {
    if (!inEffectAt(o, now)) continue;
    const seen = byId.get(o.equipmentId);
    if (!seen || (o.outageStart ?? Number.NEGATIVE_INFINITY) < (seen.outageStart ?? Number.NEGATIVE_INFINITY))
      byId.set(o.equipmentId, o);
  }
  return [...byId.keys()].sort().map((id) => viewOf(byId.get(id) as Outage));
}

export interface OutageCounts {
  elevators: number;
  escalators: number;
  /** Outages of equipment the feed marks as ADA (the accessible route). */
  ada: number;
}

export function countOutages(views: readonly OutageView[]): OutageCounts {
  const c: OutageCounts = { elevators: 0, escalators: 0, ada: 0 };
  for (const v of views) {
    if (v.kind === "elevator") c.elevators++;
    else if (v.kind === "escalator") c.escalators++;
    if (v.ada === true) c.ada++;
  }
  return c;
}
