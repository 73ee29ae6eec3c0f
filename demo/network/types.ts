/**
 * The shape of the demo's subway network: stations (one per line-group
 * platform pair, keyed by an MTA-style parent stop id), complexes that join
 * stations where riders can transfer, and lines made of stopping patterns.
 */
import type { SubwayFeedId } from "../../adapters/feeds";

export type Borough = "M" | "Bx" | "Bk" | "Q" | "SI";

export interface Station {
  /** Parent stop id, e.g. "127"; platforms are this id + "N" / "S". */
  id: string;
  name: string;
  lat: number;
  lon: number;
  borough: Borough;
  /** Station complex id; stations of one complex share it (Times Sq: 127, 725, 902, R16, A27). */
  complexId: string;
  /** Step-free access (elevators), which is what the outages feed is about. */
  ada: boolean;
}

export interface Complex {
  id: string;
  name: string;
  stationIds: string[];
}

/** A station along a pattern; `stops` false means the train runs through without stopping. */
export interface PatternStop {
  stationId: string;
  stops: boolean;
  /**
   * Stops on the express track although it passes no station next to it:
   * where two trunks meet (the 4 and 5 at Nevins St, while the 2 and 3 use
   * the local track), so that they do not share one platform track.
   */
  expressTrack?: true;
}

/** Service hours of a pattern as [fromHour, toHour) pairs of the service day (0-24). */
export type HourRange = readonly [number, number];

export interface Pattern {
  /** Stable id, e.g. "2-express"; also names the GTFS shape with the direction. */
  id: string;
  /** Route id riders see on this pattern (usually the line's; "6X"/"7X" for the diamond expresses). */
  routeId: string;
  /** Path code that ends a trip id, e.g. "01R" in "053700_2..S01R"; "" for none. */
  pathCode: string;
  /** Stations from the north terminal to the south terminal (geometry includes run-through stations). */
  stops: PatternStop[];
  hours: readonly HourRange[];
  /** Share of the line's trips in the hours the pattern runs alongside others. */
  weight: number;
  /**
   * Rush-hour direction rule: "only" = runs only toward the peak (south in the
   * morning rush, north in the evening rush: skip-stop and diamond expresses);
   * "never" = gives way to an "only" pattern in the peak direction at rush hours.
   */
  peak?: "only" | "never";
}

/** Trains per hour, for each hour of a weekday service day (index 0 = midnight). */
export type HourlyHeadways = readonly number[];

export interface Line {
  id: string;
  name: string;
  /** Six hex digits, no "#", as in GTFS route_color. */
  color: string;
  textColor: string;
  feed: SubwayFeedId;
  /** "A" = IRT (numbered lines), "B" = BMT/IND (lettered lines): the realtime feeds differ between them. */
  division: "A" | "B";
  /** First part of the NYCT train id, e.g. "01" for the 1, "1A" for the A, "0L" for the L. */
  trainPrefix: string;
  /** Track name prefix on the lettered lines ("A" for track "A3"); unused on the IRT. */
  trackPrefix: string;
  /** Minutes between trains per hour; 0 = no service that hour. */
  headways: HourlyHeadways;
  patterns: Pattern[];
}

export interface Network {
  stations: ReadonlyMap<string, Station>;
  complexes: ReadonlyMap<string, Complex>;
  lines: readonly Line[];
}
