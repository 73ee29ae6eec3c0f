/**
 * bikesGraph on the real Citi Bike samples in ../shared/data/gbfs: its empty
 * / full counts must equal counts made here from the raw JSON with plain
 * loops. The rule, stated independently of the code:
 *   stale    = last_reported is 86400 (never) or more than 30 min before last_updated
 *   eligible = is_installed && is_renting && !stale
 *   empty    = eligible && num_bikes_available == 0
 *   full     = eligible && num_docks_available == 0
 *   NotSpot  = empty || full (a station both empty and full counts once)
 * The graph runs at engine time = the snapshot's last_updated.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeStationInformation, decodeStationStatus } from "../../adapters/gbfs/decode";
import { sharedDataPath } from "../../adapters/gtfsrt/shared-data";
import { runBikes } from "./fixtures.testutil";

const DIR = sharedDataPath("gbfs");
const present = existsSync(DIR);
if (!present) console.warn(`conformance: ${DIR} absent, skipping the bikes graph on real GBFS samples`);
const snapshots = present
  ? ["citibike-2023-07", "citibike-2024-10"].filter((d) => existsSync(join(DIR, d, "station_status.json")))
  : [];

interface RawStatus {
  last_updated: number;
  data: { stations: Array<Record<string, unknown>> };
}

function countRaw(doc: RawStatus) {
  const flag = (v: unknown) => v === 1 || v === true;
  let empty = 0;
  let full = 0;
  let notSpots = 0;
  let stale = 0;
  let eligible = 0;
  for (const s of doc.data.stations) {
    const reported = Number(s.last_reported);
    const isStale = reported === 86400 || doc.last_updated - reported > 30 * 60;
    const inService = flag(s.is_installed) && flag(s.is_renting);
    if (inService && isStale) stale++;
    if (!inService || isStale) continue;
    eligible++;
    const e = Number(s.num_bikes_available) === 0;
    const f = Number(s.num_docks_available) === 0;
    if (e) empty++;
    if (f) full++;
    if (e || f) notSpots++;
  }
  return { empty, full, notSpots, stale, eligible };
}

describe.skipIf(!present)("bikesGraph on real Citi Bike snapshots", () => {
  it("finds the samples", () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(snapshots)("%s", (name) => {
    const statusPath = join(DIR, name, "station_status.json");
    const raw = JSON.parse(readFileSync(statusPath, "utf8")) as RawStatus;
    const expected = countRaw(raw);
    const st = decodeStationStatus(readFileSync(statusPath), { feed: "gbfs-station-status" });
    const inf = decodeStationInformation(readFileSync(join(DIR, name, "station_information.json")), {
      feed: "gbfs-station-information",
    });
    if (!st.ok) throw st.error;
    if (!inf.ok) throw inf.error;
    const t = raw.last_updated * 1000;
    const r = runBikes({ start: t, end: t, info: [[t, inf.value]], status: [[t, st.value]] });
    const totals = r.totalsAt(t);

    it(`counts empty and full stations as the raw JSON says (${basename(name)})`, () => {
      expect(expected.empty).toBeGreaterThan(0);
      expect(expected.full).toBeGreaterThan(0);
      expect(totals).toMatchObject({
        empty: expected.empty,
        full: expected.full,
        notSpots: expected.notSpots,
        stale: expected.stale,
      });
      expect(totals?.notSpotShare).toBeCloseTo(expected.notSpots / expected.eligible, 12);
    });

    it("gives every station a view whose state agrees with the counts", () => {
      const views = r.stationsAt(t) ?? [];
      expect(views.length).toBe(raw.data.stations.length); // every status station is in station_information
      expect(views.filter((v) => v.state === "stale").length).toBe(expected.stale);
      // the view says "empty" for a station that is both, so empty + full-only = NotSpots
      expect(views.filter((v) => v.state === "empty" || v.state === "full").length).toBe(expected.notSpots);
      expect([...views.map((v) => v.id)]).toEqual(views.map((v) => v.id).sort());
    });
  });
});
