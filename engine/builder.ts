import { GraphError } from "./errors";
import type { NodeImpl, Scope } from "./node-impl";
import type { Runtime } from "./runtime";

/**
 * Graphs are plain functions: while one runs, node() and the adapters add to
 * the graph being built here. Dynamic sub-graphs build into a nested frame.
 */
export interface BuildFrame {
  rt: Runtime;
  scope: Scope | null;
  /** Every node created in this frame (a dynamic instance tears these down). */
  created: NodeImpl[];
}

let current: BuildFrame | null = null;

export function frame(): BuildFrame {
  if (!current)
    throw new GraphError("graph functions must run inside run()/Engine (no graph is being built)");
  return current;
}

export function withFrame<R>(f: BuildFrame, fn: () => R): R {
  const prev = current;
  current = f;
  try {
    return fn();
  } finally {
    current = prev;
  }
}

/** Nodes created inside `build` belong to a scope whose failures stay inside it. */
export function contain<R>(name: string, build: () => R, opts: { onError?: "disable" | "continue" } = {}): R {
  const f = frame();
  const scope: Scope = { name, onError: opts.onError ?? "disable", failed: false, failures: 0 };
  return withFrame({ ...f, scope, created: f.created }, build);
}
