import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { describe, expect, it } from "vitest";
import type { AlertsFeedMessageObject, SubwayFeedMessageObject } from "./objects";
import {
  alertsFeedMessageType,
  alertsProtoRoot,
  encodeAlertsFeedMessage,
  encodeSubwayFeedMessage,
  subwayFeedMessageType,
  subwayProtoRoot,
} from "./schema";
import { at, num, str, walk } from "./wire-walk.testutil";

// the example documented in ./objects
const subwayExample: SubwayFeedMessageObject = {
  header: {
    gtfsRealtimeVersion: "1.0",
    timestamp: 1759414800,
    ".transit_realtime.nyctFeedHeader": {
      nyctSubwayVersion: "1.0",
      tripReplacementPeriod: [{ routeId: "A", replacementPeriod: { end: 1759416600 } }],
    },
  },
  entity: [
    {
      id: "1",
      tripUpdate: {
        trip: {
          tripId: "052200_A..S55R",
          routeId: "A",
          startDate: "20251002",
          ".transit_realtime.nyctTripDescriptor": {
            trainId: "1A 0842 207/FAR",
            isAssigned: true,
            direction: "SOUTH",
          },
        },
        stopTimeUpdate: [
          {
            stopId: "A02S",
            departure: { time: 1759414860 },
            ".transit_realtime.nyctStopTimeUpdate": { scheduledTrack: "A1", actualTrack: "A1" },
          },
          { stopId: "A03S", arrival: { time: 1759414980 }, departure: { time: 1759415000 } },
        ],
      },
    },
    {
      id: "2",
      vehicle: {
        trip: { tripId: "052200_A..S55R" },
        stopId: "A02S",
        currentStatus: "STOPPED_AT",
        timestamp: 1759414790,
      },
    },
  ],
};

const alertsExample: AlertsFeedMessageObject = {
  header: {
    gtfsRealtimeVersion: "1.0",
    timestamp: 1759414800,
    ".transit_realtime.mercuryFeedHeader": { mercuryVersion: "1.0" },
  },
  entity: [
    {
      id: "lmm:planned_work:1",
      alert: {
        activePeriod: [{ start: 1759400000, end: 1759500000 }],
        informedEntity: [
          {
            agencyId: "MTASBWY",
            routeId: "A",
            ".transit_realtime.mercuryEntitySelector": { sortOrder: "MTASBWY:A:20" },
          },
        ],
        headerText: { translation: [{ text: "No A trains", language: "en" }] },
        ".transit_realtime.mercuryAlert": {
          createdAt: 1759300000,
          updatedAt: 1759310000,
          alertType: "Planned - Part Suspended",
          humanReadableActivePeriod: { translation: [{ text: "Oct 2, 10 PM", language: "en" }] },
        },
      },
    },
  ],
};

const asObject = { longs: Number, enums: String } as const;

describe("GTFS-realtime schema roots", () => {
  it("loads each root once (lazy singletons)", () => {
    expect(subwayProtoRoot()).toBe(subwayProtoRoot());
    expect(alertsProtoRoot()).toBe(alertsProtoRoot());
    expect(subwayProtoRoot()).not.toBe(alertsProtoRoot());
  });

  it("gives FeedHeader field 1001 to NYCT in one root and to Mercury in the other", () => {
    const nyct = subwayProtoRoot().lookupType("transit_realtime.FeedHeader").fieldsById[1001];
    const mercury = alertsProtoRoot().lookupType("transit_realtime.FeedHeader").fieldsById[1001];
    expect(nyct.resolvedType?.name).toBe("NyctFeedHeader");
    expect(mercury.resolvedType?.name).toBe("MercuryFeedHeader");
  });
});

describe("encodeSubwayFeedMessage", () => {
  it("round-trips the documented example through the reflection decoder", () => {
    const type = subwayFeedMessageType();
    const back = type.toObject(type.decode(encodeSubwayFeedMessage(subwayExample)), asObject);
    expect(back).toEqual(subwayExample);
  });

  it("puts the NYCT extension on the wire as field 1001, where the plain bindings cannot see it", () => {
    const bytes = encodeSubwayFeedMessage(subwayExample);
    const [header] = at(walk(bytes), 1);
    const [nyctHeader] = at(header, 1001);
    expect(str(nyctHeader, 1)).toBe("1.0");
    const [tripDescriptor] = at(walk(bytes), 2, 3, 1);
    const [nyctTrip] = at(tripDescriptor, 1001);
    expect(str(nyctTrip, 1)).toBe("1A 0842 207/FAR");
    expect(num(nyctTrip, 3)).toBe(3); // SOUTH

    const bare = GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(bytes);
    expect(bare.entity[0].tripUpdate?.trip.tripId).toBe("052200_A..S55R");
    expect(Number(bare.entity[0].tripUpdate?.stopTimeUpdate?.[1].arrival?.time)).toBe(1759414980);
  });

  it("leaves absent fields off the wire (NORTH is never written)", () => {
    const bytes = encodeSubwayFeedMessage({
      header: { gtfsRealtimeVersion: "1.0" },
      entity: [
        { id: "1", tripUpdate: { trip: { ".transit_realtime.nyctTripDescriptor": { trainId: "x" } } } },
      ],
    });
    const [nyctTrip] = at(walk(bytes), 2, 3, 1, 1001);
    expect([...nyctTrip.keys()]).toEqual([1]);
  });

  it("rejects a misspelt extension key instead of dropping it", () => {
    const bad = {
      header: {
        gtfsRealtimeVersion: "1.0",
        ".transit_realtime.nyct_feed_header": { nyctSubwayVersion: "1.0" },
      },
    } as unknown as SubwayFeedMessageObject;
    expect(() => encodeSubwayFeedMessage(bad)).toThrow(/nyct_feed_header: no such field/);
  });

  it("rejects a missing required field", () => {
    const bad = { header: { timestamp: 1 } } as unknown as SubwayFeedMessageObject;
    expect(() => encodeSubwayFeedMessage(bad)).toThrow(/header\.gtfsRealtimeVersion: required/);
    const noHeader = { entity: [] } as unknown as SubwayFeedMessageObject;
    expect(() => encodeSubwayFeedMessage(noHeader)).toThrow(/header: required/);
  });

  it("rejects a bad enum name", () => {
    const bad = structuredClone(subwayExample) as unknown as {
      entity: { vehicle?: { currentStatus: string } }[];
    };
    bad.entity[1].vehicle!.currentStatus = "PARKED";
    expect(() => encodeSubwayFeedMessage(bad as unknown as SubwayFeedMessageObject)).toThrow(
      /PARKED is not a VehicleStopStatus value/,
    );
  });
});

describe("encodeAlertsFeedMessage", () => {
  it("round-trips an alert with every Mercury extension used", () => {
    const type = alertsFeedMessageType();
    const back = type.toObject(type.decode(encodeAlertsFeedMessage(alertsExample)), asObject);
    expect(back).toEqual(alertsExample);
  });

  it("writes Mercury's header extension at 1001 with mercury_version at field 1", () => {
    const [mercury] = at(walk(encodeAlertsFeedMessage(alertsExample)), 1, 1001);
    expect(str(mercury, 1)).toBe("1.0");
    const [mercuryAlert] = at(walk(encodeAlertsFeedMessage(alertsExample)), 2, 5, 1001);
    expect(num(mercuryAlert, 1)).toBe(1759300000);
    expect(str(mercuryAlert, 3)).toBe("Planned - Part Suspended");
  });

  it("does not accept NYCT extension keys on an alerts feed", () => {
    const bad = {
      header: {
        gtfsRealtimeVersion: "1.0",
        ".transit_realtime.nyctFeedHeader": { nyctSubwayVersion: "1.0" },
      },
    } as unknown as AlertsFeedMessageObject;
    expect(() => encodeAlertsFeedMessage(bad)).toThrow(/no such field/);
  });
});
