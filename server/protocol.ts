/**
 * The socket.io protocol between the server and the dashboard, version 1.
 * Documented in the README ("Live protocol"). Every client message is
 * validated with these schemas; anything else is refused.
 */
import { z } from "zod";

export const PROTOCOL_VERSION = 1;

/**
 * Topics a client subscribes to (socket.io rooms). Parameterized topics:
 * trains:<route>, arrivals:<stationId>, bikes:region:<regionId>,
 * bikes:near:<lat>,<lon>,<radiusMeters>, charts:<metric>.
 */
export const TOPIC_PATTERN =
  /^(status|trains|alerts|outages|bikes|bike-totals|health|clock|graph|charts|trains:[A-Za-z0-9]{1,4}|arrivals:[A-Za-z0-9]{1,8}|bikes:region:[A-Za-z0-9_-]{1,40}|bikes:near:-?\d{1,3}(\.\d{1,7})?,-?\d{1,3}(\.\d{1,7})?,\d{1,5}|charts:[a-z_.0-9]{1,60})$/;

export const topicSchema = z.string().max(80).regex(TOPIC_PATTERN);

export const subscribeSchema = z.object({ topics: z.array(topicSchema).min(1).max(40) }).strict();

export const replayControlSchema = z
  .object({
    token: z.string().min(1).max(200),
    action: z.enum(["play", "pause", "speed", "seek"]),
    /** speed: factor (0.5..3600); seek: engine time, epoch ms. */
    value: z.number().finite().optional(),
  })
  .strict();

/** Client -> server events. */
export interface ClientToServer {
  subscribe: (msg: z.input<typeof subscribeSchema>) => void;
  unsubscribe: (msg: z.input<typeof subscribeSchema>) => void;
  replay: (msg: z.input<typeof replayControlSchema>, ack?: (r: { ok: boolean; error?: string }) => void) => void;
}

export interface Hello {
  protocol: number;
  buildId: string;
  mode: "live" | "replay" | "demo";
  /** Replay controls are available to clients holding the admin token. */
  replayControls: boolean;
}

/** A topic's full state (on subscribe, and after a reconnect or a seek). */
export interface SnapshotMsg<T = unknown> {
  topic: string;
  /** Per-topic sequence number: deltas follow with seq + 1, + 2, ... */
  seq: number;
  t: number;
  data: T;
}

/** What changed in a topic since the previous message of that topic. */
export interface DeltaMsg<T = unknown> {
  topic: string;
  seq: number;
  t: number;
  /** Keyed topics: upserted items and removed keys; series topics: appended points. */
  data: T;
}

/** Server -> client events. */
export interface ServerToClient {
  hello: (msg: Hello) => void;
  snapshot: (msg: SnapshotMsg) => void;
  delta: (msg: DeltaMsg) => void;
  refused: (msg: { event: string; reason: string }) => void;
  shutdown: (msg: { reason: string }) => void;
}

/** Messages larger than this (bytes, serialized) are refused. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
