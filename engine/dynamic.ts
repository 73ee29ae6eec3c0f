import { type BuildFrame, frame, withFrame } from "./builder";
import { type Inputs, node } from "./node";
import type { NodeImpl } from "./node-impl";
import type { Series } from "./series";

interface Instance<V, R> {
  input: Series<V>;
  result: Series<R>;
  nodes: NodeImpl[];
}

export interface DynamicOptions<K> {
  name?: string;
  /** Snapshot semantics: a key absent from a tick of `source` is torn down. */
  removeMissing?: boolean;
  /** Keys to tear down explicitly. */
  remove?: Series<readonly K[]>;
}

/**
 * Keyed dynamic sub-graphs: `build(key, input)` runs the first time a key
 * appears in a tick of `source` (a map of key -> value), wiring a sub-graph
 * fed by that key's values; it is torn down (stop hooks run, nodes removed)
 * when the key leaves. The output ticks with the results of the instances
 * whose result ticked in the cycle.
 */
export function dynamic<K, V, R>(
  source: Series<ReadonlyMap<K, V>>,
  build: (key: K, input: Series<V>) => Series<R>,
  opts: DynamicOptions<K> = {},
): Series<ReadonlyMap<K, R>> {
  const f = frame();
  const rt = f.rt;
  const name = opts.name ?? "dynamic";
  const instances = new Map<K, Instance<V, R>>();
  const keyOf = new Map<Series<R>, K>();
  let collector: NodeImpl;
  let dispatcher: NodeImpl;

  const create = (key: K): Instance<V, R> => {
    const input = rt.newSeries<V>(`${name}[${String(key)}]`, dispatcher);
    const sub: BuildFrame = { rt, scope: f.scope, created: [] };
    const result = withFrame(sub, () => build(key, input));
    collector.inputs.push(result);
    collector.passive.push(false);
    rt.addNodesWhileRunning(sub.created);
    if (!result.consumers.includes(collector)) result.consumers.push(collector);
    keyOf.set(result, key);
    const inst = { input, result, nodes: sub.created };
    instances.set(key, inst);
    return inst;
  };

  const teardown = (key: K) => {
    const inst = instances.get(key);
    if (!inst) return;
    rt.removeNodes(inst.nodes);
    const i = collector.inputs.indexOf(inst.result);
    if (i >= 0) {
      collector.inputs.splice(i, 1);
      collector.passive.splice(i, 1);
    }
    const c = inst.result.consumers.indexOf(collector);
    if (c >= 0) inst.result.consumers.splice(c, 1);
    keyOf.delete(inst.result);
    instances.delete(key);
  };

  const remove = opts.remove;
  const size: Series<number> = node<Inputs, number>({
    name: `${name}.dispatch`,
    inputs: remove ? { source, remove } : { source },
    stop: () => {
      for (const k of [...instances.keys()]) teardown(k);
    },
    onTick: ({ inputs }) => {
      const r = inputs.remove as Series<readonly K[]> | undefined;
      if (r?.ticked) for (const k of r.value) teardown(k);
      const src = inputs.source as Series<ReadonlyMap<K, V>>;
      if (src.ticked) {
        const snapshot = src.value;
        for (const [k, v] of snapshot) rt.tick((instances.get(k) ?? create(k)).input, v);
        if (opts.removeMissing) for (const k of [...instances.keys()]) if (!snapshot.has(k)) teardown(k);
      }
      return instances.size;
    },
  });
  dispatcher = size.producer!;

  const out = node<{ size: Series<number> }, ReadonlyMap<K, R>>({
    name: `${name}.collect`,
    inputs: { size },
    passive: ["size"],
    onTick: (ctx) => {
      const ticked = new Map<K, R>();
      for (const s of collector.inputs) {
        if (s !== ctx.inputs.size && s.ticked) ticked.set(keyOf.get(s as Series<R>)!, s.value as R);
      }
      return ticked.size > 0 ? ticked : undefined;
    },
  });
  collector = out.producer!;
  return out;
}

/**
 * Dynamic demultiplex: one sub-graph per key of the values of x, created on
 * first sight of the key (and never torn down unless `remove` says so).
 */
export function dynamicDemux<T, K, R>(
  x: Series<T>,
  key: (v: T) => K,
  build: (key: K, input: Series<T>) => Series<R>,
  opts: Omit<DynamicOptions<K>, "removeMissing"> = {},
): Series<ReadonlyMap<K, R>> {
  const keyed = node<{ x: Series<T> }, ReadonlyMap<K, T>>({
    name: `${opts.name ?? "demux"}.key`,
    inputs: { x },
    onTick: ({ inputs }) => new Map([[key(inputs.x.value), inputs.x.value]]),
  });
  return dynamic(keyed, build, opts);
}
