import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectWellFormedResult, FUZZ_RUNS, mutatedText, tenMegabytesOfJunk } from "../gtfsrt/fuzz.testutil";
import { decodeOutages } from "./decode";
import type { OutagesSnapshot } from "./types";

const ctx = { feed: "fuzz", receivedAt: 0 };
const record = {
  station: "Jay St-MetroTech",
  borough: "BK",
  trainno: "A/C/F/R",
  equipment: "ES118",
  equipmenttype: "ES",
  serving: "Mezzanine to platform",
  ADA: "N",
  outagedate: "11/03/2024 01:30:00 AM",
  estimatedreturntoservice: "11/04/2024 11:00:00 PM",
  reason: "Capital Replacement",
  isupcomingoutage: "N",
  ismaintenanceoutage: "Y",
};
const bases = [
  JSON.stringify([record, { ...record, equipment: "EL1" }]),
  JSON.stringify({ NYCOutages: { outage: [record] } }),
];

function check(s: OutagesSnapshot): void {
  expect(s.dropped).toBeGreaterThanOrEqual(0);
  for (const o of s.outages) {
    expect(o.equipmentId.length).toBeGreaterThan(0);
    if (o.estimatedReturn !== null) expect(Number.isFinite(o.estimatedReturn)).toBe(true);
  }
}

describe("decodeOutages fuzz", () => {
  it("a snapshot or a typed error for mutated text and wrong JSON, never a throw", () => {
    fc.assert(
      fc.property(mutatedText(bases), (text) =>
        expectWellFormedResult(() => decodeOutages(text, ctx), text.length, check),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("keeps the good records when random junk replaces some", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(record), fc.jsonValue()), { maxLength: 20 }), (items) => {
        const r = decodeOutages(JSON.stringify(items), ctx);
        if (!r.ok) throw r.error;
        const good = items.filter((x) => x === record).length;
        expect(r.value.outages.length).toBeGreaterThanOrEqual(good);
        expect(r.value.outages.length + r.value.dropped).toBe(items.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("rejects 10 MB of junk", () => {
    expect(decodeOutages(tenMegabytesOfJunk(), ctx).ok).toBe(false);
  });
});
