import { GraphError } from "../../errors";
import { node } from "../../node";
import type { Series } from "../../series";
import { RingWindow } from "./ring-window";
import type { Accumulator, AnySeries, RollingOptions, WindowSpec } from "./types";

export interface RollingDef<R> {
  /** Node name prefix, e.g. "rollingMean". */
  kind: string;
  acc: Accumulator<R>;
  /** minPoints when the caller gives none. */
  defaultMinPoints: number;
  /** The statistic needs at least this many points to exist (stddev: 2). */
  floorMinPoints?: number;
  /**
   * Count every tick whatever its value (count). Otherwise values that are
   * not finite numbers (NaN, +-Infinity, non-numbers) are skipped: they would
   * poison running sums forever.
   */
  anyValue?: boolean;
}

/**
 * The one node behind every rolling statistic. Each run: apply a reset,
 * add the new value, expire what left the window as of now, then emit the
 * statistic if the window holds at least minPoints points. It runs when x,
 * the trigger or the reset ticks.
 */
export function rollingNode<R>(
  x: AnySeries,
  spec: WindowSpec,
  opts: RollingOptions,
  def: RollingDef<R>,
): Series<R> {
  const { span, maxTicks, label } = checkWindow(def.kind, spec);
  const minPoints = Math.max(
    checkMinPoints(def.kind, opts.minPoints ?? def.defaultMinPoints),
    def.floorMinPoints ?? 0,
  );
  const inputs: Record<string, AnySeries> = { x };
  if (opts.trigger) inputs.trigger = opts.trigger;
  if (opts.reset) inputs.reset = opts.reset;
  const reset = opts.reset ?? null;
  const acc = def.acc;
  const anyValue = def.anyValue === true;
  return node({
    name: `${def.kind}(${label})`,
    inputs,
    state: () => new RingWindow(acc, span, maxTicks),
    onTick: (ctx) => {
      const win = ctx.state;
      if (reset?.ticked) win.clear();
      const now = ctx.now();
      if (x.ticked) {
        const v = x.value;
        if (anyValue) win.push(now, 0);
        else if (typeof v === "number" && Number.isFinite(v)) win.push(now, v);
      }
      win.expire(now);
      const n = win.count;
      return n >= minPoints ? acc.result(n) : undefined;
    },
  });
}

function checkWindow(kind: string, spec: WindowSpec): { span: number; maxTicks: number; label: string } {
  const hasWindow = spec.window !== undefined;
  const hasTicks = spec.ticks !== undefined;
  if (hasWindow === hasTicks)
    throw new GraphError(`${kind}: give exactly one of { window: ms } or { ticks: n }`);
  if (hasWindow) {
    const w = spec.window as number;
    if (!(w > 0 && Number.isFinite(w)))
      throw new GraphError(`${kind}: window must be a positive number of ms, got ${w}`);
    return { span: w, maxTicks: Number.POSITIVE_INFINITY, label: `${w}ms` };
  }
  const t = spec.ticks as number;
  if (!(Number.isInteger(t) && t > 0))
    throw new GraphError(`${kind}: ticks must be a positive integer, got ${t}`);
  return { span: Number.POSITIVE_INFINITY, maxTicks: t, label: `${t} ticks` };
}

export function checkMinPoints(kind: string, m: number): number {
  if (!(Number.isInteger(m) && m >= 0))
    throw new GraphError(`${kind}: minPoints must be an integer >= 0, got ${m}`);
  return m;
}
