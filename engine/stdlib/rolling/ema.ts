import { GraphError } from "../../errors";
import { node } from "../../node";
import type { Series } from "../../series";
import { checkMinPoints } from "./rolling-node";
import type { AnySeries, RollingOptions } from "./types";

/**
 * How fast an EMA forgets:
 * - `{ alpha }` per tick: ema = alpha * v + (1 - alpha) * ema, seeded with the
 *   first value (pandas `ewm(alpha, adjust=False)`); 0 < alpha <= 1.
 * - `{ halfLife }` in ms of engine time: each point weighs 2^(-age / halfLife)
 *   and the EMA is the weighted mean of all points since start or reset
 *   (pandas `ewm(halflife, times=..., adjust=True)`). Irregular ticks are
 *   weighted by their real age; points at the same time weigh the same.
 */
export type EmaSpec = { alpha: number; halfLife?: never } | { halfLife: number; alpha?: never };

interface EmaState {
  n: number;
  /** alpha form: the EMA. halfLife form: decayed sum of weight * value. */
  a: number;
  /** halfLife form: decayed sum of weights. */
  w: number;
  lastTime: number;
}

/**
 * Exponential moving average of x's finite values (others are skipped).
 * Emits when x, the trigger or the reset ticks, once at least minPoints
 * (default 1) values have arrived since start or the last reset. Between
 * ticks of x the EMA does not change (both forms), so a trigger re-emits it.
 */
export function rollingEma(x: Series<number>, spec: EmaSpec, opts: RollingOptions = {}): Series<number> {
  const byTime = checkSpec(spec);
  const alpha = spec.alpha ?? 0;
  const lnDecayPerMs = byTime ? -Math.LN2 / (spec.halfLife as number) : 0;
  const minPoints = checkMinPoints("rollingEma", opts.minPoints ?? 1);
  const inputs: Record<string, AnySeries> = { x };
  if (opts.trigger) inputs.trigger = opts.trigger;
  if (opts.reset) inputs.reset = opts.reset;
  const reset = opts.reset ?? null;
  const label = byTime ? `halfLife ${spec.halfLife}ms` : `alpha ${alpha}`;
  return node({
    name: `rollingEma(${label})`,
    inputs,
    state: (): EmaState => ({ n: 0, a: 0, w: 0, lastTime: 0 }),
    onTick: (ctx) => {
      const st = ctx.state;
      if (reset?.ticked) st.n = 0;
      const v = x.value;
      if (x.ticked && Number.isFinite(v)) {
        const now = ctx.now();
        if (st.n === 0) {
          st.a = v;
          st.w = 1;
        } else if (byTime) {
          const decay = Math.exp(lnDecayPerMs * (now - st.lastTime));
          st.a = st.a * decay + v;
          st.w = st.w * decay + 1;
        } else {
          st.a += alpha * (v - st.a);
        }
        st.lastTime = now;
        st.n++;
      }
      if (st.n < minPoints || st.n === 0) return undefined;
      return byTime ? st.a / st.w : st.a;
    },
  });
}

function checkSpec(spec: EmaSpec): boolean {
  const hasAlpha = spec.alpha !== undefined;
  const hasHalfLife = spec.halfLife !== undefined;
  if (hasAlpha === hasHalfLife)
    throw new GraphError("rollingEma: give exactly one of { alpha } or { halfLife: ms }");
  if (hasAlpha && !(spec.alpha! > 0 && spec.alpha! <= 1)) {
    throw new GraphError(`rollingEma: alpha must be in (0, 1], got ${spec.alpha}`);
  }
  if (hasHalfLife && !(spec.halfLife! > 0 && Number.isFinite(spec.halfLife))) {
    throw new GraphError(`rollingEma: halfLife must be a positive number of ms, got ${spec.halfLife}`);
  }
  return hasHalfLife;
}
