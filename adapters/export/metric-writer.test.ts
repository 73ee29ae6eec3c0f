import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stableStringify } from "../../engine";
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

  it("formats frozen records as stableStringify does, and unfrozen or nested values as they are now", () => {
    const t = T0;
    const line = (key: Record<string, string>, value: unknown) =>
      formatTick({ t, metric: "feeds.health", key, value }, "jsonl");
    const expected = (key: unknown, value: unknown) =>
      `{"t":"2025-10-02T08:45:00.000-04:00","metric":"feeds.health","key":${stableStringify(key)},"value":${stableStringify(value)}}\n`;
    const key = Object.freeze({ feed: "gbfs-station-status" });
    const record = Object.freeze({ stale: false, ageMs: 400, lastError: null, feed: "x", "10": 1 });
    expect(line(key, record)).toBe(expected(key, record));
    expect(line(key, record)).toBe(expected(key, record));
    // Not frozen, or frozen with something inside that is not: written as it reads at each tick.
    const open = { n: 1 };
    const shallow = Object.freeze({ inner: { n: 1 } });
    expect(line({ feed: "a" }, open)).toBe(expected({ feed: "a" }, open));
    expect(line(key, shallow)).toBe(expected(key, shallow));
    open.n = 2;
    shallow.inner.n = 2;
    expect(line({ feed: "a" }, open)).toBe(expected({ feed: "a" }, { n: 2 }));
    expect(line(key, shallow)).toBe(expected(key, { inner: { n: 2 } }));
    // A frozen object's getter may read differently each time.
    let current = 1;
    const getter = Object.freeze({
      get n() {
        return current;
      },
    });
    expect(line(key, getter)).toBe(expected(key, { n: 1 }));
    current = 2;
    expect(line(key, getter)).toBe(expected(key, { n: 2 }));
  });
});
