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
import type { GraphJson } from "../engine/export";
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
  replay: (msg: ReplayControlMsg, ack?: (r: ReplayAck) => void) => void;
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
  data: T;
}

/** Keyed topics (status, trains, bikes, alerts, outages, health): a list of items with a key field. */
export interface KeyedSnapshot<T> {
  items: T[];
}

/**
 * upsert: items new or replaced whole; patch: the key field plus the fields
 * that changed (merge into the item); remove: keys that left.
 */
export interface KeyedDelta<T> {
  upsert?: T[];
  patch?: Array<Partial<T>>;
  remove?: string[];
}

/** Value topics (arrivals:<station>, bike-totals, clock): the whole value each time. */
export interface ValueData<T> {
  value: T | null;
}

/** One metric key's points, as columns. */
export interface SeriesColumn {
  key: Record<string, string>;
  t: number[];
  v: unknown[];
}

/** charts:<metric>: snapshot = the day so far; delta = points appended since. */
export interface SeriesData {
  metric: string;
  series: SeriesColumn[];
}

/** graph: snapshot = the engine graph (GraphJson); delta = live tick counts by node and source id. */
export interface GraphTicks {
  nodes: Array<[id: number, ticks: number]>;
  sources: Array<[id: string, ticks: number]>;
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

/** What each topic family carries (snapshot data, delta data). */
export interface TopicPayloads {
  status: [KeyedSnapshot<LineStatus>, KeyedDelta<LineStatus>];
  trains: [KeyedSnapshot<TrainView>, KeyedDelta<TrainView>];
  bikes: [KeyedSnapshot<BikeStationLive>, KeyedDelta<BikeStationLive>];
  alerts: [KeyedSnapshot<AlertView>, KeyedDelta<AlertView>];
  outages: [KeyedSnapshot<OutageView>, KeyedDelta<OutageView>];
  health: [KeyedSnapshot<FeedHealth>, KeyedDelta<FeedHealth>];
  arrivals: [ValueData<StationArrivals>, ValueData<StationArrivals>];
  "bike-totals": [ValueData<BikeTotals>, ValueData<BikeTotals>];
  clock: [ValueData<ClockView>, ValueData<ClockView>];
  charts: [SeriesData, SeriesData];
  graph: [GraphJson, GraphTicks];
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
