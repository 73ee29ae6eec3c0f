/**
 * The socket.io protocol between the server and the dashboard, version 1.
 * Documented in server/PROTOCOL.md (included in the README). Every client
 * message is validated with these schemas; anything else is refused.
 *
 * Additive changes (a new optional field, a new topic, a new server event)
 * keep the version; anything that changes the meaning of an existing field
 * bumps PROTOCOL_VERSION.
 */
import { z } from "zod";
import type { FeedHealth } from "../adapters/health/health";
import type { GraphJson } from "../engine";
import type {
  AlertView,
  BikeStationView,
  BikeTotals,
  ClockView,
  LineStatus,
  OutageView,
  StationArrivals,
  TrainView,
} from "../transit/contract";

export const PROTOCOL_VERSION = 1;

/** A chart topic may select one key: charts:<metric>@k=v,k=v (e.g. charts:subway.delay_mean_15m@route=A,direction=N). */
const KEY_SELECTOR = "@[a-z_]{1,20}=[A-Za-z0-9_.-]{1,40}(,[a-z_]{1,20}=[A-Za-z0-9_.-]{1,40}){0,3}";

/**
 * Topics a client subscribes to (socket.io rooms). Parameterized topics:
 * trains:<route>, arrivals:<stationId>, bikes:region:<regionId>,
 * bikes:near:<lat>,<lon>,<radiusMeters>, charts:<metric>[@k=v,...].
 */
export const TOPIC_PATTERN = new RegExp(
  "^(status|trains|alerts|outages|bikes|bike-totals|health|clock|graph|" +
    "trains:[A-Za-z0-9]{1,4}|arrivals:[A-Za-z0-9]{1,8}|bikes:region:[A-Za-z0-9_-]{1,40}|" +
    "bikes:near:-?\\d{1,3}(\\.\\d{1,7})?,-?\\d{1,3}(\\.\\d{1,7})?,\\d{1,5}|" +
    `charts:[a-z_.0-9]{1,60}(${KEY_SELECTOR})?)$`,
);

export const topicSchema = z.string().max(160).regex(TOPIC_PATTERN);

export const subscribeSchema = z.object({ topics: z.array(topicSchema).min(1).max(40) }).strict();

export const replayControlSchema = z
  .object({
    token: z.string().min(1).max(200),
    action: z.enum(["play", "pause", "speed", "seek"]),
    /** speed: factor (0.5..3600); seek: engine time, epoch ms. */
    value: z.number().finite().optional(),
  })
  .strict();

export type SubscribeMsg = z.input<typeof subscribeSchema>;
export type ReplayControlMsg = z.input<typeof replayControlSchema>;

/** Answer to subscribe / unsubscribe: topics refused (bad name, or over the limit) with why. */
export interface SubscribeAck {
  ok: boolean;
  topics: string[];
  refused?: Array<{ topic: string; reason: string }>;
  error?: string;
}

export interface ReplayAck {
  ok: boolean;
  error?: string;
}

/** Client -> server events. Acks are optional. */
export interface ClientToServer {
  subscribe: (msg: SubscribeMsg, ack?: (r: SubscribeAck) => void) => void;
  unsubscribe: (msg: SubscribeMsg, ack?: (r: SubscribeAck) => void) => void;
  replay: (msg: ReplayControlMsg, ack: (r: ReplayAck) => void) => void;
}

export type Mode = "live" | "replay" | "demo";

export interface Hello {
  protocol: number;
  /** Changes with every deployed build: a kiosk that sees a new one reloads. */
  buildId: string;
  mode: Mode;
  /** Replay controls are available to clients holding the admin token. */
  replayControls: boolean;
  /** ETag of /api/network now; a `network` event announces a new one. */
  networkEtag: string;
  /** Minimum interval between two messages of one topic (ms). */
  coalesceMs: number;
  /** Most topics one connection may hold. */
  maxTopics: number;
}

/** A topic's full state (on subscribe, after a reconnect, a seek or a demo loop): replaces what the client had. */
export interface SnapshotMsg<T = unknown> {
  topic: string;
  /** Per-topic sequence number: deltas follow with seq + 1, + 2, ... */
  seq: number;
  /** Engine time of the state, epoch ms. */
  t: number;
  data: T;
}

/** What changed in a topic since the previous message of that topic (seq - 1). */
export interface DeltaMsg<T = unknown> {
  topic: string;
  seq: number;
  t: number;
  /** Server wall clock (epoch ms) when the oldest change carried here left the engine. */
  w: number;
  /** Server wall clock (epoch ms) when the newest change carried here left the engine (how fresh the state is). */
  n: number;
  /** Server wall clock (epoch ms) when this message was sent (w..s is the coalescing wait). */
  s: number;
  data: T;
}

/**
 * Keyed topics (status, trains, bikes, alerts, outages, health): the snapshot
 * is the list of items; a delta lists items new or changed (replace them
 * whole, by their key field: TOPIC_KEYS) and keys that left.
 */
export interface KeyedDelta<T> {
  upsert?: T[];
  remove?: string[];
}

/** A point of a chart topic: a MetricTick without its metric name (the topic names it). */
export interface SeriesPoint {
  t: number;
  key: Record<string, string>;
  value: unknown;
}

/** Bike station fields that change; names and positions are in /api/network (bikeStations). */
export type BikeStationLive = Omit<BikeStationView, "name" | "lat" | "lon" | "regionId" | "capacity">;

/** The key field of each keyed topic family. */
export const TOPIC_KEYS = {
  status: "route",
  trains: "tripKey",
  bikes: "id",
  alerts: "id",
  outages: "equipmentId",
  health: "feed",
} as const;

/**
 * What each topic family carries, as [snapshot data, delta data]. Keyed: the
 * items, then KeyedDelta. Values (arrivals, bike-totals, clock, graph): the
 * whole value each time (null: none yet). Charts: the day's points so far,
 * then the points appended since the previous message, in time order.
 */
export interface TopicPayloads {
  status: [LineStatus[], KeyedDelta<LineStatus>];
  trains: [TrainView[], KeyedDelta<TrainView>];
  bikes: [BikeStationLive[], KeyedDelta<BikeStationLive>];
  alerts: [AlertView[], KeyedDelta<AlertView>];
  outages: [OutageView[], KeyedDelta<OutageView>];
  health: [FeedHealth[], KeyedDelta<FeedHealth>];
  arrivals: [StationArrivals | null, StationArrivals | null];
  "bike-totals": [BikeTotals | null, BikeTotals | null];
  clock: [ClockView | null, ClockView | null];
  /** The engine graph with live tick counts, at most once per second. */
  graph: [GraphJson | null, GraphJson | null];
  charts: [SeriesPoint[], SeriesPoint[]];
}

export type TopicFamily = keyof TopicPayloads;

/** The family of a topic name: "trains:A" -> "trains", "bikes:near:..." -> "bikes". */
export function topicFamily(topic: string): TopicFamily {
  const head = topic.split(":", 1)[0];
  return head as TopicFamily;
}

/** Server -> client events. */
export interface ServerToClient {
  hello: (msg: Hello) => void;
  snapshot: (msg: SnapshotMsg) => void;
  delta: (msg: DeltaMsg) => void;
  /** The static network changed (e.g. new bike stations): refetch /api/network. */
  network: (msg: { etag: string }) => void;
  refused: (msg: { event: string; reason: string }) => void;
  shutdown: (msg: { reason: string }) => void;
}

/** Messages larger than this (bytes, serialized) are refused. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** Most topics one connection may hold (also in Hello). */
export const MAX_TOPICS_PER_CLIENT = 40;
