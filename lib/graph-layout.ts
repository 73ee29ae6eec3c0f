/**
 * The engine graph as the page draws it. Keyed sub-graphs repeat the same
 * nodes per route or station (56 copies of "delay.mean"): copies with the
 * same name at the same rank are drawn as one box "×56" with their summed
 * ticks, so the shape of the graph stays readable. Columns are ranks
 * (sources first); within a column boxes follow the mean row of their inputs.
 */
import type { GraphJson } from "../engine/export";

export interface GroupNode {
  id: string;
  name: string;
  rank: number;
  copies: number;
  ticks: number;
  sink: boolean;
  source: boolean;
  col: number;
  row: number;
}

export interface GroupEdge {
  from: string;
  to: string;
  passive: boolean;
}

export interface GraphLayout {
  nodes: GroupNode[];
  edges: GroupEdge[];
  columns: number;
  rows: number;
}

export function layoutGraph(g: GraphJson): GraphLayout {
  const groupOf = new Map<string, string>();
  const groups = new Map<string, GroupNode>();
  const add = (
    key: string,
    gid: string,
    name: string,
    rank: number,
    ticks: number,
    sink: boolean,
    source: boolean,
  ) => {
    groupOf.set(key, gid);
    const cur = groups.get(gid);
    if (cur) {
      cur.copies++;
      cur.ticks += ticks;
    } else groups.set(gid, { id: gid, name, rank, copies: 1, ticks, sink, source, col: 0, row: 0 });
  };
  for (const s of g.sources) add(s.id, `s|${s.name}`, s.name, 0, s.ticks, false, true);
  for (const n of g.nodes) add(`n${n.id}`, `n|${n.rank}|${n.name}`, n.name, n.rank, n.ticks, n.sink, false);
  const edgeSet = new Map<string, GroupEdge>();
  for (const e of g.edges) {
    const from = groupOf.get(e.from);
    const to = groupOf.get(e.to);
    if (!from || !to || from === to) continue;
    const k = `${from}>${to}`;
    const prev = edgeSet.get(k);
    if (!prev) edgeSet.set(k, { from, to, passive: e.passive });
    else prev.passive &&= e.passive;
  }
  const edges = [...edgeSet.values()];
  const nodes = [...groups.values()];
  // Columns: sources at 0, nodes at their rank (ranks start at 1).
  const byCol = new Map<number, GroupNode[]>();
  for (const n of nodes) {
    n.col = n.source ? 0 : n.rank;
    const list = byCol.get(n.col);
    if (list) list.push(n);
    else byCol.set(n.col, [n]);
  }
  const inputs = new Map<string, string[]>();
  for (const e of edges) {
    const list = inputs.get(e.to);
    if (list) list.push(e.from);
    else inputs.set(e.to, [e.from]);
  }
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  let rows = 0;
  for (const c of cols) {
    const list = byCol.get(c)!;
    const centre = (n: GroupNode) => {
      const ins = (inputs.get(n.id) ?? []).map((id) => groups.get(id)!).filter((p) => p.col < n.col);
      return ins.length === 0 ? Number.POSITIVE_INFINITY : ins.reduce((s, p) => s + p.row, 0) / ins.length;
    };
    list.sort((a, b) => centre(a) - centre(b) || a.name.localeCompare(b.name));
    list.forEach((n, i) => {
      n.row = i;
    });
    rows = Math.max(rows, list.length);
  }
  // Renumber columns densely (ranks can skip).
  cols.forEach((c, i) => {
    for (const n of byCol.get(c)!) n.col = i;
  });
  return { nodes, edges, columns: cols.length, rows };
}
