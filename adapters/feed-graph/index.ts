export { type DecodedFeeds, decodeFeeds, type FeedHealthEvent } from "./decode-node";
export { type Decoded, type DecodeOutcome, decodePayload, failedPollPayload } from "./decode-payload";
export {
  defaultIntervalMs,
  LIVE_FEEDS,
  type LiveFeeds,
  type LiveFeedsOptions,
  liveFeeds,
} from "./live-source";
export { recordPayloads } from "./recorder";
export { isReplayed, type ReplayOptions, recordedEvents, replayPayloads } from "./replay-source";
