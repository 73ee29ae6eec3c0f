import { History, type HistorySpec } from "./history";
import type { NodeImpl } from "./node-impl";

/** What every series can reach of the engine while it runs. */
export interface Clock {
  cycle: number;
  now: number;
  /**
   * Bumped by anything that must end a batch of fast cycles (fast-path.ts):
   * something scheduled in the time heap, a stop request, a change of shape.
   */
  interrupts: number;
  /**
   * Bumped (with `interrupts`) when the graph changes in a way compiled fast
   * loops depend on: nodes added or removed, a series that starts keeping
   * history. Here because every series can reach it.
   */
  shape: number;
}

/**
 * A time series: an edge of the graph. It holds its last value (and history
 * when a consumer asked for it), and knows whether it ticked in the current
 * cycle. Nodes read their inputs through this object.
 */
export class Series<T> {
  value: T = undefined as T;
  tickCycle = -1;
  tickCount = 0;
  lastTickTime = Number.NEGATIVE_INFINITY;
  /** Nodes woken when this series ticks (passive readers are not here). */
  consumers: NodeImpl[] = [];
  history: History<T> | null = null;
  /** For a feedback series: the node that writes it on the next cycle. */
  binder: NodeImpl | null = null;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly clock: Clock,
    /** The node that writes it; null for sources (adapters, alarms, feedback). */
    readonly producer: NodeImpl | null,
  ) {}

  get ticked(): boolean {
    return this.tickCycle === this.clock.cycle;
  }

  get valid(): boolean {
    return this.tickCount > 0;
  }

  keepHistory(spec: HistorySpec): void {
    if (this.history) this.history.require(spec);
    else {
      this.history = new History<T>(spec);
      // Compiled fast loops know which series keep history.
      this.clock.shape++;
      this.clock.interrupts++;
    }
  }

  /** k = 0 is the latest value, 1 the one before (needs `history`). */
  ago(k: number): T | undefined {
    if (k === 0) return this.valid ? this.value : undefined;
    return this.history?.valueAgo(k);
  }

  timeAgo(k: number): number | undefined {
    if (k === 0) return this.valid ? this.lastTickTime : undefined;
    return this.history?.timeAgo(k);
  }

  /** The value as of time t (needs `history` reaching back to t). */
  valueAt(t: number): T | undefined {
    if (this.valid && this.lastTickTime <= t) return this.value;
    return this.history?.valueAt(t);
  }

  /** Ticks in (now - w, now], oldest first (needs a `window` history of at least w). */
  window(w: number): { times: number[]; values: T[] } {
    if (!this.history) {
      const inside = this.valid && this.lastTickTime > this.clock.now - w;
      return inside ? { times: [this.lastTickTime], values: [this.value] } : { times: [], values: [] };
    }
    return this.history.since(this.clock.now, w);
  }
}

/** Any of these ticked in this cycle. */
export function ticked(...xs: Series<unknown>[]): boolean {
  for (const x of xs) if (x.ticked) return true;
  return false;
}

/** All of these have ticked at least once. */
export function valid(...xs: Series<unknown>[]): boolean {
  for (const x of xs) if (!x.valid) return false;
  return true;
}
