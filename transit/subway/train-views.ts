/** Trip statuses -> contract TrainView (the map), placed with trainPosition. */
import type { TrainView } from "../contract";
import type { TransitNetwork } from "../network";
import { trainPosition } from "./position";
import type { TypicalSec } from "./trip-delay";
import type { TripStatus } from "./types";

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A train's gap ahead (TrainView.gapAheadSec) by trip key; undefined when no train ahead is known. */
export type GapOf = (tripKey: string) => number | undefined;
const noGaps: GapOf = () => undefined;

/** Running trains that can be placed, by trip key. */
export function trainViews(
  statuses: readonly TripStatus[],
  now: number,
  net: TransitNetwork,
  typical: TypicalSec,
  gapOf: GapOf = noGaps,
): TrainView[] {
  const out: TrainView[] = [];
  for (const s of statuses) {
    const t = s.trip;
    if (!t.running) continue;
    const p = trainPosition(t, now, net, typical);
    if (!p) continue;
    out.push({
      tripKey: t.key,
      tripId: t.tripId,
      route: t.route,
      direction: t.direction,
      trainId: t.trainId,
      lat: round6(p.lat),
      lon: round6(p.lon),
      bearing: p.bearing === null ? null : Math.round(p.bearing),
      lastStationId: p.lastStationId,
      nextStationId: p.nextStationId,
      progress: Math.round(p.progress * 1000) / 1000,
      atStation: p.atStation,
      stalled: s.stalled,
      delaySec: Math.round(s.delaySec),
      nextEta: p.nextEta,
      // Always set (undefined when unknown, left out of JSON): every view has the same shape.
      gapAheadSec: gapOf(t.key),
    });
  }
  return out;
}
