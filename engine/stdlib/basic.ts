import { frame } from "../builder";
import { scheduledSource } from "../edges";
import { GraphError } from "../errors";
import { node, sinkNode } from "../node";
import type { Series } from "../series";

/** Ticks `value` once, at the engine's start time (or `delayMs` after). */
export function constant<T>(value: T, delayMs = 0): Series<T> {
  // Scheduled once the engine knows its start time.
  return scheduledSource<T, Record<string, never>>("const", {}, () => {}, {
    atStart: (emitAt, now) => emitAt(now + delayMs, value),
  });
}

/** Ticks `value` every `intervalMs`, first at start + interval. */
export function timer<T = true>(intervalMs: number, value: T = true as T): Series<T> {
  if (!(intervalMs > 0)) throw new GraphError(`timer interval must be > 0, got ${intervalMs}`);
  const rt = frame().rt;
  const s: Series<T> = rt.newSeries<T>(`timer(${intervalMs})`, null);
  // Each tick schedules the next: the scheduler reads its own output.
  return scheduledSource<T, { s: Series<T> }>(
    `timer(${intervalMs})`,
    { s },
    (emitAt) => emitAt(rt.clock.now + intervalMs, value),
    {
      atStart: (emitAt, now) => emitAt(now + intervalMs, value),
      into: s,
    },
  );
}

/** f(x) on every tick of x. */
export function apply<T, R>(x: Series<T>, f: (v: T) => R, name = "apply"): Series<R> {
  const out = node({ name, inputs: { x }, onTick: ({ inputs }) => f(inputs.x.value) });
  out.producer!.op = { kind: "map", fn: f };
  return out;
}

/** f over several inputs, when any ticks and all are valid. */
export function applyN<I extends Record<string, Series<any>>, R>(
  inputs: I,
  f: (values: { [K in keyof I]: I[K] extends Series<infer V> ? V : never }) => R,
  name = "applyN",
): Series<R> {
  const keys = Object.keys(inputs);
  return node({
    name,
    inputs,
    onTick: () => {
      const vals: Record<string, unknown> = {};
      for (const k of keys) {
        if (!inputs[k].valid) return undefined;
        vals[k] = inputs[k].value;
      }
      return f(vals as never);
    },
  });
}

/** x when pred(x). */
export function filter<T>(x: Series<T>, pred: (v: T) => boolean, name = "filter"): Series<T> {
  const out = node({
    name,
    inputs: { x },
    onTick: ({ inputs }) => (pred(inputs.x.value) ? inputs.x.value : undefined),
  });
  out.producer!.op = { kind: "filter", fn: pred };
  return out;
}

/** x's latest value whenever `trigger` ticks (x is read passively). */
export function sample<T>(trigger: Series<unknown>, x: Series<T>): Series<T> {
  return node({
    name: "sample",
    inputs: { trigger, x },
    passive: ["x"],
    onTick: ({ inputs }) => (inputs.trigger.ticked && inputs.x.valid ? inputs.x.value : undefined),
  });
}

/** a or b; when both tick in one cycle, a wins (csp's merge). */
export function merge<T>(a: Series<T>, b: Series<T>): Series<T> {
  return node({
    name: "merge",
    inputs: { a, b },
    onTick: ({ inputs }) => (inputs.a.ticked ? inputs.a.value : inputs.b.value),
  });
}

/**
 * Several series into one: each value that ticked gets a cycle of its own
 * (at the same engine time), in the order of `xs`.
 */
export function flatten<T>(xs: Series<T>[]): Series<T> {
  const rt = frame().rt;
  const inputs = Object.fromEntries(xs.map((x, i) => [`x${i}`, x]));
  return scheduledSource<T, typeof inputs>("flatten", inputs, (emitAt) => {
    for (const x of xs) if (x.ticked) emitAt(rt.clock.now, x.value);
  });
}

/** x, `delayMs` later. */
export function delay<T>(x: Series<T>, delayMs: number): Series<T> {
  const rt = frame().rt;
  return scheduledSource<T, { x: Series<T> }>(`delay(${delayMs})`, { x }, (emitAt, { inputs }) =>
    emitAt(rt.clock.now + delayMs, inputs.x.value),
  );
}

/** x - (x `lag` ticks ago). */
export function diff(x: Series<number>, lag = 1): Series<number> {
  return node({
    name: "diff",
    inputs: { x },
    history: { x: { ticks: lag + 1 } },
    onTick: ({ inputs }) => {
      const prev = inputs.x.ago(lag);
      return prev === undefined ? undefined : inputs.x.value - prev;
    },
  });
}

/** How many times x ticked. */
export function count(x: Series<unknown>): Series<number> {
  return node({ name: "count", inputs: { x }, onTick: ({ inputs }) => inputs.x.tickCount });
}

/** The first n ticks of x. */
export function firstN<T>(x: Series<T>, n: number): Series<T> {
  return node({
    name: `firstN(${n})`,
    inputs: { x },
    state: () => ({ seen: 0 }),
    onTick: ({ inputs, state }) => (state.seen++ < n ? inputs.x.value : undefined),
  });
}

/** x, skipping values equal (by `eq`) to the previous one. */
export function dropDuplicates<T>(x: Series<T>, eq: (a: T, b: T) => boolean = Object.is): Series<T> {
  return node({
    name: "dropDuplicates",
    inputs: { x },
    state: () => ({ has: false, last: undefined as T }),
    onTick: ({ inputs, state }) => {
      const v = inputs.x.value;
      if (state.has && eq(state.last, v)) return undefined;
      state.has = true;
      state.last = v;
      return v;
    },
  });
}

/** The values of those inputs that ticked this cycle, as an array, in input order. */
export function collect<T>(xs: Series<T>[]): Series<T[]> {
  return node({
    name: "collect",
    inputs: Object.fromEntries(xs.map((x, i) => [`x${i}`, x])),
    onTick: () => xs.filter((x) => x.ticked).map((x) => x.value),
  });
}

/** An array-valued series as one tick per element (each in its own cycle, same time). */
export function unroll<T>(x: Series<readonly T[]>): Series<T> {
  const rt = frame().rt;
  return scheduledSource<T, { x: Series<readonly T[]> }>("unroll", { x }, (emitAt, { inputs }) => {
    for (const v of inputs.x.value) emitAt(rt.clock.now, v);
  });
}

/** Running fold of x. */
export function accumulate<T, A>(x: Series<T>, init: () => A, step: (acc: A, v: T) => A): Series<A> {
  const out = node({
    name: "accumulate",
    inputs: { x },
    state: () => ({ acc: init() }),
    onTick: ({ inputs, state }) => {
      state.acc = step(state.acc, inputs.x.value);
      return state.acc;
    },
  });
  const impl = out.producer!;
  impl.op = { kind: "scan", fn: step, state: (impl.ctx as { state: { acc: A } }).state };
  return out;
}

/**
 * Static demultiplex: one output per known key; values whose key is not
 * listed are dropped.
 */
export function demux<T, K extends string>(
  x: Series<T>,
  key: (v: T) => K,
  keys: readonly K[],
): Record<K, Series<T>> {
  const outs = {} as Record<K, Series<T>>;
  for (const k of keys) outs[k] = filter(x, (v) => key(v) === k, `demux[${k}]`);
  return outs;
}

/** Print each tick as "<ISO engine time> <label>:<value>" (to `write`, default console.log). */
export function print<T>(label: string, x: Series<T>, write: (line: string) => void = console.log): void {
  const rt = frame().rt;
  sinkNode({
    name: `print:${label}`,
    inputs: { x },
    onTick: ({ inputs }) => {
      const v = inputs.x.value;
      write(
        `${new Date(rt.clock.now).toISOString()} ${label}:${typeof v === "string" ? v : JSON.stringify(v)}`,
      );
    },
  });
}

/** Alias of print for structured loggers: hands (time, label, value) to `log`. */
export function log<T>(
  label: string,
  x: Series<T>,
  logFn: (time: number, label: string, v: T) => void,
): void {
  const rt = frame().rt;
  sinkNode({
    name: `log:${label}`,
    inputs: { x },
    onTick: ({ inputs }) => {
      logFn(rt.clock.now, label, inputs.x.value);
    },
  });
}

/** Stop the engine when x ticks (true, or any value when no predicate). */
export function stop(x: Series<unknown>, when: (v: unknown) => boolean = () => true): void {
  sinkNode({
    name: "stop",
    inputs: { x },
    onTick: (ctx) => {
      if (when(ctx.inputs.x.value)) ctx.stopEngine();
    },
  });
}
