/** Sums over classified stations: system-wide and per region (NotSpot-minutes are added later). */
import type { BikeTotals } from "../contract";
import type { ClassifiedStation } from "./classify";

export type Counts = Omit<BikeTotals, "notSpotMinutesToday">;

export function emptyCounts(): Counts {
  return {
    bikes: 0,
    ebikes: 0,
    docks: 0,
    disabled: 0,
    stationsInstalled: 0,
    stationsRenting: 0,
    empty: 0,
    full: 0,
    notSpots: 0,
    notSpotShare: 0,
    stale: 0,
  };
}

/** Counts while summing, with the number of stations that could be a NotSpot (the share's denominator). */
type Acc = Counts & { eligible: number };

/** Adds one station. Availability sums every station in the feed, as the feed reports it. */
function add(c: Acc, s: ClassifiedStation): void {
  c.bikes += s.bikes;
  c.ebikes += s.ebikes;
  c.docks += s.docks;
  c.disabled += s.disabled;
  if (s.installed) c.stationsInstalled++;
  if (s.renting) c.stationsRenting++;
  if (s.state === "stale") c.stale++;
  if (s.empty) c.empty++;
  if (s.full) c.full++;
  // A station both empty and full (no bike, no dock) is one NotSpot.
  if (s.empty || s.full) c.notSpots++;
  if (s.eligible) c.eligible++;
}

/** NotSpots over the stations that could be one (fresh, installed, renting); 0 when none. */
function finish(c: Acc): Counts {
  const { eligible, ...counts } = c;
  counts.notSpotShare = eligible === 0 ? 0 : c.notSpots / eligible;
  return counts;
}

export interface TotalsByRegion {
  system: Counts;
  /** Region id -> counts, sorted by id; regions listed by system_regions appear even with no station. */
  regions: Map<string, Counts>;
}

export function sumStations(
  stations: readonly ClassifiedStation[],
  knownRegions: readonly string[] = [],
): TotalsByRegion {
  const acc = (): Acc => ({ ...emptyCounts(), eligible: 0 });
  const system = acc();
  const regions = new Map<string, Acc>(knownRegions.map((id) => [id, acc()]));
  for (const s of stations) {
    add(system, s);
    if (s.regionId === null) continue;
    let r = regions.get(s.regionId);
    if (!r) regions.set(s.regionId, (r = acc()));
    add(r, s);
  }
  return {
    system: finish(system),
    regions: new Map([...regions.keys()].sort().map((id) => [id, finish(regions.get(id) as Acc)])),
  };
}
