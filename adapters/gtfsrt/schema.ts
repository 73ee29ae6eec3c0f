/**
 * The GTFS-realtime schema with the MTA's extensions, loaded into protobufjs.
 * NYCT and Mercury both extend FeedHeader with field 1001, so each lives in
 * its own Root: one for the subway feeds, one for the alerts feeds. Both are
 * loaded on first use and kept.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { checkPlainObject } from "./object-check";
import type { AlertsFeedMessageObject, SubwayFeedMessageObject } from "./objects";

const PROTO_DIR = fileURLToPath(new URL("../proto/", import.meta.url));

function loadRoot(extension: "nyct.proto" | "mercury.proto"): protobuf.Root {
  const root = new protobuf.Root();
  // imports name files relative to the importer: every .proto lives in one folder
  root.resolvePath = (_origin, target) => PROTO_DIR + basename(target);
  root.loadSync(["gtfs-realtime.proto", extension], { keepCase: false });
  root.resolveAll();
  return root;
}

let subwayRoot: protobuf.Root | undefined;
let alertsRoot: protobuf.Root | undefined;

/** GTFS-realtime + NYCT subway extension. */
export function subwayProtoRoot(): protobuf.Root {
  subwayRoot ??= loadRoot("nyct.proto");
  return subwayRoot;
}

/** GTFS-realtime + MTA Mercury alerts extension. */
export function alertsProtoRoot(): protobuf.Root {
  alertsRoot ??= loadRoot("mercury.proto");
  return alertsRoot;
}

export function subwayFeedMessageType(): protobuf.Type {
  return subwayProtoRoot().lookupType("transit_realtime.FeedMessage");
}

export function alertsFeedMessageType(): protobuf.Type {
  return alertsProtoRoot().lookupType("transit_realtime.FeedMessage");
}

/**
 * Encodes a subway FeedMessage from a plain object (shape: SubwayFeedMessageObject
 * in ./objects, with an example there). Throws a TypeError naming the path of an
 * unknown key or a missing required field: this is a tool for building feeds
 * (demo simulator, tests), where a silently dropped typo would be worse.
 */
export function encodeSubwayFeedMessage(obj: SubwayFeedMessageObject): Uint8Array {
  return encodeWith(subwayFeedMessageType(), obj);
}

/** Encodes an alerts FeedMessage from a plain object (shape: AlertsFeedMessageObject in ./objects). */
export function encodeAlertsFeedMessage(obj: AlertsFeedMessageObject): Uint8Array {
  return encodeWith(alertsFeedMessageType(), obj);
}

function encodeWith(type: protobuf.Type, obj: object): Uint8Array {
  const shapeProblem = checkPlainObject(type, obj);
  if (shapeProblem) throw new TypeError(`cannot encode ${type.name}: ${shapeProblem}`);
  const message = type.fromObject(obj);
  const problem = type.verify(message);
  if (problem) throw new TypeError(`cannot encode ${type.name}: ${problem}`);
  return type.encode(message).finish();
}
