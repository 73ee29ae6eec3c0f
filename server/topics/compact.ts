/**
 * Compact forms of the engine's views for the wire: fewer digits where they
 * mean nothing on a map, and no static fields (bike station names and
 * positions are served once in /api/network).
 */
import type { BikeStationView, TrainView } from "../../transit/contract";
import type { BikeStationLive } from "../protocol";

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function compactTrain(t: TrainView): TrainView {
  return {
    ...t,
    lat: round(t.lat, 5),
    lon: round(t.lon, 5),
    bearing: t.bearing === null ? null : Math.round(t.bearing),
    progress: round(t.progress, 3),
    delaySec: Math.round(t.delaySec),
  };
}

export function bikeLive(b: BikeStationView): BikeStationLive {
  const { name: _n, lat: _la, lon: _lo, regionId: _r, capacity: _c, ...live } = b;
  return {
    ...live,
    netFlowPerHour: live.netFlowPerHour === null ? null : round(live.netFlowPerHour, 1),
    minutesToEmpty: live.minutesToEmpty === null ? null : Math.round(live.minutesToEmpty),
    minutesToFull: live.minutesToFull === null ? null : Math.round(live.minutesToFull),
  };
}

export const identity = <T>(x: T): T => x;
