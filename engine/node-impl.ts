import type { Series } from "./series";

/**
 * What a standard-library node computes, stated so that the fast path can
 * call the user's function itself instead of the node's onTick: the same
 * result, one closure call and three property loads less per node.
 */
export type FusibleOp =
  /** apply: fn(x) */
  | { kind: "map"; fn: (v: any) => unknown }
  /** filter: x when fn(x) */
  | { kind: "filter"; fn: (v: any) => unknown }
  /** accumulate: state.acc = fn(state.acc, x), emitted */
  | { kind: "scan"; fn: (acc: any, v: any) => unknown; state: { acc: unknown } };

/** A containment scope: failures of its nodes stay inside it. */
export interface Scope {
  name: string;
  onError: "disable" | "continue";
  failed: boolean;
  failures: number;
}

/**
 * The engine's view of one node. User code never sees this: it writes a
 * NodeSpec and reads its inputs through Series objects.
 */
export class NodeImpl {
  rank = 0;
  /** Reaches an output (kept by pruning); sinks are where pruning starts. */
  live = false;
  dead = false;
  nextDirty: NodeImpl | null = null;
  scheduledCycle = -1;
  evals = 0;
  sampledMs = 0;
  sampledEvals = 0;
  passive: boolean[] = [];
  /**
   * Single-output nodes are called directly (onTick(ctx), result ticked on
   * `out`) rather than through the `run` closure: one call less per node.
   */
  direct: ((ctx: any) => unknown) | null = null;
  ctx: unknown = null;
  out: Series<any> | null = null;
  /** Set by the stdlib nodes whose onTick is exactly this op (see FusibleOp). */
  op: FusibleOp | null = null;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly kind: string,
    public inputs: Series<any>[],
    readonly outputs: Series<any>[],
    readonly sink: boolean,
    readonly scope: Scope | null,
    public run: () => void,
    readonly start: (() => void) | null,
    readonly stop: (() => void) | null,
  ) {}
}
