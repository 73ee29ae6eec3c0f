import { describe, expect, it } from "vitest";
import type { GraphJson } from "../engine/export";
import { layoutGraph } from "./graph-layout";

describe("graph layout", () => {
  it("draws the copies of a keyed node once, with their count and summed ticks", () => {
    const g: GraphJson = {
      sources: [{ id: "s0", name: "payloads", ticks: 10 }],
      nodes: [
        { id: 1, name: "decode", kind: "node", rank: 1, ticks: 10, sink: false },
        { id: 2, name: "delay.mean", kind: "node", rank: 2, ticks: 4, sink: false },
        { id: 3, name: "delay.mean", kind: "node", rank: 2, ticks: 6, sink: false },
        { id: 4, name: "out", kind: "sink", rank: 3, ticks: 2, sink: true },
      ],
      edges: [
        { from: "s0", to: "n1", series: "payloads", passive: false },
        { from: "n1", to: "n2", series: "x", passive: false },
        { from: "n1", to: "n3", series: "x", passive: false },
        { from: "n2", to: "n4", series: "y", passive: true },
        { from: "n3", to: "n4", series: "y", passive: false },
      ],
    };
    const l = layoutGraph(g);
    expect(l.nodes).toHaveLength(4);
    const delay = l.nodes.find((n) => n.name === "delay.mean")!;
    expect(delay.copies).toBe(2);
    expect(delay.ticks).toBe(10);
    expect(l.columns).toBe(4);
    expect(l.nodes.map((n) => n.col).sort()).toEqual([0, 1, 2, 3]);
    // Two edges decode -> delay.mean collapse into one; into "out": active wins over passive.
    expect(l.edges).toHaveLength(3);
    expect(l.edges.find((e) => e.to.endsWith("out"))!.passive).toBe(false);
  });
});
