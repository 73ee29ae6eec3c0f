/** The static transit network of one service day: build it, ask it, draw it. */
export { type BuildNetworkOptions, buildTransitNetwork } from "./build";
export { bearingDeg, distanceM, type PointOnLine, pointAlong } from "./geometry";
export { TransitNetwork } from "./network";
export { lineKey, pairKey } from "./schedule-tables";
export { DEFAULT_TIME_ZONE, serviceDayOriginMs } from "./service-day";
export { median, quantileSorted, trimmedMean } from "./stats";
export { tripMatchKey } from "./trip-match";
export type * from "./types";
