import { type BuildFrame, frame } from "./builder";
import { GraphError } from "./errors";
import type { HistorySpec } from "./history";
import { NodeImpl } from "./node-impl";
import type { Runtime } from "./runtime";
import { Series } from "./series";
import type { TimedEvent } from "./sources";

export type Inputs = Record<string, Series<any>>;
export type NoAlarms = Record<never, never>;

/** Declares a typed alarm in a node spec: `alarms: { tick: alarm<number>() }`. */
export interface AlarmDecl<T> {
  readonly __alarm?: T;
}
export const alarm = <T>(): AlarmDecl<T> => ({});
type AlarmValue<D> = D extends AlarmDecl<infer T> ? T : never;
export type Alarms<A> = { [K in keyof A]: Alarm<AlarmValue<A[K]>> };

/**
 * A node's private time series that it schedules into the future. Alarms due
 * at the same time fire in the order they were scheduled, one per cycle.
 */
export class Alarm<T> extends Series<T> {
  constructor(
    id: number,
    name: string,
    private readonly rt: Runtime,
  ) {
    super(id, name, rt.clock, null);
  }

  schedule(delayMs: number, value: T): TimedEvent<T> {
    if (!(delayMs >= 0)) throw new GraphError(`alarm '${this.name}': delay must be >= 0, got ${delayMs}`);
    return this.rt.scheduleValue(this, this.clock.now + delayMs, value);
  }

  scheduleAt(time: number, value: T): TimedEvent<T> {
    if (time < this.clock.now) throw new GraphError(`alarm '${this.name}': time ${time} is in the past`);
    return this.rt.scheduleValue(this, time, value);
  }

  cancel(handle: TimedEvent<T>): void {
    handle.cancelled = true;
  }

  reschedule(handle: TimedEvent<T>, delayMs: number, value: T = handle.value): TimedEvent<T> {
    handle.cancelled = true;
    return this.schedule(delayMs, value);
  }
}

/**
 * What onTick sees. The output type is deliberately absent here (emit takes
 * any value) so that TypeScript infers a node's output from what onTick returns.
 */
export interface NodeContext<I extends Inputs, S, A, E = any> {
  readonly name: string;
  readonly inputs: I;
  state: S;
  readonly alarms: Alarms<A>;
  now(): number;
  emit(value: E): void;
  stopEngine(): void;
}

export interface NodeSpec<I extends Inputs, O, S, A> {
  name: string;
  inputs?: I;
  /** Inputs read without being woken by them (they still order the node after them). */
  passive?: readonly (keyof I)[];
  history?: { [K in keyof I]?: HistorySpec };
  alarms?: A;
  state?: () => S;
  start?(ctx: NodeContext<I, S, A>): void;
  stop?(ctx: NodeContext<I, S, A>): void;
  /** Runs when an active input or alarm ticked; a returned value is emitted. */
  onTick(ctx: NodeContext<I, S, A>): O | undefined | undefined;
}

interface Wired<I extends Inputs, A> {
  f: BuildFrame;
  impl: NodeImpl;
  inputs: I;
  alarms: Alarms<A>;
}

function wire<I extends Inputs, A>(
  spec: {
    name: string;
    inputs?: I;
    passive?: readonly (keyof I)[];
    history?: { [K in keyof I]?: HistorySpec };
    alarms?: A;
  },
  kind: string,
  sink: boolean,
): Wired<I, A> {
  const f = frame();
  const rt = f.rt;
  if (rt.started && f.created === rt.nodes) {
    throw new GraphError(`node '${spec.name}' created after the engine started (use dynamic() for that)`);
  }
  const inputs = (spec.inputs ?? {}) as I;
  const names = Object.keys(inputs);
  const impl = new NodeImpl(rt.nodes.length, spec.name, kind, [], [], sink, f.scope, () => {}, null, null);
  for (const k of names) {
    const s = inputs[k];
    if (!(s instanceof Series))
      throw new GraphError(`node '${spec.name}': input '${k}' is not a time series`);
    impl.inputs.push(s);
    impl.passive.push(spec.passive?.includes(k) ?? false);
    const h = spec.history?.[k];
    if (h) s.keepHistory(h);
  }
  const alarms = {} as Record<string, Alarm<unknown>>;
  for (const k of Object.keys(spec.alarms ?? {})) {
    const a = new Alarm<unknown>(rt.series.length, `${spec.name}.${k}`, rt);
    rt.series.push(a);
    alarms[k] = a;
    impl.inputs.push(a);
    impl.passive.push(false);
  }
  rt.nodes.push(impl);
  if (f.created !== rt.nodes) f.created.push(impl);
  return { f, impl, inputs, alarms: alarms as Alarms<A> };
}

function context<I extends Inputs, O, S, A>(
  w: Wired<I, A>,
  state: S,
  emit: (v: O) => void,
): NodeContext<I, S, A, O> {
  const rt = w.f.rt;
  return {
    name: w.impl.name,
    inputs: w.inputs,
    state,
    alarms: w.alarms,
    now: () => rt.clock.now,
    emit,
    stopEngine: () => rt.requestStop(),
  };
}

/** A node with one output: the value onTick returns (or emits) ticks it. */
export function node<I extends Inputs, O, S = undefined, A = NoAlarms>(
  spec: NodeSpec<I, O, S, A>,
): Series<O> {
  const w = wire(spec, "node", false);
  const rt = w.f.rt;
  const out = rt.newSeries<O>(spec.name, w.impl);
  w.impl.outputs.push(out);
  const ctx: NodeContext<I, S, A> = context<I, O, S, A>(
    w,
    (spec.state ? spec.state() : undefined) as S,
    (v) => rt.tick(out, v),
  );
  const onTick = spec.onTick;
  w.impl.run = () => {
    const r = onTick(ctx);
    if (r !== undefined) rt.tick(out, r as O);
  };
  w.impl.direct = onTick as (c: unknown) => unknown;
  w.impl.ctx = ctx;
  w.impl.out = out;
  attachHooks(w.impl, spec, ctx);
  return out;
}

/** A node with several named outputs, written with ctx.emit({name: value, ...}). */
export function multiNode<I extends Inputs, O extends Record<string, unknown>, S = undefined, A = NoAlarms>(
  spec: Omit<NodeSpec<I, Partial<O>, S, A>, "onTick"> & {
    outputs: readonly (keyof O & string)[];
    onTick(ctx: NodeContext<I, S, A, Partial<O>>): Partial<O> | undefined | undefined;
  },
): { [K in keyof O]: Series<O[K]> } {
  const w = wire(spec, "node", false);
  const rt = w.f.rt;
  const outs = {} as Record<string, Series<unknown>>;
  for (const name of spec.outputs) {
    const s = rt.newSeries<unknown>(`${spec.name}.${name}`, w.impl);
    w.impl.outputs.push(s);
    outs[name] = s;
  }
  const emit = (v: Partial<O>) => {
    for (const k of Object.keys(v)) {
      const s = outs[k];
      if (!s) throw new GraphError(`node '${spec.name}' has no output '${k}'`);
      if (v[k] !== undefined) rt.tick(s, v[k]);
    }
  };
  const ctx: NodeContext<I, S, A, Partial<O>> = context<I, Partial<O>, S, A>(
    w,
    (spec.state ? spec.state() : undefined) as S,
    emit,
  );
  w.impl.run = () => {
    const r = spec.onTick(ctx);
    if (r !== undefined && r !== null) emit(r as Partial<O>);
  };
  attachHooks(w.impl, spec, ctx);
  return outs as { [K in keyof O]: Series<O[K]> };
}

/** An output adapter: consumes series and writes nowhere in the graph. Pruning starts here. */
export function sinkNode<I extends Inputs, S = undefined, A = NoAlarms>(
  spec: Omit<NodeSpec<I, never, S, A>, "onTick"> & { onTick(ctx: NodeContext<I, S, A>): void },
): void {
  const w = wire(spec, "sink", true);
  const ctx: NodeContext<I, S, A> = context<I, never, S, A>(
    w,
    (spec.state ? spec.state() : undefined) as S,
    () => {
      throw new GraphError(`sink '${spec.name}' cannot emit`);
    },
  );
  const onTick = spec.onTick;
  w.impl.run = () => {
    onTick(ctx);
  };
  // Called directly like node()'s onTick; `out` stays null, so a returned value is ignored.
  w.impl.direct = onTick as (c: unknown) => unknown;
  w.impl.ctx = ctx;
  attachHooks(w.impl, spec, ctx);
}

function attachHooks<C>(impl: NodeImpl, spec: { start?(ctx: C): void; stop?(ctx: C): void }, ctx: C): void {
  const start = spec.start;
  const stop = spec.stop;
  (impl as { start: (() => void) | null }).start = start ? () => start(ctx) : null;
  (impl as { stop: (() => void) | null }).stop = stop ? () => stop(ctx) : null;
}
