import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { MetricTick } from "../../transit/contract";
import { formatTick, MetricFileWriter } from "./metric-writer";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), "metric-writer-"));
  dirs.push(d);
  return join(d, name);
};

const T0 = Date.UTC(2025, 9, 2, 12, 45);

function ticks(): MetricTick[] {
  const out: MetricTick[] = [];
  for (let i = 0; i < 20_000; i++)
    out.push({
      t: T0 + Math.floor(i / 100) * 60_000,
      metric: i % 2 ? "subway.status" : "bikes.bikes_available",
      key: i % 2 ? { route: "A", direction: i % 4 === 1 ? "N" : "S" } : {},
      // Non-ASCII text and a surrogate pair (more bytes than UTF-16 units), now and then a value longer
      // than the writer's buffer.
      value: i % 5000 === 3 ? { text: "é—🚇".repeat(200_000) } : i % 3 ? { summary: "Délais — 🚇", n: i } : i,
    });
  return out;
}

describe("MetricFileWriter", () => {
  it.each(["jsonl", "csv"] as const)("writes every tick as formatTick formats it (%s)", (format) => {
    const path = tempFile(`day.${format}`);
    const w = new MetricFileWriter(path);
    const all = ticks();
    for (const m of all) w.write(m);
    w.close();
    const header = format === "csv" ? "t,metric,key,value\n" : "";
    expect(w.count).toBe(all.length);
    expect(readFileSync(path, "utf8")).toBe(header + all.map((m) => formatTick(m, format)).join(""));
  });

  it("keeps the ticks of the time range and names asked for", () => {
    const path = tempFile("some.jsonl");
    const from = T0 + 60_000;
    const to = T0 + 3 * 60_000;
    const w = new MetricFileWriter(path, { from, to, metrics: new Set(["subway.status"]) });
    const all = ticks();
    for (const m of all) w.write(m);
    w.close();
    const kept = all.filter((m) => m.t >= from && m.t < to && m.metric === "subway.status");
    expect(w.count).toBe(kept.length);
    expect(readFileSync(path, "utf8")).toBe(kept.map((m) => formatTick(m, "jsonl")).join(""));
  });
});
