/**
 * The dashboard graph's outputs across the thread boundary. In the engine
 * worker, an OutputPublisher stands where the LiveState stood: the sinks
 * write to it. When the engine keeps its pace, each output is posted at
 * once (waiting for the engine to yield could mean waiting for the next
 * cycle, up to 140 ms for a subway payload); when it is catching up (a
 * warm-up, a fast-forward) they are batched until it yields: the newest
 * value of every slot that changed, plus every metrics batch. On the main thread an OutputApplier writes them into the LiveState.
 *
 * Keyed slots (trains, bike stations, arrivals...) travel as patches: the
 * items whose object changed since the last message, plus the key order
 * only when it changed. Unchanged items keep their object on the main
 * thread too, so the topics' diffs skip them by identity, and a message
 * costs what changed rather than the whole state.
 *
 * Station arrivals (about 500 stations, most changing with every subway
 * payload: over 1 MB a message) cross only for the stations someone is
 * subscribed to (wantArrivals()), each with a board, empty when no train is
 * listed there: on the main thread a wanted station missing from the map is
 * one the engine has not answered for yet. /api/state asks the worker for
 * the rest.
 */
import type { MetricTick, StationArrivals } from "../transit/contract";
import { noArrivals } from "../transit/subway/arrivals";
import type { LiveState } from "./live-state";
import {
  bindOutputs,
  type DashboardOutputs,
  ITEM_KEYS,
  type KeyedSlotName,
  type OutputTarget,
  type OutputWriter,
  type SlotName,
  type SlotValues,
} from "./outputs";

type Patch =
  | { kind: "whole"; value: unknown }
  /** keys: every key in order, or null when the same as last time; changed: [index in keys, item]. */
  | { kind: "keyed"; map: boolean; keys: string[] | null; changed: Array<[number, unknown]> };

interface SlotUpdate {
  name: SlotName;
  t: number;
  /** Wall ms (one clock for every thread) of the newest and of the first change since the last message. */
  at: number;
  firstAt: number;
  patch: Patch;
}

export type OutputsMessage =
  | {
      type: "outputs";
      slots: SlotUpdate[];
      metrics: Array<{ t: number; ticks: MetricTick[]; at: number }>;
    }
  /** A new run: forget every slot and the day's series. */
  | { type: "clear" }
  /** The engine ran every cycle due (at, wall ms) and expects none for quietForMs: the outputs before this are the moment's whole news. */
  | { type: "caughtUp"; at: number; quietForMs: number };

/** What a keyed slot held at the last message: what the next patch is relative to. */
interface KeyedState {
  keys: string[];
  byKey: Map<string, unknown>;
}

function entriesOf(name: SlotName, v: unknown): Array<[string, unknown]> | null {
  if (name === "arrivals") return [...(v as ReadonlyMap<string, unknown>)];
  const keyOf = ITEM_KEYS[name as KeyedSlotName] as ((x: unknown) => string) | undefined;
  if (!keyOf) return null;
  return (v as unknown[]).map((x) => [keyOf(x), x]);
}

/**
 * The boards of the wanted stations (sorted), an empty one for a station no
 * train is listed at: the same object as last sent while it stays empty.
 */
function wantedBoards(
  all: ReadonlyMap<string, StationArrivals>,
  wanted: ReadonlySet<string>,
  sent: KeyedState | undefined,
  t: number,
): Array<[string, StationArrivals]> {
  return [...wanted].map((s) => {
    const board = all.get(s);
    if (board) return [s, board];
    const was = sent?.byKey.get(s) as StationArrivals | undefined;
    return [s, was && was.north.length === 0 && was.south.length === 0 ? was : noArrivals(s, t)];
  });
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Pending {
  t: number;
  v: unknown;
  at: number;
  firstAt: number;
}

export class OutputPublisher implements OutputTarget, OutputWriter {
  private pending = new Map<SlotName, Pending>();
  /** The newest station arrivals, whole; and the stations the main thread wants (null: all). */
  private arrivals: Pending | null = null;
  private wantedStations: ReadonlySet<string> | null = null;
  private metricBatches: Array<{ t: number; ticks: MetricTick[]; at: number }> = [];
  private sent = new Map<SlotName, KeyedState>();
  private soon: NodeJS.Immediate | null = null;
  /** Outputs were posted since the engine last caught up (else a catch-up is no news). */
  private postedNews = false;

  /** atPace(t): is an output of engine time t news now (rather than part of a catch-up)? */
  constructor(
    private readonly post: (m: OutputsMessage) => void,
    private readonly atPace: (t: number) => boolean = () => false,
  ) {}

  attach(d: DashboardOutputs): void {
    bindOutputs(d, this);
  }

  reset(): void {
    this.pending.clear();
    this.arrivals = null;
    this.metricBatches = [];
    this.sent.clear();
    this.post({ type: "clear" });
  }

  value<K extends SlotName>(name: K, t: number, v: SlotValues[K]): void {
    const at = Date.now();
    const firstAt = this.pending.get(name)?.firstAt ?? at;
    const p = { t, v, at, firstAt };
    this.pending.set(name, p);
    if (name === "arrivals") this.arrivals = p;
    this.flushOrSchedule(t);
  }

  /** Post station arrivals for these stations only (null: all); the newly wanted go out at once. */
  wantArrivals(stations: readonly string[] | null): void {
    this.wantedStations = stations ? new Set([...stations].sort()) : null;
    if (this.arrivals && !this.pending.has("arrivals")) {
      this.pending.set("arrivals", this.arrivals);
      this.schedule();
    }
  }

  /** Every station's arrivals, as of the newest output. */
  allArrivals(): ReadonlyMap<string, unknown> | null {
    return (this.arrivals?.v as ReadonlyMap<string, unknown> | undefined) ?? null;
  }

  caughtUp(quietForMs: number): void {
    this.flush();
    if (!this.postedNews) return;
    this.postedNews = false;
    this.post({ type: "caughtUp", at: Date.now(), quietForMs });
  }

  metrics(t: number, ticks: MetricTick[]): void {
    this.metricBatches.push({ t, ticks, at: Date.now() });
    this.flushOrSchedule(t);
  }

  private flushOrSchedule(t: number): void {
    if (this.atPace(t)) this.flush();
    else this.schedule();
  }

  /** After the engine's current slice: it yields with setImmediate, queued behind this one. */
  private schedule(): void {
    this.soon ??= setImmediate(() => {
      this.soon = null;
      this.flush();
    });
  }

  flush(): void {
    const slots: SlotUpdate[] = [];
    for (const [name, p] of this.pending) {
      slots.push({ name, t: p.t, at: p.at, firstAt: p.firstAt, patch: this.patch(name, p.v, p.t) });
    }
    this.pending.clear();
    const metrics = this.metricBatches;
    this.metricBatches = [];
    if (slots.length > 0 || metrics.length > 0) {
      this.post({ type: "outputs", slots, metrics });
      this.postedNews = true;
    }
  }

  private patch(name: SlotName, v: unknown, t: number): Patch {
    const before = this.sent.get(name);
    const wanted = this.wantedStations;
    const entries =
      name === "arrivals" && wanted
        ? wantedBoards(v as SlotValues["arrivals"], wanted, before, t)
        : entriesOf(name, v);
    if (!entries) return { kind: "whole", value: v };
    const keys = entries.map((e) => e[0]);
    const changed: Array<[number, unknown]> = [];
    entries.forEach(([k, item], i) => {
      if (before?.byKey.get(k) !== item) changed.push([i, item]);
    });
    this.sent.set(name, { keys, byKey: new Map(entries) });
    const map = name === "arrivals";
    return { kind: "keyed", map, keys: before && sameKeys(before.keys, keys) ? null : keys, changed };
  }
}

export class OutputApplier {
  private held = new Map<SlotName, KeyedState>();

  constructor(private readonly state: LiveState) {
    state.arrivalsOfEveryStation = false;
  }

  apply(m: OutputsMessage): void {
    if (m.type === "clear") {
      this.held.clear();
      this.state.reset();
      return;
    }
    if (m.type === "caughtUp") {
      this.state.caughtUp(m.quietForMs, m.at);
      return;
    }
    for (const u of m.slots) {
      this.state.value(u.name, u.t, this.valueOf(u.name, u.patch) as never, u.at, u.firstAt);
    }
    for (const b of m.metrics) this.state.metrics(b.t, b.ticks, b.at);
  }

  private valueOf(name: SlotName, p: Patch): unknown {
    if (p.kind === "whole") return p.value;
    const before = this.held.get(name);
    const keys = p.keys ?? before?.keys ?? [];
    const byKey = new Map<string, unknown>();
    const changed = new Map(p.changed.map(([i, item]) => [keys[i], item]));
    for (const k of keys) byKey.set(k, changed.has(k) ? changed.get(k) : before?.byKey.get(k));
    this.held.set(name, { keys, byKey });
    return p.map ? new Map(byKey) : [...byKey.values()];
  }
}
