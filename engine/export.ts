import type { Runtime } from "./runtime";

export interface GraphJson {
  nodes: Array<{ id: number; name: string; kind: string; rank: number; ticks: number; sink: boolean }>;
  sources: Array<{ id: string; name: string; ticks: number }>;
  edges: Array<{ from: string; to: string; series: string; passive: boolean }>;
}

const nodeKey = (id: number) => `n${id}`;

/** The wired graph (live nodes only), for the browser's graph view. */
export function graphToJson(rt: Runtime): GraphJson {
  const live = rt.nodes.filter((n) => n.live && !n.dead);
  const sources = new Map<number, { id: string; name: string; ticks: number }>();
  const edges: GraphJson["edges"] = [];
  for (const n of live) {
    n.inputs.forEach((s, i) => {
      let from: string;
      if (s.producer) from = nodeKey(s.producer.id);
      else {
        from = `s${s.id}`;
        if (!sources.has(s.id)) sources.set(s.id, { id: from, name: s.name, ticks: s.tickCount });
      }
      edges.push({ from, to: nodeKey(n.id), series: s.name, passive: n.passive[i] });
    });
  }
  return {
    nodes: live.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind,
      rank: n.rank,
      ticks: n.evals,
      sink: n.sink,
    })),
    sources: [...sources.values()],
    edges,
  };
}

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function graphToDot(rt: Runtime): string {
  const g = graphToJson(rt);
  const lines = ["digraph engine {", "  rankdir=LR;"];
  for (const s of g.sources) lines.push(`  ${s.id} [label=${quote(s.name)}, shape=invhouse];`);
  for (const n of g.nodes) {
    const shape = n.sink ? "box" : "ellipse";
    lines.push(`  ${nodeKey(n.id)} [label=${quote(n.name)}, shape=${shape}];`);
  }
  for (const e of g.edges) lines.push(`  ${e.from} -> ${e.to}${e.passive ? " [style=dashed]" : ""};`);
  lines.push("}");
  return lines.join("\n");
}
