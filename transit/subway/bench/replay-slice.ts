/**
 * Measures subwayGraph on a slice of a recording (default the generated
 * demo day) as the dashboard feeds it: the slice's subway payloads decoded
 * up front (the graph's CPU time is then measured alone), the 60 s clock,
 * every output taken (metrics, trains, arrivals, status). With --check FILE
 * it also writes a digest of every output tick, in emission order and with
 * Map order kept (stricter than the run hash, which sorts), so that two
 * builds can be compared byte for byte.
 *
 *   npx tsx transit/subway/bench/replay-slice.ts [dir] [fromHour] [toHour] [--check FILE] [--lazy] [--decode-only]
 *
 * Hours count from the recording's first frame. --lazy decodes as it goes
 * (for long slices: the decoded snapshots are not all held at once; decode
 * time is then measured per snapshot and taken out, less exactly);
 * --decode-only runs the same without the graph, for the difference. Run
 * with node --expose-gc --import tsx to sample the heap after a GC.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { decodePayload } from "../../../adapters/feed-graph";
import { readRecording } from "../../../adapters/recording";
import type { SubwayFeedSnapshot } from "../../../adapters/subway";
import { MINUTE, pullInput, run, sink, timer } from "../../../engine";
import { loadRecordingNetwork } from "../../recording-network";
import { subwayGraph } from "../graph";

const args = process.argv.slice(2);
const checkAt = args.indexOf("--check");
const checkFile = checkAt >= 0 ? args.splice(checkAt, 2)[1] : null;
const lazyAt = args.indexOf("--lazy");
const lazy = lazyAt >= 0 && args.splice(lazyAt, 1).length > 0;
const bareAt = args.indexOf("--decode-only");
const decodeOnly = bareAt >= 0 && args.splice(bareAt, 1).length > 0;
const dir = args[0] ?? "data/demo/recording";
const fromH = Number(args[1] ?? 7);
const toH = Number(args[2] ?? 9);
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
// CPU time, not wall time: the figures hold on a busy machine.
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const { network: net, start: recStart } = await loadRecordingNetwork(dir);
const from = recStart + fromH * 3_600_000;
const to = recStart + toH * 3_600_000;

let decodeMs = 0;
let snapshots = 0;
let trips = 0;
const heap: string[] = [];
function* subwaySnapshots(): Generator<[number, SubwayFeedSnapshot]> {
  for (const f of readRecording(dir, { from, to })) {
    if (!f.feed.startsWith("subway-")) continue;
    const { decoded } = decodePayload(f, f.receivedAt);
    if (decoded.kind !== "subway") continue;
    snapshots++;
    trips += decoded.value.trips.length;
    if (snapshots % 1000 === 0) {
      (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: live memory only
      heap.push(mb(process.memoryUsage().heapUsed));
    }
    yield [f.receivedAt, decoded.value];
  }
}

/**
 * The slice read and decoded up front (the graph's time is then measured
 * alone), or with --lazy as it goes, its reading and decoding timed per
 * snapshot and taken out (less exact, but memory stays that of the graph).
 */
function input(): Iterable<[number, SubwayFeedSnapshot]> {
  if (!lazy) {
    const d0 = process.cpuUsage();
    const all = [...subwaySnapshots()];
    decodeMs = cpuMs(process.cpuUsage(d0));
    heap.length = 0;
    return all;
  }
  const it = subwaySnapshots();
  return {
    [Symbol.iterator]: () => ({
      next: () => {
        const d0 = process.cpuUsage();
        const r = it.next();
        decodeMs += cpuMs(process.cpuUsage(d0));
        return r;
      },
    }),
  };
}

/** JSON that keeps Map and Set order and tells NaN and Infinity apart from null. */
const exact = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => {
    if (x instanceof Map) return { $map: [...x.entries()] };
    if (x instanceof Set) return { $set: [...x] };
    if (typeof x === "number" && !Number.isFinite(x)) return `$${x}`;
    return x;
  });

const digest = createHash("sha256");
const perOutput = new Map<string, ReturnType<typeof createHash>>();
const take = (name: string) => (t: number, v: unknown) => {
  if (!checkFile) return;
  const line = `${t}|${name}|${exact(v)}\n`;
  digest.update(line);
  let h = perOutput.get(name);
  if (!h) perOutput.set(name, (h = createHash("sha256")));
  h.update(line);
};

const events = input();
const t0 = process.cpuUsage();
const result = run(
  () => {
    if (decodeOnly) {
      sink("snapshots", pullInput("snapshots", events), () => {});
      return;
    }
    const g = subwayGraph({
      snapshots: pullInput("snapshots", events),
      network: net,
      clock: timer(MINUTE, true),
    });
    sink("metrics", g.metrics, take("metrics"));
    sink("trains", g.trains, take("trains"));
    sink("arrivals", g.arrivals, take("arrivals"));
    sink("status", g.lineStatus, take("status"));
  },
  { start: from - 1000, end: to },
);
const runMs = cpuMs(process.cpuUsage(t0));
// Read lazily, the slice's reading and decoding ran inside the run: taken out.
const graphMs = lazy ? runMs - decodeMs : runMs;
console.log(
  [
    `${snapshots} subway snapshots (${fromH}h-${toH}h of ${dir}, ${(trips / Math.max(1, snapshots)).toFixed(0)} trips each), decoding ${decodeMs.toFixed(0)} ms CPU`,
    `run: ${runMs.toFixed(0)} ms CPU${decodeOnly ? " (decode only, no graph)" : ""}`,
    `graph: ${result.cycles} cycles in ${graphMs.toFixed(0)} ms CPU = ${(graphMs / Math.max(1, snapshots)).toFixed(3)} ms per snapshot`,
    `heap used (every 1000 snapshots): ${heap.join(", ")}; rss ${mb(process.memoryUsage().rss)}`,
  ].join("\n"),
);
if (checkFile) {
  const lines = [`all ${digest.digest("hex")}`];
  for (const [name, h] of [...perOutput].sort()) lines.push(`${name} ${h.digest("hex")}`);
  writeFileSync(checkFile, `${lines.join("\n")}\n`);
  console.log(lines.join("\n"));
}
