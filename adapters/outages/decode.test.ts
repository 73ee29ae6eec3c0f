import { describe, expect, it } from "vitest";
import { decodeOutages } from "./decode";

const ctx = { feed: "outages", url: "http://127.0.0.1/nyct%2Fnyct_ene.json", receivedAt: 1_760_000_000_000 };

const record = {
  station: "Times Sq-42 St",
  borough: "MN",
  trainno: "1/2/3/7/N/Q/R/W/S",
  equipment: "EL341",
  equipmenttype: "EL",
  serving: "Street to mezzanine for service in both directions",
  ADA: "Y",
  outagedate: "03/10/2024 01:30:00 AM", // EST, before the change
  estimatedreturntoservice: "03/11/2024 05:00:00 PM", // EDT, after it
  reason: "Repair",
  isupcomingoutage: "N",
  ismaintenanceoutage: "N",
};

const expected = {
  station: "Times Sq-42 St",
  borough: "MN",
  lines: ["1", "2", "3", "7", "N", "Q", "R", "W", "S"],
  equipmentId: "EL341",
  equipmentType: "EL",
  kind: "elevator",
  serving: "Street to mezzanine for service in both directions",
  ada: true,
  outageStart: Date.UTC(2024, 2, 10, 6, 30),
  estimatedReturn: Date.UTC(2024, 2, 11, 21, 0),
  reason: "Repair",
  isUpcoming: false,
  isMaintenance: false,
};

function decodeOk(body: unknown) {
  const r = decodeOutages(typeof body === "string" ? body : JSON.stringify(body), ctx);
  if (!r.ok) throw r.error;
  return r.value;
}

describe("decodeOutages", () => {
  it("reads the flat array, times as New York local time", () => {
    const s = decodeOk([record]);
    expect(s.outages).toStrictEqual([expected]);
    expect([s.feed, s.url, s.receivedAt, s.dropped]).toEqual([ctx.feed, ctx.url, ctx.receivedAt, 0]);
  });

  it("reads the old NYCOutages envelope, with a list or a single record", () => {
    expect(decodeOk({ NYCOutages: { outage: [record, record] } }).outages).toHaveLength(2);
    expect(decodeOk({ NYCOutages: { outage: record } }).outages).toStrictEqual([expected]);
    expect(decodeOk({ NYCOutages: { outage: null } }).outages).toEqual([]);
  });

  it("accepts bytes", () => {
    const r = decodeOutages(new TextEncoder().encode(JSON.stringify([record])), ctx);
    expect(r.ok && r.value.outages.length).toBe(1);
  });

  it("treats an empty or 'null' return time as unknown, not as bad", () => {
    const s = decodeOk([
      { ...record, estimatedreturntoservice: "" },
      { ...record, estimatedreturntoservice: "null" },
    ]);
    expect(s.outages.map((o) => o.estimatedReturn)).toEqual([null, null]);
    expect(s.dropped).toBe(0);
  });

  it("maps escalators, unknown types and unclear Y/N fields", () => {
    const [es, other] = decodeOk([
      { ...record, equipmenttype: "ES", ADA: "N", isupcomingoutage: "Y" },
      { ...record, equipmenttype: "RM", ADA: "", ismaintenanceoutage: undefined },
    ]).outages;
    expect([es.kind, es.ada, es.isUpcoming]).toEqual(["escalator", false, true]);
    expect([other.kind, other.equipmentType, other.ada, other.isMaintenance]).toEqual([
      "other",
      "RM",
      null,
      null,
    ]);
  });

  it("drops and counts bad records, never the feed", () => {
    const s = decodeOk([
      record,
      { ...record, equipment: "" },
      { ...record, station: undefined },
      { ...record, outagedate: "last Tuesday" },
      "not a record",
      null,
      { ...record, equipment: 123 }, // a numeric id is still an id
    ]);
    expect(s.outages.map((o) => o.equipmentId)).toEqual(["EL341", "123"]);
    expect(s.dropped).toBe(5);
  });

  it("calls other shapes 'invalid' and non-JSON 'parse'", () => {
    for (const wrong of ["{}", '{"NYCOutages": 5}', "42", '"text"']) {
      const r = decodeOutages(wrong, ctx);
      expect(r.ok || r.error.kind, wrong).toBe("invalid");
    }
    const html = decodeOutages("<html>Service Unavailable</html>", ctx);
    expect(html.ok || html.error.kind).toBe("parse");
    const empty = decodeOutages("", ctx);
    expect(empty.ok || empty.error.kind).toBe("empty");
  });
});
