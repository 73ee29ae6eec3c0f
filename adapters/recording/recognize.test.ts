import GtfsRealtimeBindings from "gtfs-realtime-bindings";
import { describe, expect, it } from "vitest";
import { recognizePayload } from "./recognize";

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;
const TS = 1759414788; // 2025-10-02T14:19:48Z

type Entity = Record<string, unknown>;
function gtfsRt(entity: Entity[], header: Record<string, unknown> = {}): Uint8Array {
  return FeedMessage.encode(
    FeedMessage.fromObject({ header: { gtfsRealtimeVersion: "1.0", timestamp: TS, ...header }, entity }),
  ).finish();
}
let n = 0;
const tripUpdate = (routeId: string, tripId = `000600_${routeId}..N03R`): Entity => ({
  id: `tu${n++}`,
  tripUpdate: { trip: { tripId, routeId }, stopTimeUpdate: [] },
});
const vehicle = (routeId: string): Entity => ({
  id: `v${n++}`,
  vehicle: { trip: { tripId: `001000_${routeId}..S`, routeId } },
});
const alert = (): Entity => ({
  id: `a${n++}`,
  alert: {
    headerText: { translation: [{ text: "Delays", language: "en" }] },
    informedEntity: [{ agencyId: "MTASBWY", routeId: "A" }],
  },
});
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

const feedOf = (bytes: Uint8Array) => {
  const r = recognizePayload(bytes);
  return r.kind === "feed" ? r.feed : r.kind;
};

describe("recognizePayload: GTFS-realtime", () => {
  it("names each subway feed from the routes its trips carry", () => {
    const cases: [string[], string][] = [
      [["1", "2", "6X", "GS", "7"], "subway-1234567s"],
      [["A", "C", "E", "H"], "subway-ace"],
      [["B", "D", "F", "M"], "subway-bdfm"],
      [["G"], "subway-g"],
      [["J", "Z"], "subway-jz"],
      [["N", "Q", "R", "W"], "subway-nqrw"],
      [["L"], "subway-l"],
      [["SI"], "subway-si"],
    ];
    for (const [routes, feed] of cases) {
      const bytes = gtfsRt([...routes.map((r) => tripUpdate(r)), vehicle(routes[0])]);
      const r = recognizePayload(bytes);
      expect(r, routes.join(",")).toMatchObject({ kind: "feed", feed, timestamp: TS * 1000 });
    }
  });

  it("falls back to the trip_id's route when route_id is empty, and maps 5X with the 5", () => {
    expect(feedOf(gtfsRt([tripUpdate("", "123700_L..N"), tripUpdate("", "000600_L..S")]))).toBe("subway-l");
    expect(feedOf(gtfsRt([tripUpdate("5X"), tripUpdate("5X")]))).toBe("subway-1234567s");
  });

  it("goes with a strict majority and refuses a tie", () => {
    expect(feedOf(gtfsRt([tripUpdate("A"), tripUpdate("A"), tripUpdate("C"), tripUpdate("G")]))).toBe(
      "subway-ace",
    );
    const tie = recognizePayload(gtfsRt([tripUpdate("A"), tripUpdate("G")]));
    expect(tie.kind).toBe("unknown");
    expect(tie.kind === "unknown" && tie.reason).toMatch(/ambiguous/);
  });

  it("treats a feed of alerts only as the alerts feed, but trips with a stray alert as a subway feed", () => {
    expect(recognizePayload(gtfsRt([alert(), alert()]))).toMatchObject({
      kind: "feed",
      feed: "alerts-subway",
      timestamp: TS * 1000,
    });
    expect(feedOf(gtfsRt([tripUpdate("2"), tripUpdate("4"), alert()]))).toBe("subway-1234567s");
  });

  it("reports empty feeds, unknown routes, a missing timestamp and garbage", () => {
    expect(recognizePayload(gtfsRt([])).kind).toBe("unknown");
    expect(recognizePayload(gtfsRt([tripUpdate("Q99"), tripUpdate("BX12")])).kind).toBe("unknown");
    expect(recognizePayload(gtfsRt([tripUpdate("G")], { timestamp: 0 }))).toMatchObject({
      feed: "subway-g",
      timestamp: undefined,
    });
    expect(recognizePayload(Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02])).kind).toBe("unknown");
    expect(recognizePayload(new Uint8Array(0)).kind).toBe("unknown");
  });

  it("does not mistake a protobuf that starts with a newline and '{' for JSON", () => {
    // Pad the version so the encoded header is 123 bytes: the message then starts 0x0a 0x7b ("\n{").
    let bytes = gtfsRt([tripUpdate("G")]);
    for (let pad = 0; bytes[1] !== 0x7b && pad < 200; pad++) {
      bytes = gtfsRt([tripUpdate("G")], { gtfsRealtimeVersion: `1.0${" ".repeat(pad)}` });
    }
    expect([bytes[0], bytes[1]]).toEqual([0x0a, 0x7b]);
    expect(feedOf(bytes)).toBe("subway-g");
  });
});

describe("recognizePayload: JSON and zip", () => {
  const LU = 1727895686;
  it("recognises GBFS files by shape, timed by last_updated", () => {
    const status = {
      last_updated: LU,
      ttl: 60,
      data: { stations: [{ station_id: "a", num_bikes_available: 3, num_docks_available: 2 }] },
    };
    const info = {
      last_updated: LU,
      ttl: 60,
      data: { stations: [{ station_id: "a", name: "X", lat: 40.7, lon: -73.9, capacity: 5 }] },
    };
    const regions = { last_updated: LU, data: { regions: [{ region_id: "71", name: "NYC" }] } };
    const discovery = {
      last_updated: LU,
      data: { en: { feeds: [{ name: "station_status", url: "https://x/s.json" }] } },
    };
    const v3 = {
      last_updated: "2024-10-02T19:01:26Z",
      data: { feeds: [{ name: "station_status", url: "u" }] },
    };
    expect(recognizePayload(json(status))).toMatchObject({
      feed: "gbfs-station-status",
      timestamp: LU * 1000,
    });
    expect(recognizePayload(json(info))).toMatchObject({
      feed: "gbfs-station-information",
      timestamp: LU * 1000,
    });
    expect(feedOf(json(regions))).toBe("gbfs-system-regions");
    expect(feedOf(json(discovery))).toBe("gbfs-discovery");
    expect(recognizePayload(json(v3))).toMatchObject({
      feed: "gbfs-discovery",
      timestamp: Date.UTC(2024, 9, 2, 19, 1, 26),
    });
    expect(feedOf(json({ last_updated: LU, data: { stations: [] } }))).toBe("unknown");
    expect(feedOf(json({ last_updated: LU, data: { vehicle_types: [] } }))).toBe("unknown");
  });

  it("recognises outage lists in both forms, without a payload time", () => {
    const rec = {
      station: "14 St",
      equipment: "EL123",
      equipmenttype: "EL",
      outagedate: "10/02/2025 08:00:00 AM",
      isupcomingoutage: "N",
    };
    expect(recognizePayload(json([rec]))).toMatchObject({
      kind: "feed",
      feed: "outages",
      timestamp: undefined,
    });
    expect(feedOf(json({ NYCOutages: { outage: [rec, rec] } }))).toBe("outages");
    expect(feedOf(json({ NYCOutages: { outage: rec } }))).toBe("outages");
    expect(feedOf(json([{ ...rec, isupcomingoutage: "Y" }]))).toBe("unknown");
    expect(feedOf(json([{ equipmentno: "EL1", station: "x" }]))).toBe("unknown");
    expect(feedOf(json([]))).toBe("unknown");
  });

  it("recognises GTFS-rt alerts served as JSON", () => {
    const alerts = {
      header: { gtfs_realtime_version: "1.0", timestamp: TS },
      entity: [{ id: "1", alert: { header_text: {} } }],
    };
    expect(recognizePayload(json(alerts))).toMatchObject({ feed: "alerts-subway", timestamp: TS * 1000 });
    expect(feedOf(json({ hello: "world" }))).toBe("unknown");
    expect(feedOf(Buffer.from("{ not json"))).toBe("unknown");
  });

  it("takes a zip with stops.txt as static GTFS", () => {
    const zipish = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....stops.txt....")]);
    expect(recognizePayload(zipish).kind).toBe("static");
    expect(recognizePayload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])).kind).toBe("unknown");
  });
});
