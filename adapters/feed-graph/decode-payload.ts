/**
 * One received payload, decoded by what its feed id says it is. Pure: the
 * same bytes at the same engine time always give the same result, live or
 * replayed.
 */
import { decodeAlertsFeed } from "../alerts";
import type { AlertsSnapshot } from "../alerts/types";
import { FeedError, type FeedErrorKind, type Result } from "../errors";
import { decodeStationInformation, decodeStationStatus, decodeSystemRegions } from "../gbfs";
import type { StationInformationSnapshot, StationStatusSnapshot, SystemRegionsSnapshot } from "../gbfs/types";
import type { HealthEvent } from "../health/health";
import { decodeOutages } from "../outages";
import type { OutagesSnapshot } from "../outages/types";
import type { RecordedPayload } from "../recording/types";
import { decodeSubwayFeed } from "../subway";
import type { SubwayFeedSnapshot } from "../subway/types";

export type Decoded =
  | { kind: "subway"; value: SubwayFeedSnapshot }
  | { kind: "alerts"; value: AlertsSnapshot }
  | { kind: "outages"; value: OutagesSnapshot }
  | { kind: "stationInformation"; value: StationInformationSnapshot }
  | { kind: "stationStatus"; value: StationStatusSnapshot }
  | { kind: "systemRegions"; value: SystemRegionsSnapshot }
  | { kind: "ignored" };

export interface DecodeOutcome {
  decoded: Decoded;
  /** null for payloads of feeds the graph does not read (e.g. GBFS discovery). */
  health: HealthEvent | null;
}

/** What the live poller records when a poll fails: no feed bytes, but an error worth replaying. */
export interface FailedPollBody {
  kind: FeedErrorKind;
  message: string;
}

export function failedPollPayload(feed: string, receivedAt: number, error: FeedError): RecordedPayload {
  const body: FailedPollBody = { kind: error.kind, message: error.message };
  return {
    feed,
    receivedAt,
    status: error.status ?? 0,
    body: new TextEncoder().encode(JSON.stringify(body)),
  };
}

function failedPollError(p: RecordedPayload): FeedError {
  try {
    const b = JSON.parse(new TextDecoder().decode(p.body)) as Partial<FailedPollBody>;
    if (typeof b.kind === "string" && typeof b.message === "string") {
      // The recorded message already names the feed; keep it as it was logged.
      const e = new FeedError(b.kind, b.message, { feed: p.feed, status: p.status || undefined });
      e.message = b.message;
      return e;
    }
  } catch {
    // not a recorded poll failure: an HTTP error page, say
  }
  return new FeedError("download", `HTTP status ${p.status}`, { feed: p.feed, status: p.status });
}

type Decoder = (p: RecordedPayload, now: number) => Result<Decoded>;

const wrap =
  <T, K extends Decoded["kind"]>(
    kind: K,
    fn: (body: Uint8Array, ctx: { feed: string; receivedAt: number }) => Result<T>,
  ): Decoder =>
  (p, now) => {
    const r = fn(p.body, { feed: p.feed, receivedAt: now });
    return r.ok ? { ok: true, value: { kind, value: r.value } as Decoded } : r;
  };

const DECODERS: Record<string, Decoder> = {
  "alerts-subway": wrap("alerts", decodeAlertsFeed),
  outages: wrap("outages", decodeOutages),
  "gbfs-station-information": wrap("stationInformation", decodeStationInformation),
  "gbfs-station-status": wrap("stationStatus", decodeStationStatus),
  "gbfs-system-regions": wrap("systemRegions", decodeSystemRegions),
};
const subway = wrap("subway", decodeSubwayFeed);

/** The feed's own timestamp, for the health record's data age. */
function dataTimestamp(d: Decoded): number | null {
  switch (d.kind) {
    case "subway":
    case "alerts":
      return d.value.timestamp;
    case "stationInformation":
    case "stationStatus":
    case "systemRegions":
      return d.value.lastUpdated;
    default:
      return null;
  }
}

/**
 * Decode at engine time `now` (used as the receive time, so a replay sees
 * exactly what the live run saw). Bad input becomes a health error and
 * `ignored`: the graph keeps the last good data.
 */
export function decodePayload(p: RecordedPayload, now: number): DecodeOutcome {
  if (p.status < 200 || p.status > 299) {
    return { decoded: { kind: "ignored" }, health: { type: "error", error: failedPollError(p) } };
  }
  const decoder = p.feed.startsWith("subway-") ? subway : DECODERS[p.feed];
  if (!decoder) return { decoded: { kind: "ignored" }, health: null };
  const r = decoder(p, now);
  if (!r.ok) return { decoded: { kind: "ignored" }, health: { type: "error", error: r.error } };
  return {
    decoded: r.value,
    health: {
      type: "success",
      bytes: p.body.byteLength,
      latencyMs: 0,
      dataTimestamp: dataTimestamp(r.value),
    },
  };
}
