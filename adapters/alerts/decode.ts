/**
 * decodeAlertsFeed (protobuf) and decodeAlertsJson (the `.json` variant) ->
 * AlertsSnapshot. Errors, never thrown: 'empty'; 'parse' (not protobuf /
 * not JSON, with the offset); 'invalid' (no header, no timestamp, wrong
 * shape); 'stale' (header timestamp older than options.maxAgeMs, default 1 h;
 * a StaleFeedError whose `.value` still holds the snapshot). A malformed
 * alert entity is dropped and counted, never the whole feed.
 */
import type { Result } from "../errors";
import type { DecodeContext, FreshnessOptions } from "../gtfsrt/context";
import { decodeJsonBody } from "../gtfsrt/json-body";
import { decodeProtobufBody } from "../gtfsrt/protobuf-body";
import { alertsFeedMessageType } from "../gtfsrt/schema";
import { camelCaseKeys } from "./json-keys";
import { snapshotFromObject } from "./normalize";
import type { AlertsSnapshot } from "./types";

export function decodeAlertsFeed(
  bytes: Uint8Array,
  ctx: DecodeContext,
  options: FreshnessOptions = {},
): Result<AlertsSnapshot> {
  const type = alertsFeedMessageType();
  const decoded = decodeProtobufBody(bytes, ctx, (r) =>
    type.toObject(type.decode(r), { longs: Number, enums: String, defaults: false }),
  );
  if (!decoded.ok) return decoded;
  return snapshotFromObject(decoded.value, ctx, options);
}

export function decodeAlertsJson(
  text: string | Uint8Array,
  ctx: DecodeContext,
  options: FreshnessOptions = {},
): Result<AlertsSnapshot> {
  const parsed = decodeJsonBody(text, ctx);
  if (!parsed.ok) return parsed;
  return snapshotFromObject(camelCaseKeys(parsed.value), ctx, options);
}
