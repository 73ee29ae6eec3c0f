import { frame } from "./builder";
import type { NodeFailure } from "./errors";
import { GraphError } from "./errors";
import { type Inputs, type NoAlarms, type NodeContext, node, sinkNode } from "./node";
import type { Series } from "./series";

/**
 * A source series whose values a scheduling node puts in the time heap
 * (later, or on the next cycle at the same time): timers, delays, feedback,
 * flatten. The scheduler is kept alive by pruning exactly when the series is.
 */
export function scheduledSource<T, I extends Inputs>(
  name: string,
  inputs: I,
  schedule: (emitAt: (time: number, value: T) => void, ctx: NodeContext<I, undefined, NoAlarms>) => void,
  opts: {
    atStart?: (emitAt: (time: number, value: T) => void, now: number) => void;
    /** A source series created earlier (a feedback edge handed out before it was bound). */
    into?: Series<T>;
  } = {},
): Series<T> {
  const rt = frame().rt;
  const out = opts.into ?? rt.newSeries<T>(name, null);
  const emitAt = (time: number, value: T) => {
    rt.scheduleValue(out, time, value);
  };
  const atStart = opts.atStart;
  sinkNode({
    name: `${name}.schedule`,
    inputs,
    ...(atStart ? { start: () => atStart(emitAt, rt.clock.now) } : {}),
    onTick: (ctx) => schedule(emitAt, ctx),
  });
  const scheduler = rt.nodes[rt.nodes.length - 1];
  // Not a sink of its own: it lives only while something reads `out`.
  (scheduler as { sink: boolean }).sink = false;
  out.binder = scheduler;
  return out;
}

/**
 * A feedback edge: a source whose value is whatever `bind`'s series ticked,
 * delivered on the next cycle at the same engine time. This is how a graph
 * closes a loop without a cycle inside one engine cycle.
 */
export interface Feedback<T> {
  readonly out: Series<T>;
  bind(source: Series<T>): void;
}

export function feedback<T>(name = "feedback"): Feedback<T> {
  const rt = frame().rt;
  // The series exists before its source does; bind() wires the scheduler.
  const out = rt.newSeries<T>(name, null);
  let bound = false;
  return {
    out,
    bind(source) {
      if (bound) throw new GraphError(`feedback '${name}' is already bound`);
      bound = true;
      scheduledSource<T, { source: Series<T> }>(
        name,
        { source },
        (emitAt, { inputs }) => emitAt(rt.clock.now, inputs.source.value),
        { into: out },
      );
    },
  };
}

/**
 * An edge used before the series it carries exists, ticking in the SAME
 * cycle. Bound to something downstream of itself, it is a loop: rejected
 * when the graph starts, with the loop's path.
 */
export interface DelayedEdge<T> {
  readonly out: Series<T>;
  bind(source: Series<T>): void;
}

export function delayedEdge<T>(name = "delayed"): DelayedEdge<T> {
  let impl: { inputs: Series<any>[]; passive: boolean[] } | null = null;
  const out = node<Record<string, never>, T>({
    name,
    inputs: {},
    onTick: () => source?.value,
  });
  impl = out.producer;
  let source: Series<T> | null = null;
  return {
    out,
    bind(s) {
      if (source) throw new GraphError(`delayed edge '${name}' is already bound`);
      source = s;
      impl!.inputs.push(s);
      impl!.passive.push(false);
    },
  };
}

/** Every output tick recorded as [engine time, value], returned by the run. */
export type OutputLog = Record<string, Array<[number, unknown]>>;

/** Mark a series as a graph output: kept by pruning, recorded, and part of the run hash. */
export function output<T>(name: string, s: Series<T>, opts: { record?: boolean } = {}): void {
  const rt = frame().rt;
  const record = opts.record ?? true;
  const log: Array<[number, unknown]> = [];
  if (record) rt.outputLogs[name] = log;
  sinkNode({
    name: `output:${name}`,
    inputs: { s },
    onTick: ({ inputs }) => {
      const now = rt.clock.now;
      if (record) log.push([now, inputs.s.value]);
      rt.hash?.update(now, name, inputs.s.value);
    },
  });
}

/** An output adapter that hands each tick to a callback (socket.io, a file, a test). */
export function sink<T>(name: string, s: Series<T>, fn: (time: number, value: T) => void): void {
  const rt = frame().rt;
  sinkNode({
    name: `sink:${name}`,
    inputs: { s },
    onTick: ({ inputs }) => {
      rt.hash?.update(rt.clock.now, name, inputs.s.value);
      fn(rt.clock.now, inputs.s.value);
    },
  });
}

/** Ticks with every contained node failure (see contain()). */
export function engineErrors(): Series<NodeFailure> {
  const rt = frame().rt;
  if (!rt.errorSeries) rt.errorSeries = rt.newSeries<NodeFailure>("engine.errors", null);
  return rt.errorSeries;
}
