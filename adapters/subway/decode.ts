/**
 * decodeSubwayFeed: NYCT subway GTFS-realtime bytes -> SubwayFeedSnapshot.
 *
 * Errors (never thrown, always a Result):
 * - 'empty'   zero-length body
 * - 'parse'   not protobuf (HTML page, truncated, garbage), with the byte offset
 * - 'invalid' protobuf, but no header, no header timestamp or no NYCT extension
 * - 'stale'   header timestamp older than options.maxAgeMs (default 1 h) at
 *             ctx.receivedAt; the error is a StaleFeedError whose `.value`
 *             still holds the decoded snapshot, for callers that want it.
 */
import { FeedError, fail, type Result } from "../errors";
import { type DecodeContext, type FreshnessOptions, receivedAtOf } from "../gtfsrt/context";
import { decodeProtobufBody } from "../gtfsrt/protobuf-body";
import { checkFresh } from "../gtfsrt/stale";
import { assembleSnapshot } from "./assemble";
import type { SubwayFeedSnapshot } from "./types";
import { readSubwayFeed } from "./wire-feed";

export function decodeSubwayFeed(
  bytes: Uint8Array,
  ctx: DecodeContext,
  options: FreshnessOptions = {},
): Result<SubwayFeedSnapshot> {
  const decoded = decodeProtobufBody(bytes, ctx, readSubwayFeed);
  if (!decoded.ok) return decoded;
  const raw = decoded.value;
  const where = { feed: ctx.feed, url: ctx.url };
  if (raw.header.timestamp === undefined)
    return fail(new FeedError("invalid", "feed header has no timestamp", where));
  if (raw.header.nyctVersion === undefined)
    return fail(new FeedError("invalid", "feed header has no NYCT extension (field 1001)", where));
  const receivedAt = receivedAtOf(ctx);
  const snapshot = assembleSnapshot(raw, {
    feed: ctx.feed,
    url: ctx.url,
    receivedAt,
    timestamp: raw.header.timestamp,
    nyctVersion: raw.header.nyctVersion,
  });
  return checkFresh(snapshot, snapshot.timestamp, { ...ctx, receivedAt }, options);
}
