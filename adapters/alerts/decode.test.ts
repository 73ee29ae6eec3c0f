import { describe, expect, it } from "vitest";
import type { AlertsFeedMessageObject } from "../gtfsrt/objects";
import { encodeAlertsFeedMessage, encodeSubwayFeedMessage } from "../gtfsrt/schema";
import type { StaleFeedError } from "../gtfsrt/stale";
import { decodeAlertsFeed, decodeAlertsJson } from "./decode";
import { alertsJson, alertsObject, FEED_TS } from "./fixtures.testutil";
import type { AlertsSnapshot, ServiceAlert } from "./types";

const ctx = {
  feed: "alerts-subway",
  url: "http://127.0.0.1/camsys%2Fsubway-alerts",
  receivedAt: FEED_TS * 1000 + 10_000,
};

const expectedAlerts: ServiceAlert[] = [
  {
    id: "lmm:planned_work:24522",
    alertType: "Planned - Part Suspended",
    createdAt: 1759300000_000,
    updatedAt: 1759310000_000,
    activePeriods: [{ start: 1759536000_000, end: 1759550400_000 }, { start: 1759622400_000 }],
    informed: [
      { agencyId: "MTASBWY", routeId: "A", sortOrder: "MTASBWY:A:20" },
      { agencyId: "MTASBWY", stopId: "A15", sortOrder: "MTASBWY:A15:20" },
    ],
    header: {
      text: "[A] No trains between 59 St and 125 St",
      // raw on purpose: sanitizing is downstream's job
      html: "<p>[A] No trains between <b>59 St</b> and 125 St</p><script>x()</script>",
    },
    description: { text: "Take the [D] instead.", html: "<p>Take the [D] instead.</p>" },
    humanReadablePeriod: "Oct 3 - 4, Fri 10 PM to Sat 5 AM",
    planned: true,
    agency: "MTASBWY",
  },
  {
    id: "lmm:alert:98765",
    alertType: "Delays",
    createdAt: 1759413900_000,
    updatedAt: 1759414100_000,
    activePeriods: [{ start: 1759414000_000 }],
    informed: [{ agencyId: "MTASBWY", routeId: "F", sortOrder: "MTASBWY:F:10" }],
    header: { text: "[F] trains are delayed" },
    description: {},
    planned: false,
    agency: "MTASBWY",
  },
];

function ok(r: ReturnType<typeof decodeAlertsFeed>): AlertsSnapshot {
  if (!r.ok) throw r.error;
  return r.value;
}

function withEntities(entity: AlertsFeedMessageObject["entity"]): Uint8Array {
  return encodeAlertsFeedMessage({ header: alertsObject.header, entity });
}

describe("decodeAlertsFeed (protobuf)", () => {
  it("decodes the Mercury fields into ms, keeping en and en-html raw", () => {
    const s = ok(decodeAlertsFeed(encodeAlertsFeedMessage(alertsObject), ctx));
    expect(s.alerts).toStrictEqual(expectedAlerts);
    expect([s.timestamp, s.mercuryVersion, s.gtfsRealtimeVersion, s.dropped]).toEqual([
      FEED_TS * 1000,
      "1.0",
      "1.0",
      0,
    ]);
    expect([s.feed, s.url, s.receivedAt]).toEqual([ctx.feed, ctx.url, ctx.receivedAt]);
  });

  it("keeps an alert without the Mercury extension, with nulls where it would speak", () => {
    const s = ok(
      decodeAlertsFeed(
        withEntities([{ id: "x", alert: { headerText: { translation: [{ text: "Hi" }] } } }]),
        ctx,
      ),
    );
    expect(s.alerts[0]).toMatchObject({
      alertType: null,
      createdAt: null,
      updatedAt: null,
      planned: false,
      agency: null,
    });
  });

  it("takes the agency from a sort_order when no agency_id is given", () => {
    const s = ok(
      decodeAlertsFeed(
        withEntities([
          {
            id: "x",
            alert: {
              headerText: { translation: [{ text: "Hi" }] },
              informedEntity: [
                { routeId: "1", ".transit_realtime.mercuryEntitySelector": { sortOrder: "NYCTBUS:M15:30" } },
              ],
            },
          },
        ]),
        ctx,
      ),
    );
    expect(s.alerts[0].agency).toBe("NYCTBUS");
  });

  it("drops and counts an alert without any header text, and an entity without an alert", () => {
    const s = ok(
      decodeAlertsFeed(
        withEntities([
          { id: "no-text", alert: { descriptionText: { translation: [{ text: "d" }] } } },
          { id: "no-alert" },
          { id: "fine", alert: { headerText: { translation: [{ text: "ok", language: "en" }] } } },
        ]),
        ctx,
      ),
    );
    expect(s.alerts.map((a) => a.id)).toEqual(["fine"]);
    expect(s.dropped).toBe(2);
  });

  it("calls a feed with no header timestamp 'invalid', and one an hour old 'stale' (with the data)", () => {
    const noTs = encodeAlertsFeedMessage({
      header: { gtfsRealtimeVersion: "1.0" },
      entity: alertsObject.entity,
    });
    const r = decodeAlertsFeed(noTs, ctx);
    expect(r.ok || r.error.kind).toBe("invalid");
    const late = decodeAlertsFeed(encodeAlertsFeedMessage(alertsObject), {
      ...ctx,
      receivedAt: (FEED_TS + 7200) * 1000,
    });
    if (late.ok) throw new Error("expected stale");
    expect(late.error.kind).toBe("stale");
    expect((late.error as StaleFeedError<AlertsSnapshot>).value.alerts).toHaveLength(2);
  });

  it("calls a body without its required header 'invalid', bad bytes 'parse'", () => {
    const headerless = new Uint8Array([0x12, 0x03, 0x0a, 0x01, 0x78]); // one entity, id "x"
    const a = decodeAlertsFeed(headerless, ctx);
    expect(a.ok || a.error.kind).toBe("invalid");
    const b = decodeAlertsFeed(encodeAlertsFeedMessage(alertsObject).subarray(0, 40), ctx);
    if (b.ok) throw new Error("expected parse");
    expect(b.error.kind).toBe("parse");
    expect(b.error.offset).toBeLessThanOrEqual(40);
  });

  it("reads a subway feed's NYCT header bytes as a Mercury header (same field numbers) but finds no alerts", () => {
    const subway = encodeSubwayFeedMessage({
      header: {
        gtfsRealtimeVersion: "1.0",
        timestamp: FEED_TS,
        ".transit_realtime.nyctFeedHeader": { nyctSubwayVersion: "1.0" },
      },
      entity: [{ id: "1", tripUpdate: { trip: { tripId: "1" } } }],
    });
    const s = ok(decodeAlertsFeed(subway, ctx));
    expect([s.alerts.length, s.dropped]).toEqual([0, 1]);
  });
});

describe("decodeAlertsJson", () => {
  it("gives the same snapshot as the protobuf for the same feed", () => {
    const fromJson = ok(decodeAlertsJson(alertsJson, ctx));
    const fromProto = ok(decodeAlertsFeed(encodeAlertsFeedMessage(alertsObject), ctx));
    expect(fromJson).toStrictEqual(fromProto);
    expect(fromJson.alerts).toStrictEqual(expectedAlerts);
  });

  it("accepts bytes, and uint64 times written as digit strings (proto3 JSON)", () => {
    const text = alertsJson.replace('"created_at":1759413900', '"created_at":"1759413900"');
    expect(text).not.toBe(alertsJson);
    const s = ok(decodeAlertsJson(new TextEncoder().encode(text), ctx));
    expect(s.alerts[1].createdAt).toBe(1759413900_000);
  });

  it("drops a malformed entity and keeps the rest", () => {
    const doc = JSON.parse(alertsJson);
    doc.entity[0].alert["transit_realtime.mercury_alert"].created_at = "yesterday";
    doc.entity.push("not an entity", { id: 5 });
    const s = ok(decodeAlertsJson(JSON.stringify(doc), ctx));
    expect(s.alerts.map((a) => a.id)).toEqual(["lmm:alert:98765"]);
    expect(s.dropped).toBe(3);
  });

  it("calls JSON of the wrong shape 'invalid', broken JSON 'parse' with its offset", () => {
    for (const wrong of ["[]", "{}", '{"header": {"timestamp": 1}}', "42", "null"]) {
      const r = decodeAlertsJson(wrong, ctx);
      expect(r.ok || r.error.kind, wrong).toBe("invalid");
    }
    const broken = decodeAlertsJson('{"header": {', ctx);
    expect(broken.ok || [broken.error.kind, broken.error.offset]).toEqual(["parse", 12]);
  });
});
