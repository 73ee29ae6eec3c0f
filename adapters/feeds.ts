/**
 * The feeds the product reads: their ids (stable: they name recordings,
 * health records and metrics) and where they live on the real endpoints.
 * Base URLs are configurable so tests and users can point at a mirror.
 */
export const SUBWAY_FEEDS = [
  {
    id: "subway-1234567s",
    path: "nyct%2Fgtfs",
    routes: ["1", "2", "3", "4", "5", "6", "6X", "7", "7X", "GS"],
  },
  { id: "subway-ace", path: "nyct%2Fgtfs-ace", routes: ["A", "C", "E", "H"] },
  { id: "subway-bdfm", path: "nyct%2Fgtfs-bdfm", routes: ["B", "D", "F", "FX", "M", "FS"] },
  { id: "subway-g", path: "nyct%2Fgtfs-g", routes: ["G"] },
  { id: "subway-jz", path: "nyct%2Fgtfs-jz", routes: ["J", "Z"] },
  { id: "subway-nqrw", path: "nyct%2Fgtfs-nqrw", routes: ["N", "Q", "R", "W"] },
  { id: "subway-l", path: "nyct%2Fgtfs-l", routes: ["L"] },
  { id: "subway-si", path: "nyct%2Fgtfs-si", routes: ["SI"] },
] as const;

export type SubwayFeedId = (typeof SUBWAY_FEEDS)[number]["id"];

export const OTHER_FEEDS = [
  { id: "alerts-subway", path: "camsys%2Fsubway-alerts" },
  { id: "outages", path: "nyct%2Fnyct_ene.json" },
  { id: "gbfs-discovery", path: "gbfs.json" },
  { id: "gbfs-station-information", path: "en/station_information.json" },
  { id: "gbfs-station-status", path: "en/station_status.json" },
  { id: "gbfs-system-regions", path: "en/system_regions.json" },
] as const;

export type FeedId = SubwayFeedId | (typeof OTHER_FEEDS)[number]["id"];

export const FEED_IDS: readonly FeedId[] = [
  ...SUBWAY_FEEDS.map((f) => f.id),
  ...OTHER_FEEDS.map((f) => f.id),
];

export function isFeedId(s: string): s is FeedId {
  return (FEED_IDS as readonly string[]).includes(s);
}

export const DEFAULT_BASE_URLS = {
  mta: "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/",
  gbfs: "https://gbfs.lyft.com/gbfs/2.3/bkn/",
} as const;

/** The full URL of a feed under the given base URLs (each ending in "/"). */
export function feedUrl(id: FeedId, bases: { mta: string; gbfs: string } = DEFAULT_BASE_URLS): string {
  const sub = SUBWAY_FEEDS.find((f) => f.id === id);
  if (sub) return bases.mta + sub.path;
  const other = OTHER_FEEDS.find((f) => f.id === id)!;
  return (id.startsWith("gbfs") ? bases.gbfs : bases.mta) + other.path;
}

/** The routes carried by these subway feeds (the real 2025 feeds put FS with BDFM, H with ACE). */
export function routesOfFeeds(feeds: Iterable<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const id of feeds) for (const r of SUBWAY_FEEDS.find((f) => f.id === id)?.routes ?? []) out.add(r);
  return out;
}
