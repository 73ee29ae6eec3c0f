import type { Runtime } from "./runtime";

export interface NodeProfile {
  name: string;
  rank: number;
  evals: number;
  /** Estimated total ms: sampled mean time x exact evaluation count. */
  estMs: number;
}

export interface ProfileReport {
  cycles: number;
  /** Estimated total ms in cycles (sampled). */
  estCycleMs: number;
  nodes: NodeProfile[];
}

/**
 * Counts are exact; times come from one cycle in `profileEvery`, which keeps
 * the profiler cheap enough to leave on.
 */
export function profileReport(rt: Runtime): ProfileReport {
  const cycles = rt.clock.cycle;
  const estCycleMs = rt.cyclesSampled > 0 ? (rt.cycleSampledMs / rt.cyclesSampled) * cycles : 0;
  const nodes = rt.nodes
    .filter((n) => n.live)
    .map((n) => ({
      name: n.name,
      rank: n.rank,
      evals: n.evals,
      estMs: n.sampledEvals > 0 ? (n.sampledMs / n.sampledEvals) * n.evals : 0,
    }))
    .sort((a, b) => b.estMs - a.estMs || a.rank - b.rank);
  return { cycles, estCycleMs, nodes };
}
