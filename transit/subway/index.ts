/** The subway half of the transit graph: every subway metric of METRICS.md as engine nodes. */
export { type SubwayGraph, type SubwayGraphInputs, subwayGraph } from "./graph";
export { expectedWaitSec, type HeadwaySummary, HeadwayTracker } from "./headways";
export { stopsMade } from "./made-stops";
export { type TrainPosition, trainPosition } from "./position";
export { classifyRouting, serviceChanges } from "./service-changes";
export { lineStatus } from "./status";
export { TravelTimes } from "./travel-times";
export { isStalled, tripDelay } from "./trip-delay";
export { TripTracker } from "./trip-tracker";
export type { MadeStop, TrackedTrip, TrackerTick, TripStatus } from "./types";
