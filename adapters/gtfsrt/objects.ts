/**
 * Plain-object shapes accepted by encodeSubwayFeedMessage and
 * encodeAlertsFeedMessage: protobufjs's camelCase form of the .proto messages.
 *
 * - Field names are the proto names in camelCase (stop_time_update -> stopTimeUpdate).
 * - Extension fields (number 1001) sit under their full name with a leading
 *   dot, as protobufjs names them: ".transit_realtime.nyctFeedHeader",
 *   ".transit_realtime.nyctTripDescriptor", ".transit_realtime.nyctStopTimeUpdate",
 *   ".transit_realtime.mercuryFeedHeader", ".transit_realtime.mercuryAlert",
 *   ".transit_realtime.mercuryEntitySelector".
 * - Times are epoch SECONDS as numbers (uint64/int64 on the wire).
 * - Enums are given by name ("STOPPED_AT", "SOUTH") or by number.
 * - Leave a field out to leave it off the wire (as the MTA does for NORTH and
 *   is_assigned=false). Unknown keys and missing required fields throw.
 *
 * Example, a one-trip subway feed:
 *
 *   encodeSubwayFeedMessage({
 *     header: {
 *       gtfsRealtimeVersion: "1.0",
 *       timestamp: 1759414800,
 *       ".transit_realtime.nyctFeedHeader": {
 *         nyctSubwayVersion: "1.0",
 *         tripReplacementPeriod: [{ routeId: "A", replacementPeriod: { end: 1759416600 } }],
 *       },
 *     },
 *     entity: [
 *       {
 *         id: "1",
 *         tripUpdate: {
 *           trip: {
 *             tripId: "052200_A..S55R", routeId: "A", startDate: "20251002",
 *             ".transit_realtime.nyctTripDescriptor": { trainId: "1A 0842 207/FAR", isAssigned: true, direction: "SOUTH" },
 *           },
 *           stopTimeUpdate: [
 *             { stopId: "A02S", departure: { time: 1759414860 },
 *               ".transit_realtime.nyctStopTimeUpdate": { scheduledTrack: "A1", actualTrack: "A1" } },
 *             { stopId: "A03S", arrival: { time: 1759414980 }, departure: { time: 1759415000 } },
 *           ],
 *         },
 *       },
 *       { id: "2", vehicle: { trip: { tripId: "052200_A..S55R" }, stopId: "A02S", currentStatus: "STOPPED_AT", timestamp: 1759414790 } },
 *     ],
 *   });
 */

export type Seconds = number;

export interface TimeRangeObject {
  start?: Seconds;
  end?: Seconds;
}

export interface TranslatedStringObject {
  translation: { text: string; language?: string }[];
}

type Incrementality = "FULL_DATASET" | "DIFFERENTIAL" | 0 | 1;

interface FeedHeaderBase {
  gtfsRealtimeVersion: string;
  incrementality?: Incrementality;
  timestamp?: Seconds;
  feedVersion?: string;
}

// --- NYCT (subway) ---

export interface NyctFeedHeaderObject {
  nyctSubwayVersion: string;
  tripReplacementPeriod?: { routeId?: string; replacementPeriod?: TimeRangeObject }[];
}

export interface NyctTripDescriptorObject {
  trainId?: string;
  isAssigned?: boolean;
  direction?: "NORTH" | "EAST" | "SOUTH" | "WEST" | 1 | 2 | 3 | 4;
}

type TripScheduleRelationship =
  | "SCHEDULED"
  | "ADDED"
  | "UNSCHEDULED"
  | "CANCELED"
  | "REPLACEMENT"
  | "DUPLICATED"
  | "DELETED"
  | number;

interface TripDescriptorBase {
  tripId?: string;
  routeId?: string;
  directionId?: number;
  startTime?: string;
  startDate?: string;
  scheduleRelationship?: TripScheduleRelationship;
}

export interface SubwayTripDescriptorObject extends TripDescriptorBase {
  ".transit_realtime.nyctTripDescriptor"?: NyctTripDescriptorObject;
}

export interface StopTimeEventObject {
  delay?: number;
  time?: Seconds;
  uncertainty?: number;
  scheduledTime?: Seconds;
}

export interface StopTimeUpdateObject {
  stopSequence?: number;
  stopId?: string;
  arrival?: StopTimeEventObject;
  departure?: StopTimeEventObject;
  scheduleRelationship?: "SCHEDULED" | "SKIPPED" | "NO_DATA" | "UNSCHEDULED" | number;
  ".transit_realtime.nyctStopTimeUpdate"?: { scheduledTrack?: string; actualTrack?: string };
}

export interface VehicleDescriptorObject {
  id?: string;
  label?: string;
  licensePlate?: string;
}

export interface SubwayTripUpdateObject {
  trip: SubwayTripDescriptorObject;
  vehicle?: VehicleDescriptorObject;
  stopTimeUpdate?: StopTimeUpdateObject[];
  timestamp?: Seconds;
  delay?: number;
}

export interface SubwayVehiclePositionObject {
  trip?: SubwayTripDescriptorObject;
  vehicle?: VehicleDescriptorObject;
  position?: { latitude: number; longitude: number; bearing?: number; odometer?: number; speed?: number };
  currentStopSequence?: number;
  stopId?: string;
  currentStatus?: "INCOMING_AT" | "STOPPED_AT" | "IN_TRANSIT_TO" | 0 | 1 | 2;
  timestamp?: Seconds;
}

interface EntitySelectorBase<Trip> {
  agencyId?: string;
  routeId?: string;
  routeType?: number;
  trip?: Trip;
  stopId?: string;
  directionId?: number;
}

interface AlertBase<Selector> {
  activePeriod?: TimeRangeObject[];
  informedEntity?: Selector[];
  cause?: string | number;
  effect?: string | number;
  url?: TranslatedStringObject;
  headerText?: TranslatedStringObject;
  descriptionText?: TranslatedStringObject;
  ttsHeaderText?: TranslatedStringObject;
  ttsDescriptionText?: TranslatedStringObject;
  severityLevel?: string | number;
}

export interface SubwayFeedMessageObject {
  header: FeedHeaderBase & { ".transit_realtime.nyctFeedHeader"?: NyctFeedHeaderObject };
  entity?: {
    id: string;
    isDeleted?: boolean;
    tripUpdate?: SubwayTripUpdateObject;
    vehicle?: SubwayVehiclePositionObject;
    alert?: AlertBase<EntitySelectorBase<SubwayTripDescriptorObject>>;
  }[];
}

// --- Mercury (alerts) ---

export interface MercuryEntitySelectorObject extends EntitySelectorBase<TripDescriptorBase> {
  ".transit_realtime.mercuryEntitySelector"?: { sortOrder: string };
}

export interface MercuryAlertObject {
  createdAt: Seconds;
  updatedAt: Seconds;
  alertType: string;
  stationAlternative?: { affectedEntity: MercuryEntitySelectorObject; notes: TranslatedStringObject }[];
  servicePlanNumber?: string[];
  generalOrderNumber?: string[];
  displayBeforeActive?: Seconds;
  humanReadableActivePeriod?: TranslatedStringObject;
  directionality?: number;
  affectedStations?: MercuryEntitySelectorObject[];
  screensSummary?: TranslatedStringObject;
  noAffectedStations?: boolean;
  cloneId?: string;
}

export interface AlertsAlertObject extends AlertBase<MercuryEntitySelectorObject> {
  ".transit_realtime.mercuryAlert"?: MercuryAlertObject;
}

export interface AlertsFeedMessageObject {
  header: FeedHeaderBase & { ".transit_realtime.mercuryFeedHeader"?: { mercuryVersion: string } };
  entity?: { id: string; isDeleted?: boolean; alert?: AlertsAlertObject }[];
}
