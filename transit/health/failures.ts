/**
 * Contained node failures (engineErrors()) as "engine.failures" metric ticks,
 * so a broken metric shows in the health output instead of vanishing.
 */
import type { NodeFailure, Series } from "../../engine";
import { apply } from "../../engine";
import type { MetricTick } from "../contract";

export function failureTick(f: NodeFailure): MetricTick {
  return {
    t: f.time,
    metric: "engine.failures",
    key: {},
    value: { node: f.node, scope: f.scope, message: f.message },
  };
}

export function containedFailures(errors: Series<NodeFailure>): Series<MetricTick[]> {
  return apply(errors, (f) => [failureTick(f)], "engine.failures");
}
