export { decodeBare } from "./bare";
export { decodeSubwayFeed } from "./decode";
export { originToStartTime, parseTripId } from "./trip-id";
export type {
  Direction,
  DirectionSource,
  ParsedTripId,
  SubwayFeedAlert,
  SubwayFeedSnapshot,
  SubwayStop,
  SubwayTrip,
  SubwayVehicle,
  TripReplacementPeriod,
  VehicleStatus,
} from "./types";
