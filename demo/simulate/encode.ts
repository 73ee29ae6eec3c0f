/**
 * Protobuf bytes through the shared schema (adapters/gtfsrt/schema.ts), one
 * entity at a time so unchanged entities can be reused between polls.
 *
 * A FeedMessage is field 1 (header) then repeated field 2 (entity); protobuf
 * concatenation merges messages, so header bytes followed by each entity's
 * bytes is exactly the encoding of the whole message.
 *
 * The day's ~10 million stop time updates go through protobufjs's encoder
 * directly (objects already in wire form: numeric enums, epoch seconds); the
 * checked encoder of the schema module (unknown keys and missing required
 * fields throw) is used for headers, alerts, and by the tests on samples of
 * entities, which must encode to the same bytes both ways.
 */
import protobuf from "protobufjs";
import type { AlertsFeedMessageObject, SubwayFeedMessageObject } from "../../adapters/gtfsrt/objects";
import {
  encodeAlertsFeedMessage,
  encodeSubwayFeedMessage,
  subwayFeedMessageType,
} from "../../adapters/gtfsrt/schema";

type SubwayEntity = NonNullable<SubwayFeedMessageObject["entity"]>[number];
type SubwayHeader = SubwayFeedMessageObject["header"];

const STUB_HEADER = { gtfsRealtimeVersion: "1.0" };
let stubLength: number | undefined;

/** The bytes one entity adds to a subway FeedMessage (tag, length and body), via the checked encoder. */
export function encodeSubwayEntityChecked(entity: SubwayEntity): Uint8Array {
  stubLength ??= encodeSubwayFeedMessage({ header: STUB_HEADER }).length;
  return encodeSubwayFeedMessage({ header: STUB_HEADER, entity: [entity] }).subarray(stubLength);
}

let feedEntityType: protobuf.Type | undefined;
/** FeedMessage.entity is field 2, length-delimited. */
const ENTITY_TAG = (2 << 3) | 2;

/** The same bytes, straight through protobufjs (the entity must use numeric enums). */
export function encodeSubwayEntity(entity: SubwayEntity): Uint8Array {
  feedEntityType ??= subwayFeedMessageType().fields.entity.resolvedType as protobuf.Type;
  return feedEntityType.encode(entity, protobuf.Writer.create().uint32(ENTITY_TAG).fork()).ldelim().finish();
}

export function encodeSubwayHeader(header: SubwayHeader): Uint8Array {
  return encodeSubwayFeedMessage({ header });
}

export function encodeAlerts(message: AlertsFeedMessageObject): Uint8Array {
  return encodeAlertsFeedMessage(message);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
