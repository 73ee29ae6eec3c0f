import type { Series } from "../../engine";
import { multiNode } from "../../engine";
import type { AlertsSnapshot } from "../alerts/types";
import type { StationInformationSnapshot, StationStatusSnapshot, SystemRegionsSnapshot } from "../gbfs/types";
import type { HealthEvent } from "../health/health";
import type { OutagesSnapshot } from "../outages/types";
import type { RecordedPayload } from "../recording/types";
import type { SubwayFeedSnapshot } from "../subway/types";
import { decodePayload } from "./decode-payload";

export interface FeedHealthEvent {
  feed: string;
  event: HealthEvent;
}

export interface DecodedFeeds {
  subway: Series<SubwayFeedSnapshot>;
  alerts: Series<AlertsSnapshot>;
  outages: Series<OutagesSnapshot>;
  stationInformation: Series<StationInformationSnapshot>;
  stationStatus: Series<StationStatusSnapshot>;
  systemRegions: Series<SystemRegionsSnapshot>;
  health: Series<FeedHealthEvent>;
}

type Outputs = {
  subway: SubwayFeedSnapshot;
  alerts: AlertsSnapshot;
  outages: OutagesSnapshot;
  stationInformation: StationInformationSnapshot;
  stationStatus: StationStatusSnapshot;
  systemRegions: SystemRegionsSnapshot;
  health: FeedHealthEvent;
};

/**
 * The one way in: raw payloads (live or replayed) become typed snapshots,
 * one output per kind, plus a health event per payload.
 */
export function decodeFeeds(payloads: Series<RecordedPayload>): DecodedFeeds {
  return multiNode<{ payloads: Series<RecordedPayload> }, Outputs>({
    name: "decode_feeds",
    inputs: { payloads },
    outputs: [
      "subway",
      "alerts",
      "outages",
      "stationInformation",
      "stationStatus",
      "systemRegions",
      "health",
    ],
    onTick: (ctx) => {
      const p = ctx.inputs.payloads.value;
      const { decoded, health } = decodePayload(p, ctx.now());
      const out: Partial<Outputs> = health ? { health: { feed: p.feed, event: health } } : {};
      if (decoded.kind !== "ignored") (out as Record<string, unknown>)[decoded.kind] = decoded.value;
      return out;
    },
  });
}
