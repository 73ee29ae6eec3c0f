import type { Scheduled } from "./heap";
import type { Runtime } from "./runtime";
import type { Series } from "./series";

/**
 * How several events of one input at the same engine time are delivered:
 * each in its own cycle (non-collapsing, the default), only the last, or all
 * of them together as an array (burst). Same meaning in simulation and realtime.
 */
export type PushMode = "non_collapsing" | "last_value" | "burst";

/** Something in the engine's time heap. */
export interface HeapItem extends Scheduled {
  readonly series: Series<any>;
  cancelled: boolean;
  fire(rt: Runtime): void;
}

/** One value due on one series at one time: alarms, feedback, realtime pushes. */
export class TimedEvent<T> implements HeapItem {
  cancelled = false;
  constructor(
    public time: number,
    public seq: number,
    readonly series: Series<T>,
    readonly value: T,
  ) {}

  fire(rt: Runtime): void {
    rt.tick(this.series, this.value);
  }
}

/** Parallel arrays of event times and values, times non-decreasing. */
export interface EventColumns<T> {
  times: ArrayLike<number>;
  values: ArrayLike<T>;
}

/**
 * A pull adapter: reads history in time order and keeps one entry in the heap,
 * its next event. Reads from parallel arrays (fast) or from an iterator.
 */
export class PullSource<T> implements HeapItem {
  time = 0;
  seq = 0;
  cancelled = false;
  /** The next event to load from `columns` (the fast path reads columns inline). */
  index = 0;
  /** The value of the event at `time` (read by the fast path before `advance`). */
  nextValue: T = undefined as T;
  private exhausted = false;
  /** Called once when the history has been played out. */
  onExhausted: (() => void) | null = null;

  constructor(
    readonly series: Series<any>,
    readonly mode: PushMode,
    readonly columns: EventColumns<T> | null,
    private readonly iterator: Iterator<readonly [number, T]> | null,
  ) {}

  /** Load the first event; false when there is none. */
  prime(from: number): boolean {
    while (this.advance()) if (this.time >= from) return true;
    return false;
  }

  fire(rt: Runtime): void {
    const time = this.time;
    if (this.mode === "non_collapsing") {
      rt.tick(this.series, this.nextValue);
    } else if (this.mode === "last_value") {
      let v = this.nextValue;
      while (this.advance() && this.time === time) v = this.nextValue;
      rt.tick(this.series, v);
      if (!this.exhausted) rt.reschedule(this);
      else this.onExhausted?.();
      return;
    } else {
      const burst: T[] = [this.nextValue];
      while (this.advance() && this.time === time) burst.push(this.nextValue);
      rt.tick(this.series, burst);
      if (!this.exhausted) rt.reschedule(this);
      else this.onExhausted?.();
      return;
    }
    if (this.advance()) rt.reschedule(this);
    else this.onExhausted?.();
  }

  /** Load the next event into time/nextValue; false when the history is played out. */
  advance(): boolean {
    if (this.exhausted) return false;
    if (this.columns) {
      const i = this.index++;
      if (i >= this.columns.times.length) return this.finish();
      const t = this.columns.times[i];
      if (t < this.time)
        throw new Error(`pull input '${this.series.name}': time went backwards at event ${i}`);
      this.time = t;
      this.nextValue = this.columns.values[i];
      return true;
    }
    const r = this.iterator!.next();
    if (r.done) return this.finish();
    const [t, v] = r.value;
    if (t < this.time) throw new Error(`pull input '${this.series.name}': time went backwards`);
    this.time = t;
    this.nextValue = v;
    return true;
  }

  private finish(): boolean {
    this.exhausted = true;
    return false;
  }
}

/**
 * A push adapter's queue: values pushed from outside (a poller, a socket)
 * wait here until the realtime loop drains them into cycles.
 */
export class PushQueue<T> {
  pending: T[] = [];
  /** While false, pushes are held back (replay-then-live during its replay). */
  open = true;
  constructor(
    readonly series: Series<any>,
    readonly mode: PushMode,
    readonly accept: ((v: T) => boolean) | null,
  ) {}
}
