import type { Series } from "../../series";

/**
 * Any series, whatever its value type (`any` here only says the value is
 * never read).
 */
export type AnySeries = Series<any>;

/**
 * Which points a rolling statistic covers: those whose time lies in the
 * left-open window (now - window, now] (so a point exactly `window` old is
 * out), or the last `ticks` points.
 */
export type WindowSpec = { window: number; ticks?: never } | { ticks: number; window?: never };

export interface RollingOptions {
  /**
   * Also emit when this ticks. Time windows expire on every run of the node,
   * so with a timer here they empty on the clock even when no data arrives.
   */
  trigger?: AnySeries;
  /** Clears the window when it ticks (before a value of x in the same cycle is added). */
  reset?: AnySeries;
  /** Emit nothing while the window holds fewer points than this. */
  minPoints?: number;
}

/**
 * A statistic maintained incrementally as points enter and leave a window.
 * Points leave in the order they entered (oldest first), which the
 * monotonic deques rely on.
 */
export interface Accumulator<R> {
  add(v: number): void;
  /** Remove the oldest point, whose value is v. */
  remove(v: number): void;
  clear(): void;
  /** The statistic over the `count` points now inside. */
  result(count: number): R;
}
