/**
 * The trip update and vehicle entities of one trip at one instant, as
 * protobufjs plain objects in the shape adapters/gtfsrt/objects.ts defines,
 * written the way the feed the trip belongs to writes them (feed-style.ts).
 */
import type {
  StopTimeUpdateObject,
  SubwayFeedMessageObject,
  SubwayTripDescriptorObject,
} from "../../adapters/gtfsrt/objects";
import { clockOf } from "../schedule/codes";
import { type DayClock, epochS, serviceDate } from "./clock";
import type { FeedStyle } from "./feed-style";
import type { OperatedTrip } from "./instances";
import { predictedArrival, predictedAt, type TripView } from "./trip-view";

export type EntityObject = NonNullable<SubwayFeedMessageObject["entity"]>[number];

// Enums as numbers: these objects go to protobufjs's encoder without fromObject (see encode.ts).
const SCHEDULED = 0;
const STOPPED_AT = 1 as const;
const SOUTH = 3 as const;

const NYCT_TRIP = ".transit_realtime.nyctTripDescriptor";
const NYCT_STU = ".transit_realtime.nyctStopTimeUpdate";

export function tripDescriptor(
  trip: OperatedTrip,
  style: FeedStyle,
  clock: DayClock,
  assigned: boolean,
): SubwayTripDescriptorObject {
  const s = trip.trip;
  const desc: SubwayTripDescriptorObject = {
    tripId: s.tripId,
    startDate: serviceDate(clock, trip.dayOffset),
    routeId: s.routeId,
  };
  if (style.name === "lettered" || style.name === "si") desc.startTime = clockOf(s.start);
  if (style.name === "l") {
    desc.scheduleRelationship = SCHEDULED;
    desc.directionId = s.direction === "S" ? 0 : 1;
  }
  desc[NYCT_TRIP] = {
    trainId: s.trainId,
    ...(assigned ? { isAssigned: true } : {}),
    // NORTH is the enum's default: the MTA leaves it off the wire.
    ...(s.direction === "S" ? { direction: SOUTH } : {}),
  };
  return desc;
}

function stopTimeUpdates(view: TripView, style: FeedStyle, clock: DayClock): StopTimeUpdateObject[] {
  const stops = view.listed;
  const out: StopTimeUpdateObject[] = [];
  for (let j = view.at; j < stops.length; j++) {
    const s = stops[j];
    const first = j === view.at;
    const last = j === stops.length - 1;
    const predicted = predictedAt(view, j);
    const arrival = first && view.arrivedAt !== undefined ? view.arrivedAt : predictedArrival(view, j);
    const departure = predicted;
    const u: StopTimeUpdateObject = {};
    if (style.name === "l") {
      u.stopSequence = j + 1;
      const delay = Math.round(predicted - s.nominal);
      if (!(first && view.phase === "pending"))
        u.arrival = { delay, time: epochS(clock, arrival), uncertainty: 0 };
      if (!last) u.departure = { delay, time: epochS(clock, departure), uncertainty: 0 };
      u.stopId = s.stopId;
      u.scheduleRelationship = SCHEDULED;
      u[NYCT_STU] = { scheduledTrack: s.scheduledTrack, actualTrack: s.track };
    } else if (style.name === "irt") {
      if (!(first && view.phase === "pending")) u.arrival = { time: epochS(clock, arrival) };
      if (!last) u.departure = { time: epochS(clock, departure) };
      u.stopId = s.stopId;
      u[NYCT_STU] =
        first && view.phase === "stopped"
          ? { scheduledTrack: s.scheduledTrack, actualTrack: s.track }
          : { scheduledTrack: s.scheduledTrack };
    } else {
      u.arrival = { time: epochS(clock, arrival) };
      u.departure = { time: epochS(clock, departure) };
      u.stopId = s.stopId;
      u[NYCT_STU] = { scheduledTrack: s.scheduledTrack, actualTrack: s.track };
    }
    out.push(u);
  }
  return out;
}

export function tripUpdateEntity(
  id: string,
  trip: OperatedTrip,
  view: TripView,
  style: FeedStyle,
  clock: DayClock,
  lastEvent: number,
): EntityObject {
  const tripUpdate: EntityObject["tripUpdate"] = {
    trip: tripDescriptor(trip, style, clock, view.assigned),
    stopTimeUpdate: stopTimeUpdates(view, style, clock),
  };
  if (style.name === "l") {
    tripUpdate.timestamp = epochS(clock, lastEvent);
    return { id, isDeleted: false, tripUpdate };
  }
  return { id, tripUpdate };
}

/** The vehicle entity, or undefined where the feed lists no vehicle for the trip. */
export function vehicleEntity(
  id: string,
  trip: OperatedTrip,
  view: TripView,
  style: FeedStyle,
  clock: DayClock,
): EntityObject | undefined {
  const stop = view.listed[view.at];
  const trip_ = tripDescriptor(trip, style, clock, view.assigned);
  if (!view.assigned) {
    if (style.name !== "lettered") return undefined;
    // Lettered feeds show a trip's future train at its origin, stamped with its start time.
    return { id, vehicle: { trip: trip_, timestamp: epochS(clock, stop.nominal), stopId: stop.stopId } };
  }
  const vehicle: EntityObject["vehicle"] = {
    trip: trip_,
    currentStopSequence: view.at + 1,
    // IN_TRANSIT_TO is the default and left off the wire, as the MTA does.
    ...(view.phase === "moving" ? {} : { currentStatus: STOPPED_AT }),
    timestamp: epochS(clock, view.reportedAt),
    stopId: stop.stopId,
  };
  return style.name === "l" ? { id, isDeleted: false, vehicle } : { id, vehicle };
}
