/**
 * graph: the engine's wired graph with its live tick counts, whole, at most
 * once per second and only when a count moved (a value topic: the browser's
 * graph view redraws from it).
 */
import type { GraphJson } from "../../engine";
import { type Advance, SampledTopic } from "./topic";

function countsOf(g: GraphJson | null): string {
  if (!g) return "";
  let s = `${g.nodes.length}/${g.edges.length}:`;
  for (const n of g.nodes) s += `${n.id}.${n.ticks},`;
  for (const x of g.sources) s += `${x.id}.${x.ticks},`;
  return s;
}

export class GraphTopic extends SampledTopic<GraphJson> {
  readonly name = "graph";
  private sentCounts = "";
  private sentAt = 0;
  private baseT = 0;

  constructor(
    private readonly read: () => GraphJson | null,
    private readonly now: () => number,
    private readonly minIntervalMs = 1000,
  ) {
    super();
  }

  t(): number {
    return this.baseT;
  }

  rebase(): void {
    this.sent = this.read();
    this.sentCounts = countsOf(this.sent);
    this.sentAt = Date.now();
    this.baseT = this.now();
  }

  advance(): Advance {
    if (Date.now() - this.sentAt < this.minIntervalMs) return null;
    const g = this.read();
    const counts = countsOf(g);
    this.sentAt = Date.now();
    if (counts === this.sentCounts) return null;
    this.sent = g;
    this.sentCounts = counts;
    this.baseT = this.now();
    return { kind: "delta", data: g };
  }
}
