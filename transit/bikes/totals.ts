/** Sums over classified stations: system-wide and per region (NotSpot-minutes are added later). */
import type { BikeTotals } from "../contract";
import type { StationCounts } from "./classify";

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

/**
 * Adds one station (sign 1), or takes it back out (sign -1). Availability sums every
 * station in the feed, as the feed reports it. Every count is an integer: taking a
 * station out leaves exactly the sums without it.
 */
function add(c: Acc, s: StationCounts, sign: 1 | -1 = 1): void {
  c.bikes += sign * s.bikes;
  c.ebikes += sign * s.ebikes;
  c.docks += sign * s.docks;
  c.disabled += sign * s.disabled;
  if (s.installed) c.stationsInstalled += sign;
  if (s.renting) c.stationsRenting += sign;
  if (s.state === "stale") c.stale += sign;
  if (s.empty) c.empty += sign;
  if (s.full) c.full += sign;
  // A station both empty and full (no bike, no dock) is one NotSpot.
  if (s.empty || s.full) c.notSpots += sign;
  if (s.eligible) c.eligible += sign;
}

/** NotSpots over the stations that could be one (fresh, installed, renting); 0 when none. */
function finish(c: Acc): Counts {
  return {
    bikes: c.bikes,
    ebikes: c.ebikes,
    docks: c.docks,
    disabled: c.disabled,
    stationsInstalled: c.stationsInstalled,
    stationsRenting: c.stationsRenting,
    empty: c.empty,
    full: c.full,
    notSpots: c.notSpots,
    notSpotShare: c.eligible === 0 ? 0 : c.notSpots / c.eligible,
    stale: c.stale,
  };
}

export interface TotalsByRegion {
  system: Counts;
  /** Region id -> counts, sorted by id; regions listed by system_regions appear even with no station. */
  regions: Map<string, Counts>;
}

export function sumStations(
  stations: readonly StationCounts[],
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

/** Region counts while summing, with how many stations are in the region (a region without any is left out). */
type RegionAcc = Acc & { stations: number };

/**
 * sumStations kept up to date from one classification to the next: only the
 * stations whose counts are another object than last time (a station that
 * counts as before keeps its object) are taken out and added again.
 */
export class RunningTotals {
  private stations: readonly StationCounts[] = [];
  private system: Acc = { ...emptyCounts(), eligible: 0 };
  private regions = new Map<string, RegionAcc>();

  update(stations: readonly StationCounts[], knownRegions: readonly string[] = []): TotalsByRegion {
    const last = this.stations;
    this.stations = stations;
    if (stations.length !== last.length) {
      this.system = { ...emptyCounts(), eligible: 0 };
      this.regions.clear();
      for (const s of stations) this.add(s, 1);
    } else {
      for (let i = 0; i < stations.length; i++) {
        if (stations[i] === last[i]) continue;
        this.add(last[i], -1);
        this.add(stations[i], 1);
      }
    }
    const ids = new Set(knownRegions);
    for (const [id, r] of this.regions) if (r.stations > 0) ids.add(id);
    return {
      system: finish(this.system),
      regions: new Map(
        [...ids].sort().map((id) => {
          const r = this.regions.get(id);
          return [id, r ? finish(r) : emptyCounts()];
        }),
      ),
    };
  }

  private add(s: StationCounts, sign: 1 | -1): void {
    add(this.system, s, sign);
    if (s.regionId === null) return;
    let r = this.regions.get(s.regionId);
    if (!r) this.regions.set(s.regionId, (r = { ...emptyCounts(), eligible: 0, stations: 0 }));
    add(r, s, sign);
    r.stations += sign;
  }
}
