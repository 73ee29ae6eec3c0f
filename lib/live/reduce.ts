/**
 * How a topic's state follows the server's messages (server/protocol.ts):
 * a snapshot replaces the state; a delta applies on top of it when its seq is
 * the next one, and a gap asks for a fresh snapshot instead of guessing.
 *
 * Three kinds of topics, told apart by the shape of their data:
 * - series (charts:*): snapshot is an array of points, deltas append points;
 * - keyed (trains, bikes, alerts, ...): snapshot is an array of items, deltas
 *   carry upserted items and removed keys;
 * - values (clock, bike-totals, arrivals:*): each message is the whole value.
 */

export interface TopicState<T = unknown> {
  topic: string;
  seq: number;
  /** Engine time of the last message, epoch ms. */
  t: number;
  data: T;
  /** Wall time (Date.now()) the last message arrived: the age of what is on screen. */
  receivedAt: number;
  /** Bumped on every change, so consumers holding mutable arrays can memoize. */
  version: number;
}

export interface KeyedDelta<T> {
  upsert?: T[];
  remove?: string[];
}

export type ReduceResult<T> =
  | { kind: "ok"; state: TopicState<T> }
  | { kind: "gap"; expected: number; got: number };

/** The field that identifies an item of a keyed topic. */
function keyField(topic: string): string {
  const base = topic.split(":")[0];
  return base === "trains"
    ? "tripKey"
    : base === "status"
      ? "route"
      : base === "outages"
        ? "equipmentId"
        : base === "health"
          ? "feed"
          : base === "arrivals"
            ? "stationId"
            : "id";
}

function itemKey(field: string, item: unknown): string | null {
  if (item === null || typeof item !== "object") return null;
  const v = (item as Record<string, unknown>)[field];
  return typeof v === "string" || typeof v === "number" ? String(v) : null;
}

/** The key of an item of a keyed topic. */
export function keyOf(topic: string, item: unknown): string | null {
  return itemKey(keyField(topic), item);
}

export const isSeriesTopic = (topic: string) => topic === "charts" || topic.startsWith("charts:");

function isKeyedDelta(d: unknown): d is KeyedDelta<unknown> {
  if (d === null || typeof d !== "object" || Array.isArray(d)) return false;
  const o = d as Record<string, unknown>;
  const keys = Object.keys(o);
  return keys.length > 0 && keys.every((k) => k === "upsert" || k === "remove");
}

function mergeKeyed<T>(topic: string, current: T[], delta: KeyedDelta<T>): T[] {
  const field = keyField(topic);
  const removed = new Set(delta.remove ?? []);
  const upserts = new Map<string, T>();
  for (const item of delta.upsert ?? []) {
    const k = itemKey(field, item);
    if (k !== null) upserts.set(k, item);
  }
  const out: T[] = [];
  for (const item of current) {
    const k = itemKey(field, item);
    if (k === null) continue;
    if (removed.has(k)) continue;
    const next = upserts.get(k);
    if (next !== undefined) {
      out.push(next);
      upserts.delete(k);
    } else out.push(item);
  }
  for (const item of upserts.values()) out.push(item);
  return out;
}

export function applySnapshot<T>(
  topic: string,
  msg: { seq: number; t: number; data: T },
  prev: TopicState<T> | undefined,
  now: number,
): TopicState<T> {
  return {
    topic,
    seq: msg.seq,
    t: msg.t,
    data: msg.data,
    receivedAt: now,
    version: (prev?.version ?? 0) + 1,
  };
}

export function applyDelta<T>(
  prev: TopicState<T> | undefined,
  msg: { topic: string; seq: number; t: number; data: unknown },
  now: number,
): ReduceResult<T> {
  // A delta before any snapshot, or out of order: the state cannot be trusted.
  if (!prev) return { kind: "gap", expected: -1, got: msg.seq };
  if (msg.seq <= prev.seq) return { kind: "ok", state: prev }; // a duplicate: already applied
  if (msg.seq !== prev.seq + 1) return { kind: "gap", expected: prev.seq + 1, got: msg.seq };
  let data: unknown;
  if (Array.isArray(prev.data) && Array.isArray(msg.data)) {
    // Series: append in place (the arrays are long); `version` tells React it changed.
    if (isSeriesTopic(msg.topic)) {
      for (const p of msg.data) (prev.data as unknown[]).push(p);
      data = prev.data;
    } else data = msg.data;
  } else if (Array.isArray(prev.data) && isKeyedDelta(msg.data)) {
    data = mergeKeyed(msg.topic, prev.data as unknown[], msg.data);
  } else data = msg.data;
  return {
    kind: "ok",
    state: { ...prev, seq: msg.seq, t: msg.t, data: data as T, receivedAt: now, version: prev.version + 1 },
  };
}
