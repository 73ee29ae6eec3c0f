/**
 * How each of the eight real subway feeds differs (the quirks a consumer
 * must cope with), as observed in recorded feeds:
 * - 1234567S ("irt"): no start_time; a trip not yet gone has no arrival at its
 *   first stop; the last stop has no departure; scheduled_track everywhere,
 *   actual_track only at the stop the train stands at; trips due in the next
 *   ~35 min listed unassigned with no vehicle; replacement period ends "now".
 * - lettered feeds: start_time; arrival and departure everywhere; both tracks;
 *   every trip due in the next hour listed, unassigned, with a vehicle entity
 *   (timestamp = its start, no status); replacement period one hour.
 * - L: numeric entity ids, is_deleted false, FULL_DATASET, schedule
 *   relationships, direction_id (0 = south), stop_sequence, delay and
 *   uncertainty on each event; replacement period [now, now + 30 min].
 * - SI: like the lettered feeds, but only trips with a train.
 */
import type { SubwayFeedId } from "../../adapters/feeds";

export type FeedStyleName = "irt" | "lettered" | "l" | "si";

export interface FeedStyle {
  name: FeedStyleName;
  feed: SubwayFeedId;
  /** Trips due to start within this many seconds are listed before they have a train. */
  horizonS: number;
  /** Route ids listed in the header's trip replacement periods. */
  replacementRoutes: string[];
  replacementStartNow: boolean;
  /** Replacement period end, seconds after the header time. */
  replacementS: number;
  entityId: (n: number) => string;
}

const pad6 = (n: number) => String(n).padStart(6, "0");

function lettered(feed: SubwayFeedId, suffix: string, routes: string[]): FeedStyle {
  return {
    name: "lettered",
    feed,
    horizonS: 3600,
    replacementRoutes: routes,
    replacementStartNow: false,
    replacementS: 3600,
    entityId: (n) => pad6(n) + suffix,
  };
}

export const FEED_STYLES: readonly FeedStyle[] = [
  {
    name: "irt",
    feed: "subway-1234567s",
    horizonS: 35 * 60,
    // The shuttle is "S" here, not its GTFS route id "GS" (as in the real feed).
    replacementRoutes: ["1", "2", "3", "4", "5", "6", "7", "S"],
    replacementStartNow: false,
    replacementS: 0,
    entityId: pad6,
  },
  lettered("subway-ace", "A", ["A", "C", "E", "H"]),
  lettered("subway-bdfm", "B", ["B", "D", "F", "M"]),
  lettered("subway-g", "G", ["G"]),
  lettered("subway-jz", "J", ["J", "Z"]),
  lettered("subway-nqrw", "N", ["N", "Q", "R", "W"]),
  {
    name: "l",
    feed: "subway-l",
    horizonS: 30 * 60,
    replacementRoutes: ["L"],
    replacementStartNow: true,
    replacementS: 30 * 60,
    entityId: (n) => String(n),
  },
  { ...lettered("subway-si", "SI", ["SI"]), name: "si", horizonS: 0 },
];
