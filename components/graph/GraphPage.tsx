"use client";
/**
 * `/graph`: the engine's graph drawn in the page, boxes with live tick
 * counts and their rate. Data: the `graph` topic (whole graph, at most once
 * a second while counts move).
 */
import { useMemo, useRef } from "react";
import type { GraphJson } from "../../engine/export";
import { integer } from "../../lib/format";
import { layoutGraph } from "../../lib/graph-layout";
import { useTopic } from "../../lib/live/hooks";
import { SiteHeader } from "../SiteHeader";

const W = 190;
const H = 40;
const GAP_X = 56;
const GAP_Y = 10;
const PAD = 12;

const x = (col: number) => PAD + col * (W + GAP_X);
const y = (row: number) => PAD + row * (H + GAP_Y);

type Snap = { at: number; ticks: Map<string, number> };

/** Ticks per wall second of each group, between the last two messages (idempotent per message). */
function useRates(groups: Array<{ id: string; ticks: number }>, at: number) {
  const hist = useRef<{ cur: Snap | null; before: Snap | null }>({ cur: null, before: null });
  return useMemo(() => {
    const h = hist.current;
    if (h.cur?.at !== at) {
      h.before = h.cur;
      h.cur = { at, ticks: new Map(groups.map((g) => [g.id, g.ticks])) };
    }
    const rates = new Map<string, number>();
    const b = h.before;
    if (b && at > b.at)
      for (const g of groups) {
        const before = b.ticks.get(g.id);
        if (before !== undefined) rates.set(g.id, ((g.ticks - before) * 1000) / (at - b.at));
      }
    return rates;
  }, [groups, at]);
}

export function GraphPage() {
  const topic = useTopic<GraphJson | null>("graph");
  const graph = topic?.data ?? null;
  const layout = useMemo(() => (graph ? layoutGraph(graph) : null), [graph]);
  const rates = useRates(layout?.nodes ?? [], topic?.receivedAt ?? 0);
  const width = layout ? PAD * 2 + layout.columns * (W + GAP_X) - GAP_X : 0;
  const height = layout ? PAD * 2 + layout.rows * (H + GAP_Y) - GAP_Y : 0;
  const pos = new Map(layout?.nodes.map((n) => [n.id, n]) ?? []);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1>Engine graph</h1>
        <p className="muted">
          {graph
            ? `${integer(graph.nodes.length)} nodes and ${integer(graph.sources.length)} inputs, drawn as ${layout?.nodes.length} boxes: copies of a node made per line or station are drawn once with their count (×n). Columns are ranks: a node runs after every node to its left. Dashed: passive inputs (read, not woken by).`
            : "Waiting for the engine graph…"}
        </p>
        {layout && (
          <div className="graph-wrap">
            <svg
              width={width}
              height={height}
              role="img"
              aria-label={`Engine graph with ${layout.nodes.length} node groups`}
              data-testid="engine-graph"
            >
              <g fill="none" strokeWidth={1.2}>
                {layout.edges.map((e) => {
                  const a = pos.get(e.from);
                  const b = pos.get(e.to);
                  if (!a || !b) return null;
                  const x1 = x(a.col) + W;
                  const y1 = y(a.row) + H / 2;
                  const x2 = x(b.col);
                  const y2 = y(b.row) + H / 2;
                  const mid = (x1 + x2) / 2;
                  return (
                    <path
                      key={`${e.from}>${e.to}`}
                      d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
                      stroke={e.passive ? "#5d6b78" : "#3f6f96"}
                      strokeDasharray={e.passive ? "4 3" : undefined}
                    />
                  );
                })}
              </g>
              {layout.nodes.map((n) => {
                const rate = rates.get(n.id) ?? 0;
                const label = n.name.length > 26 ? `${n.name.slice(0, 25)}…` : n.name;
                return (
                  <g
                    key={n.id}
                    transform={`translate(${x(n.col)},${y(n.row)})`}
                    data-node={n.name}
                    data-ticks={n.ticks}
                  >
                    <title>{`${n.name}${n.copies > 1 ? ` (${n.copies} copies)` : ""}: ${n.ticks} ticks`}</title>
                    <rect
                      width={W}
                      height={H}
                      rx={n.source ? 12 : 6}
                      fill={rate > 0 ? "#1d3a52" : "#1a242e"}
                      stroke={n.sink ? "#3fb36b" : n.source ? "#f0b429" : rate > 0 ? "#5aa9e6" : "#2a3742"}
                      strokeWidth={n.sink || n.source ? 1.6 : 1}
                    />
                    <text x={8} y={16} fontWeight={600}>
                      {label}
                      {n.copies > 1 && <tspan fill="#9aa7b4"> ×{n.copies}</tspan>}
                    </text>
                    <text x={8} y={31} fill="#9aa7b4">
                      {integer(n.ticks)} ticks
                      {rate > 0 ? ` · ${rate >= 10 ? integer(rate) : rate.toFixed(1)}/s` : ""}
                    </text>
                  </g>
                );
              })}
            </svg>
          </div>
        )}
      </main>
    </>
  );
}
