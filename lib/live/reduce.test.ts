import { describe, expect, it } from "vitest";
import { applyDelta, applySnapshot, keyOf } from "./reduce";

const snap = <T>(topic: string, seq: number, data: T) =>
  applySnapshot(topic, { seq, t: 1000, data }, undefined, 5);

describe("topic state", () => {
  it("applies keyed upserts and removals in order, keeping unchanged items as they were", () => {
    const a = { tripKey: "a", v: 1 };
    const b = { tripKey: "b", v: 1 };
    const s0 = snap("trains", 7, [a, b]);
    const r = applyDelta(
      s0,
      {
        topic: "trains",
        seq: 8,
        t: 2000,
        data: {
          upsert: [
            { tripKey: "b", v: 2 },
            { tripKey: "c", v: 1 },
          ],
          remove: ["a"],
        },
      },
      9,
    );
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.state.data).toEqual([
      { tripKey: "b", v: 2 },
      { tripKey: "c", v: 1 },
    ]);
    expect(r.state.seq).toBe(8);
    expect(r.state.t).toBe(2000);
    expect(r.state.receivedAt).toBe(9);
    expect(r.state.version).toBe(s0.version + 1);
  });

  it("keeps the identity of items a delta does not touch", () => {
    const a = { id: "x", bikes: 3 };
    const s0 = snap("bikes", 1, [a, { id: "y", bikes: 0 }]);
    const r = applyDelta(s0, { topic: "bikes", seq: 2, t: 2, data: { upsert: [{ id: "y", bikes: 1 }] } }, 0);
    expect(r.kind === "ok" && r.state.data[0]).toBe(a);
  });

  it("asks for a snapshot on a gap and ignores a delta already applied", () => {
    const s0 = snap("status", 3, [{ route: "A" }]);
    expect(applyDelta(s0, { topic: "status", seq: 5, t: 0, data: {} }, 0)).toEqual({
      kind: "gap",
      expected: 4,
      got: 5,
    });
    const dup = applyDelta(s0, { topic: "status", seq: 3, t: 0, data: { remove: ["A"] } }, 0);
    expect(dup.kind === "ok" && dup.state).toBe(s0);
    expect(applyDelta(undefined, { topic: "status", seq: 1, t: 0, data: {} }, 0).kind).toBe("gap");
  });

  it("appends chart points and replaces whole values", () => {
    const c0 = snap("charts:bikes.notspots", 0, [{ t: 1, key: {}, value: 3 }]);
    const c1 = applyDelta(
      c0,
      { topic: "charts:bikes.notspots", seq: 1, t: 2, data: [{ t: 2, key: {}, value: 4 }] },
      0,
    );
    expect(c1.kind === "ok" && (c1.state.data as unknown[]).length).toBe(2);
    const v0 = snap("bike-totals", 0, { bikes: 1 });
    const v1 = applyDelta(v0, { topic: "bike-totals", seq: 1, t: 2, data: { bikes: 2 } }, 0);
    expect(v1.kind === "ok" && v1.state.data).toEqual({ bikes: 2 });
    // A keyed topic's delta that is a whole list replaces it (never appended).
    const k1 = applyDelta(
      snap("alerts", 0, [{ id: "1" }]),
      { topic: "alerts", seq: 1, t: 2, data: [{ id: "2" }] },
      0,
    );
    expect(k1.kind === "ok" && k1.state.data).toEqual([{ id: "2" }]);
  });

  it("knows each family's key field", () => {
    expect(keyOf("trains:A", { tripKey: "t1" })).toBe("t1");
    expect(keyOf("status", { route: "Q" })).toBe("Q");
    expect(keyOf("outages", { equipmentId: "EL1" })).toBe("EL1");
    expect(keyOf("health", { feed: "subway-l" })).toBe("subway-l");
    expect(keyOf("bikes:near:40.7,-73.9,500", { id: "b" })).toBe("b");
    expect(keyOf("alerts", { nope: 1 })).toBeNull();
  });
});
