import type { FeedId } from "../feeds";

/** What an imported file turned out to be. */
export type Recognition =
  /** A payload of a known feed; timestamp is its own (header or last_updated), epoch ms, when it has one. */
  | { kind: "feed"; feed: FeedId; timestamp: number | undefined; evidence: string }
  /** A static GTFS zip, to be stored with the recording. */
  | { kind: "static"; evidence: string }
  | { kind: "unknown"; reason: string };
