/**
 * What each young-generation GC copies: the allocation sites whose objects,
 * allocated in a window of a few engine minutes, are still alive at its end
 * (a scavenge comes every ~3 engine minutes in a full-day replay). Samples
 * allocations with V8's sampling heap profiler over windows spread through
 * the replayed hours and prints the live bytes per site, per window.
 *
 *   node --max-semi-space-size=48 --heap-growing-percent=25 --import tsx transit/bench/survivors.ts [hours=8] [--decode-only]
 */
import { rmSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MetricFileWriter } from "../../adapters/export/metric-writer";
import { decodeFeeds, replayPayloads } from "../../adapters/feed-graph";
import { Engine, HOUR, MINUTE, sink, timer } from "../../engine";
import { dashboardGraph } from "../dashboard";
import { loadRecordingNetwork } from "../recording-network";

/** Minutes between the starts of two windows, and a window's length. */
const EVERY_MIN = 37;
const WINDOW_MIN = 3;

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const args = process.argv.slice(2);
const decodeOnly = args.includes("--decode-only");
const hours = Number(args.find((a) => !a.startsWith("--")) ?? 8);
const dir = "data/demo/recording";

const session = new Session();
session.connect();
/** The in-process inspector answers synchronously: the engine's loop cannot await. */
function post<T>(method: string, params: object = {}): T {
  let result: T | undefined;
  session.post(method, params, (err, r) => {
    if (err) throw err;
    result = r as T;
  });
  if (result === undefined) throw new Error(`${method}: no synchronous answer`);
  return result;
}

const bytesBySite = new Map<string, number>();
const siteOf = (n: SamplingNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*?\/(adapters|transit|engine|node_modules)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
function addSites(n: SamplingNode, caller: string): void {
  const site = `${siteOf(n)} <- ${caller}`;
  if (n.selfSize > 0) bytesBySite.set(site, (bytesBySite.get(site) ?? 0) + n.selfSize);
  for (const c of n.children) addSites(c, siteOf(n));
}

const { network, start } = await loadRecordingNetwork(dir);
const end = start + hours * HOUR;
const out = join(tmpdir(), `survivors-${process.pid}.jsonl`);
const writer = new MetricFileWriter(out);
let windows = 0;
let sampling = false;
new Engine(
  () => {
    const payloads = replayPayloads(dir, { to: end });
    if (decodeOnly) sink("decoded", decodeFeeds(payloads).health, () => {});
    else
      sink("export", dashboardGraph(payloads, network).metrics, (_t, ticks) => {
        for (const tk of ticks) writer.write(tk);
      });
    sink("windows", timer(MINUTE), (t) => {
      const minute = Math.round((t - start) / MINUTE);
      if (minute < 60) return; // past the first hour's warm-up
      if (!sampling && minute % EVERY_MIN === 0) {
        post("HeapProfiler.startSampling", { samplingInterval: 1024 });
        sampling = true;
      } else if (sampling && minute % EVERY_MIN === WINDOW_MIN) {
        addSites(
          post<{ profile: { head: SamplingNode } }>("HeapProfiler.getSamplingProfile").profile.head,
          "",
        );
        post("HeapProfiler.stopSampling");
        sampling = false;
        windows++;
      }
    });
  },
  { start, end },
).runSimulation();
writer.close();
rmSync(out, { force: true });

let total = 0;
for (const b of bytesBySite.values()) total += b;
console.log(
  `${hours} h${decodeOnly ? " decode only" : ""}: ${windows} windows of ${WINDOW_MIN} engine minutes, ` +
    `${(total / Math.max(1, windows) / 1e6).toFixed(2)} MB allocated in a window and alive at its end (sampled)`,
);
for (const [site, bytes] of [...bytesBySite].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${(bytes / Math.max(1, windows) / 1e3).toFixed(0).padStart(6)} KB  ${site}`);
