/**
 * The fast path of a cycle: a pull source due alone at its time, and the
 * chain of nodes it reaches one by one, run by a loop generated for that
 * chain. Each node gets its own call site in the generated code, so V8 sees
 * one target per site and can inline the node's onTick (and the user's
 * lambda inside it) instead of dispatching through one megamorphic call.
 *
 * Exactly the generic engine's order: a chain node is run right after the
 * node before it only while nothing else is queued in the cycle, which is
 * precisely when the rank queues would have run it next. As soon as anything
 * else is queued (a second consumer, an emit, a dynamic instance) the rest
 * of the cycle goes through the rank queues as usual.
 */
import { fastLoopFactory, type LoopShape } from "./fast-codegen";
import type { NodeImpl, Scope } from "./node-impl";
import type { Runtime } from "./runtime";
import type { Series } from "./series";
import type { PullSource } from "./sources";

/** Whatever can ask the run to stop between cycles (the Engine). */
export interface StopFlag {
  readonly stopRequested: boolean;
}

/** Runs up to `maxCycles` fast cycles, none after `end`; returns how many ran. */
export type FastLoop = (end: number, maxCycles: number) => number;

/** What the generated loop closes over. */
export interface FastLoopParts {
  rt: Runtime;
  src: PullSource<any>;
  /** The source's series. */
  S: Series<any>;
  /** The chain, in run order, with each node's onTick, context, output (null for a sink) and scope. */
  N: NodeImpl[];
  F: Array<(ctx: unknown) => unknown>;
  X: unknown[];
  O: Array<Series<any> | null>;
  SC: Array<Scope | null>;
}

/**
 * The nodes a tick of `s` reaches one at a time: the sole consumer of `s`
 * when `s` is its only input (no other input, passive input or alarm), then
 * the sole consumer of that node's output on the same terms, and so on.
 */
export function soleConsumerChain(s: Series<any>): NodeImpl[] {
  const chain: NodeImpl[] = [];
  let from: Series<any> | null = s;
  while (from !== null && from.consumers.length === 1) {
    const n: NodeImpl = from.consumers[0];
    if (n.inputs.length !== 1 || n.inputs[0] !== from || n.passive[0] || n.direct === null) break;
    if (!n.live || n.dead) break;
    chain.push(n);
    from = n.out;
  }
  return chain;
}

export function compileFastLoop(rt: Runtime, src: PullSource<any>): FastLoop {
  const chain = soleConsumerChain(src.series);
  const parts: FastLoopParts = {
    rt,
    src,
    S: src.series,
    N: chain,
    F: chain.map((n) => n.direct!),
    X: chain.map((n) => n.ctx),
    O: chain.map((n) => n.out),
    SC: chain.map((n) => n.scope),
  };
  const shape: LoopShape = {
    columns: src.columns !== null,
    history: src.series.history !== null,
    chain: chain.map((n) => ({
      op: n.op?.kind ?? null,
      sink: n.out === null,
      scoped: n.scope !== null,
      history: n.out !== null && n.out.history !== null,
    })),
  };
  return fastLoopFactory(shape)(parts);
}
