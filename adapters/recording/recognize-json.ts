/**
 * Which feed a JSON payload came from, by its shape: GBFS files (envelope with
 * last_updated + data), GTFS-realtime alerts as JSON, and elevator/escalator
 * outage lists (flat array or the older NYCOutages wrapper).
 */
import { z } from "zod";
import type { Recognition } from "./recognition";

const gbfsEnvelope = z.object({
  last_updated: z.union([z.number(), z.string()]),
  data: z.record(z.string(), z.unknown()),
});
const statusStation = z.object({ station_id: z.string(), num_bikes_available: z.number() });
const infoStation = z.object({ station_id: z.string(), lat: z.number(), lon: z.number() });
const feedList = z.object({ feeds: z.array(z.object({ name: z.string(), url: z.string() })) });

const gtfsRtJson = z.object({
  header: z.object({
    gtfs_realtime_version: z.string(),
    timestamp: z.union([z.number(), z.string()]).optional(),
  }),
  entity: z.array(z.record(z.string(), z.unknown())).default([]),
});

const outageRecord = z.object({ equipment: z.string(), outagedate: z.string() }).loose();
const outageWrapper = z.object({
  NYCOutages: z.object({ outage: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]) }),
});

/** GBFS v1/v2 give epoch seconds, v3 an RFC 3339 string. */
function gbfsTime(v: number | string): number | undefined {
  const ms = typeof v === "number" ? v * 1000 : Date.parse(v);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const all = <T>(items: unknown[], schema: z.ZodType<T>) =>
  items.length > 0 && items.every((s) => schema.safeParse(s).success);

function recognizeGbfs(json: z.infer<typeof gbfsEnvelope>): Recognition {
  const timestamp = gbfsTime(json.last_updated);
  const { data } = json;
  if (Array.isArray(data.stations)) {
    const n = data.stations.length;
    if (all(data.stations, statusStation)) {
      return {
        kind: "feed",
        feed: "gbfs-station-status",
        timestamp,
        evidence: `GBFS station_status, ${n} stations`,
      };
    }
    if (all(data.stations, infoStation)) {
      return {
        kind: "feed",
        feed: "gbfs-station-information",
        timestamp,
        evidence: `GBFS station_information, ${n} stations`,
      };
    }
    return {
      kind: "unknown",
      reason: `GBFS stations list (${n}) that is neither station_status nor station_information`,
    };
  }
  if (Array.isArray(data.regions)) {
    return {
      kind: "feed",
      feed: "gbfs-system-regions",
      timestamp,
      evidence: `GBFS system_regions, ${data.regions.length} regions`,
    };
  }
  // Discovery: v3 lists feeds directly under data, v1/v2 per language.
  if (feedList.safeParse(data).success || Object.values(data).some((v) => feedList.safeParse(v).success)) {
    return { kind: "feed", feed: "gbfs-discovery", timestamp, evidence: "GBFS discovery (gbfs.json)" };
  }
  return {
    kind: "unknown",
    reason: `GBFS file with data keys ${Object.keys(data).join(",")} (not a recorded GBFS feed)`,
  };
}

function recognizeOutages(records: unknown[], wrapped: boolean): Recognition {
  if (records.length === 0) return { kind: "unknown", reason: "empty JSON list: cannot tell which feed" };
  if (!all(records, outageRecord))
    return { kind: "unknown", reason: "JSON list that is not elevator/escalator outages" };
  const upcoming = records.every((r) => (r as Record<string, unknown>).isupcomingoutage === "Y");
  if (upcoming) return { kind: "unknown", reason: "upcoming outages list (no recorded feed for it)" };
  const form = wrapped ? "NYCOutages wrapper" : "flat list";
  return {
    kind: "feed",
    feed: "outages",
    timestamp: undefined,
    evidence: `outages (${form}), ${records.length} records`,
  };
}

/** `json` is the parsed payload. */
export function recognizeJson(json: unknown): Recognition {
  if (Array.isArray(json)) return recognizeOutages(json, false);
  const wrapper = outageWrapper.safeParse(json);
  if (wrapper.success) {
    const o = wrapper.data.NYCOutages.outage;
    return recognizeOutages(Array.isArray(o) ? o : [o], true);
  }
  const gbfs = gbfsEnvelope.safeParse(json);
  if (gbfs.success) return recognizeGbfs(gbfs.data);
  const rt = gtfsRtJson.safeParse(json);
  if (rt.success) {
    const seconds = Number(rt.data.header.timestamp ?? 0);
    const timestamp = seconds > 0 ? seconds * 1000 : undefined;
    const alerts = rt.data.entity.filter((e) => e.alert !== undefined).length;
    const trips = rt.data.entity.filter((e) => e.trip_update !== undefined || e.vehicle !== undefined).length;
    if (alerts > 0 && trips === 0) {
      return { kind: "feed", feed: "alerts-subway", timestamp, evidence: `GTFS-rt JSON, ${alerts} alerts` };
    }
    return {
      kind: "unknown",
      reason: `GTFS-rt JSON with ${trips} trips and ${alerts} alerts (only alerts are recorded as JSON)`,
    };
  }
  return { kind: "unknown", reason: "JSON of no known feed shape" };
}
