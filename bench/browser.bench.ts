/**
 * The browser (npm run bench -- browser), in Debian's Chromium against the
 * real server on the demo day at 60x (e2e/browser-figures.ts):
 * - JavaScript shipped for `/kiosk` and `/`, gzipped (goal: kiosk < 250 KB);
 * - frames per second on the dashboard while trains animate on the full map
 *   with every bike station (goal >= 50), three runs, each followed by the
 *   same count on a page that draws nothing: what the machine allowed then;
 *   and the CPU (thread time) a frame costs, which other work on the machine
 *   changes much less than the frame rate;
 * - with BENCH_KIOSK_MEMORY=1: the kiosk's heap from engine hour 2 to hour 24
 *   (goal: growth < 30 MB). It takes the demo day at 60x: 22 minutes or more.
 *
 * Builds the app first when its production build is missing or stale.
 */
import { loadavg } from "node:os";
import { jsSizes, kioskHeap, mapFrameRate, median } from "../e2e/browser-figures";
import { ensureBuild } from "../e2e/build.mjs";
import { launchBrowser, localContext, startServerProcess } from "../e2e/helpers";
import type { BenchRow } from "./types";

const SUITE = "browser";
const load = () => `load ${loadavg()[0].toFixed(1)}`;

export async function run(): Promise<BenchRow[]> {
  ensureBuild();
  const rows: BenchRow[] = [];
  const server = await startServerProcess({ name: "bench-browser", speed: 60 });
  const browser = await launchBrowser();
  try {
    const ctx = await localContext(browser);
    const js = await jsSizes(ctx, server.url);
    rows.push(
      {
        suite: SUITE,
        name: "JS for /kiosk, gzipped",
        value: js.kioskNoMap.gzipKB,
        unit: "KB",
        note: `${js.kioskWithMap.gzipKB} KB with the map panel; goal < 250 KB`,
      },
      { suite: SUITE, name: "JS for /, gzipped", value: js.dashboard.gzipKB, unit: "KB" },
    );

    const map = await mapFrameRate(ctx, server.url);
    const fps = median(map.fps);
    const idle = median(map.idleFps);
    rows.push(
      {
        suite: SUITE,
        name: `map fps, ${map.trains} trains + ${map.bikes} bike stations (median of ${map.fps.length})`,
        value: fps,
        unit: "fps",
        note: `runs ${map.fps.map((f) => f.toFixed(0)).join(" / ")}; goal >= 50; ${load()}`,
      },
      {
        suite: SUITE,
        name: "map fps / fps of an empty page, same run",
        value: fps / idle,
        unit: "x",
        note: `empty page ${map.idleFps.map((f) => f.toFixed(0)).join(" / ")} fps`,
      },
      {
        suite: SUITE,
        name: "map: CPU per frame, renderer main thread",
        value: map.cpu.mainMs,
        unit: "ms",
        note: `thread time from a trace, ${map.cpu.frames} frames; 20 ms is 50 fps`,
      },
      {
        suite: SUITE,
        name: "map: CPU per frame, compositors (page + display)",
        value: map.cpu.compositorMs,
        unit: "ms",
        note: "software compositing (no GPU), on the other core",
      },
    );

    if (process.env.BENCH_KIOSK_MEMORY === "1") {
      const samples = await kioskHeap(ctx, server, {
        onSample: (s) => process.stderr.write(`\n  kiosk heap ${JSON.stringify(s)}`),
      });
      const first = samples[0];
      const last = samples[samples.length - 1];
      const peak = Math.max(...samples.map((s) => s.heapMB));
      rows.push({
        suite: SUITE,
        name: `kiosk heap growth, engine hour ${first.engineHour} -> ${last.engineHour} at 60x`,
        value: last.heapMB - first.heapMB,
        unit: "MB",
        note: `${first.heapMB} -> ${last.heapMB} MB, peak ${peak} MB; goal < 30 MB; ${load()}`,
      });
    } else process.stderr.write(" (kiosk memory over the demo day: BENCH_KIOSK_MEMORY=1, 22+ minutes)");
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}
