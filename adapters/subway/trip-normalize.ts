/**
 * The rules that turn a raw NYCT trip descriptor into a SubwayTrip's
 * identity: route, direction, start time. The MTA omits defaults on the wire
 * (NORTH, is_assigned=false), so absence alone never decides a direction
 * while anything else can.
 */
import { originToStartTime, parseTripId } from "./trip-id";
import type { Direction, DirectionSource, ParsedTripId, SubwayStop, SubwayTrip } from "./types";
import type { RawTrip } from "./wire-trip";

const NYCT_NORTH = 1;
const NYCT_SOUTH = 3;

export function tripKey(raw: RawTrip): string {
  return `${raw.startDate}|${raw.tripId}|${raw.trainId ?? ""}`;
}

/**
 * A SubwayTrip without vehicle, from its descriptor, its key (tripKey(raw), taken once by the caller) and its
 * stops (stops may be empty).
 */
export function normalizeTrip(
  raw: RawTrip,
  key: string,
  stops: SubwayStop[],
  vehicleStopId?: string,
): SubwayTrip {
  const parsed = parseTripId(raw.tripId);
  const [direction, directionSource] = tripDirection(raw, parsed, stops, vehicleStopId);
  for (const stop of stops) if (stop.stationId === stop.stopId) stop.direction = direction;
  const startTime = raw.startTime || (parsed ? originToStartTime(parsed.originMinutesHundredths) : null);
  return {
    // The caller's key, already hashed by its lookup: the tracker finds the trip by it with no string built or hashed again.
    key,
    tripId: raw.tripId,
    routeId: raw.routeId || parsed?.route || trainIdRoute(raw.trainId),
    tripRoute: parsed?.route ?? "",
    parsedTripId: parsed,
    direction,
    directionSource,
    startDate: raw.startDate || null,
    startTime,
    startTimeDerived: !raw.startTime && startTime !== null,
    trainId: raw.trainId ?? null,
    isAssigned: raw.isAssigned ?? false,
    updatedAt: undefined,
    stops,
    vehicle: undefined,
    wire: undefined,
    wireStart: 0,
    wireEnd: 0,
  };
}

/**
 * NYCT direction, else trip_id, else stop ids, else NORTH. One exception: when
 * the stop ids (platforms, which name the track the train really uses) all
 * contradict an explicit NYCT direction, they win; real feeds carry such
 * slips (a GS trip "131000_GS.N01R" calling at 901N marked SOUTH).
 */
function tripDirection(
  raw: RawTrip,
  parsed: ParsedTripId | null,
  stops: SubwayStop[],
  vehicleStopId: string | undefined,
): [Direction, DirectionSource] {
  const fromStops = stopsDirection(stops, vehicleStopId);
  // EAST/WEST never occur on the subway; treat them as saying nothing
  const nyct = raw.nyctDirection === NYCT_NORTH ? "N" : raw.nyctDirection === NYCT_SOUTH ? "S" : null;
  if (nyct) return fromStops && fromStops !== nyct ? [fromStops, "stops"] : [nyct, "nyct"];
  if (parsed?.direction) return [parsed.direction, "tripId"];
  if (fromStops) return [fromStops, "stops"];
  return ["N", "default"];
}

/** The direction every N/S-suffixed stop id agrees on (or the vehicle's stop, without stops); null if none or mixed. */
function stopsDirection(stops: SubwayStop[], vehicleStopId: string | undefined): Direction | null {
  let found: Direction | null = null;
  for (const stop of stops) {
    if (stop.stationId === stop.stopId) continue;
    if (found && stop.direction !== found) return null;
    found = stop.direction;
  }
  if (found || stops.length > 0) return found;
  const last = vehicleStopId?.at(-1);
  return last === "N" || last === "S" ? last : null;
}

/** Train ids read like "01 1413+ SFT/242": the second character names the route. Last resort only. */
function trainIdRoute(trainId: string | undefined): string {
  const c = trainId?.charAt(1) ?? "";
  return /^[0-9A-Z]$/.test(c) ? c : "";
}
