/**
 * graph: the engine's wired graph (snapshot) and its live tick counts
 * (deltas, at most once per second). When nodes come or go (dynamic
 * sub-graphs) the hub sends a new snapshot instead.
 */
import type { GraphJson } from "../../engine";
import type { GraphTicks } from "../protocol";
import type { Advance, Topic } from "./topic";

const EMPTY: GraphJson = { nodes: [], sources: [], edges: [] };

function shapeOf(g: GraphJson): string {
  return `${g.nodes.length}/${g.sources.length}/${g.edges.length}/${g.nodes[g.nodes.length - 1]?.id ?? -1}`;
}

export class GraphTopic implements Topic {
  readonly name = "graph";
  private sent: GraphJson = EMPTY;
  private sentAt = 0;
  private baseT = 0;

  constructor(
    private readonly read: () => GraphJson | null,
    private readonly now: () => number,
    private readonly minIntervalMs = 1000,
  ) {}

  t(): number {
    return this.baseT;
  }

  pendingSince(): number | null {
    return null;
  }

  snapshot(): GraphJson {
    return this.sent;
  }

  rebase(): void {
    this.sent = this.read() ?? EMPTY;
    this.sentAt = Date.now();
    this.baseT = this.now();
  }

  advance(): Advance {
    if (Date.now() - this.sentAt < this.minIntervalMs) return null;
    const g = this.read() ?? EMPTY;
    const prev = this.sent;
    this.sentAt = Date.now();
    this.baseT = this.now();
    if (shapeOf(g) !== shapeOf(prev)) {
      this.sent = g;
      return { kind: "snapshot" };
    }
    const ticks: GraphTicks = { nodes: [], sources: [] };
    g.nodes.forEach((n, i) => {
      if (n.ticks !== prev.nodes[i].ticks) ticks.nodes.push([n.id, n.ticks]);
    });
    g.sources.forEach((s, i) => {
      if (s.ticks !== prev.sources[i].ticks) ticks.sources.push([s.id, s.ticks]);
    });
    this.sent = g;
    if (ticks.nodes.length + ticks.sources.length === 0) return null;
    return { kind: "delta", data: ticks };
  }
}
