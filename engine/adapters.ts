import { frame } from "./builder";
import type { Series } from "./series";
import { type EventColumns, PullSource, type PushMode, PushQueue } from "./sources";

export type { EventColumns, PushMode };

type Delivered<T, M extends PushMode> = M extends "burst" ? T[] : T;

/**
 * A pull adapter: history, as [time, value] pairs or parallel columns, in
 * time order. Several events at one time are delivered per `mode`.
 */
export function pullInput<T, M extends PushMode = "non_collapsing">(
  name: string,
  events: Iterable<readonly [number, T]> | EventColumns<T>,
  opts: { mode?: M } = {},
): Series<Delivered<T, M>> {
  const rt = frame().rt;
  const series = rt.newSeries<Delivered<T, M>>(name, null);
  const mode = opts.mode ?? "non_collapsing";
  const isColumns = (e: unknown): e is EventColumns<T> =>
    typeof e === "object" && e !== null && "times" in e && "values" in e;
  const src = isColumns(events)
    ? new PullSource<T>(series, mode, events, null)
    : new PullSource<T>(series, mode, null, events[Symbol.iterator]());
  rt.pullSources.push(src);
  return series;
}

/** A push adapter's handle: `push` may be called from anywhere (a poller, a socket). */
export interface PushInput<T, M extends PushMode = "non_collapsing"> {
  readonly series: Series<Delivered<T, M>>;
  push(value: T): void;
}

/**
 * A push adapter: live values from outside. In realtime, everything pushed
 * since the last cycle is drained at the wall-clock time, per `mode`.
 */
export function pushInput<T, M extends PushMode = "non_collapsing">(
  name: string,
  opts: { mode?: M } = {},
): PushInput<T, M> {
  const rt = frame().rt;
  const series = rt.newSeries<Delivered<T, M>>(name, null);
  const q = new PushQueue<T>(series, opts.mode ?? "non_collapsing", null);
  rt.pushQueues.push(q);
  return {
    series,
    push(value: T) {
      q.pending.push(value);
      if (q.open) rt.wake();
    },
  };
}

/**
 * Replay-then-live (csp's push-pull adapter): plays `history` as simulation,
 * then switches to live pushes. Pushes that arrive during the replay are
 * held, and those the history already covered (by `key`: e.g. a receive
 * time or a content hash) are dropped, so there is no gap and no duplicate.
 */
export function replayThenLive<T, M extends PushMode = "non_collapsing">(
  name: string,
  history: Iterable<readonly [number, T]>,
  opts: { mode?: M; key: (v: T) => string | number },
): PushInput<T, M> & { readonly live: () => boolean } {
  const rt = frame().rt;
  const mode = opts.mode ?? "non_collapsing";
  const series = rt.newSeries<Delivered<T, M>>(name, null);
  const seen = new Set<string | number>();
  let lastKey: string | number | undefined;
  function* tracked(): Generator<readonly [number, T]> {
    for (const ev of history) {
      const k = opts.key(ev[1]);
      seen.add(k);
      lastKey = k;
      yield ev;
    }
  }
  const accept = (v: T) => {
    const k = opts.key(v);
    if (seen.has(k)) return false;
    // Ordered keys (times): anything at or before the last replayed one is covered.
    if (typeof k === "number" && typeof lastKey === "number" && k <= lastKey) return false;
    return true;
  };
  const q = new PushQueue<T>(series, mode, accept);
  q.open = false;
  const src = new PullSource<T>(series, mode, null, tracked()[Symbol.iterator]());
  src.onExhausted = () => {
    q.pending = q.pending.filter(accept);
    seen.clear();
    q.open = true;
    rt.wake();
  };
  rt.pullSources.push(src);
  rt.pushQueues.push(q);
  return {
    series,
    live: () => q.open,
    push(value: T) {
      if (q.open && !accept(value)) return;
      q.pending.push(value);
      if (q.open) rt.wake();
    },
  };
}
