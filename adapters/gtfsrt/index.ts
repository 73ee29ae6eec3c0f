export type { DecodeContext, FreshnessOptions } from "./context";
export { DEFAULT_MAX_AGE_MS } from "./context";
export type * from "./objects";
export {
  alertsFeedMessageType,
  alertsProtoRoot,
  encodeAlertsFeedMessage,
  encodeSubwayFeedMessage,
  subwayFeedMessageType,
  subwayProtoRoot,
} from "./schema";
export { StaleFeedError } from "./stale";
