import type { Series } from "./series";

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
