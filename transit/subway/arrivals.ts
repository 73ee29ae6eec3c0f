/**
 * Arrivals per station and direction, soonest first. A stalled train and a
 * cancelled trip are listed but not counted down (time null).
 */
import type { Arrival, StationArrivals } from "../contract";
import type { ScheduledTrip, TransitNetwork } from "../network";
import { ARRIVAL_PAST_MS, ARRIVALS_PER_DIRECTION } from "./constants";
import { etaOf, type TripStatus } from "./types";

interface Pending {
  at: number;
  arrival: Arrival;
}

export function stationArrivals(
  statuses: readonly TripStatus[],
  cancelled: readonly ScheduledTrip[],
  now: number,
  net: TransitNetwork,
): Map<string, StationArrivals> {
  const byStation = new Map<string, { N: Pending[]; S: Pending[] }>();
  const add = (stationId: string, p: Pending) => {
    let e = byStation.get(stationId);
    if (!e) byStation.set(stationId, (e = { N: [], S: [] }));
    e[p.arrival.direction].push(p);
  };
  const since = now - ARRIVAL_PAST_MS;
  for (const s of statuses) {
    const t = s.trip;
    const destination = t.stops[t.stops.length - 1]?.stationId ?? null;
    for (const stop of t.stops) {
      const at = etaOf(stop);
      if (at < since) continue;
      add(stop.stationId, {
        at,
        arrival: {
          tripKey: t.key,
          route: t.route,
          direction: t.direction,
          time: s.stalled ? null : at,
          stalled: s.stalled,
          cancelled: false,
          delaySec: Math.round(s.delaySec),
          destinationStationId: destination,
        },
      });
    }
  }
  for (const c of cancelled) {
    const stations = net.pattern(c.patternId)?.stations ?? [];
    const destination = stations[stations.length - 1] ?? null;
    stations.forEach((stationId, i) => {
      if (c.times[i] < since) return;
      add(stationId, {
        at: c.times[i],
        arrival: {
          tripKey: `cancelled:${c.tripId}`,
          route: c.route,
          direction: c.direction,
          time: null,
          stalled: false,
          cancelled: true,
          delaySec: 0,
          destinationStationId: destination,
        },
      });
    });
  }
  const order = (a: Pending, b: Pending) =>
    a.at - b.at || (a.arrival.tripKey < b.arrival.tripKey ? -1 : a.arrival.tripKey > b.arrival.tripKey ? 1 : 0);
  const out = new Map<string, StationArrivals>();
  for (const id of [...byStation.keys()].sort()) {
    const e = byStation.get(id)!;
    const list = (ps: Pending[]) => ps.sort(order).slice(0, ARRIVALS_PER_DIRECTION).map((p) => p.arrival);
    out.set(id, { stationId: id, asOf: now, north: list(e.N), south: list(e.S) });
  }
  return out;
}
