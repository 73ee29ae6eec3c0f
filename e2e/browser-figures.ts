/**
 * The browser figures of the project's goals, measured in Debian's Chromium
 * against the real server on the demo day at 60x: the JavaScript shipped to
 * `/` and `/kiosk` (gzipped), the frame rate while trains animate on the full
 * map with every bike station, and the kiosk's heap over the demo day.
 * Used by `npm run bench -- browser` (bench/browser.bench.ts) and by
 * e2e/measure.ts (the same figures as JSON).
 */
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { type ServerProc, sleep, waitFor } from "./helpers";

export interface JsSize {
  files: number;
  rawKB: number;
  gzipKB: number;
}

/**
 * Every script the page loaded (its own and lazy chunks), gzipped here at
 * level 6 like a server would: counted once every selector of `ready` is on
 * the page, and `settleMs` later.
 */
export async function scriptSizes(
  page: Page,
  url: string,
  ready: string[],
  settleMs: number,
): Promise<JsSize> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script" && r.status() === 200 && !bodies.has(r.url()))
      bodies.set(
        r.url(),
        r.body().catch(() => Buffer.alloc(0)),
      );
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  for (const sel of ready) await page.locator(sel).first().waitFor({ state: "attached", timeout: 180_000 });
  await sleep(settleMs);
  const all = await Promise.all(bodies.values());
  const raw = all.reduce((s, b) => s + b.length, 0);
  const gz = all.reduce((s, b) => s + gzipSync(b, { level: 6 }).length, 0);
  return { files: all.length, rawKB: Math.round(raw / 1024), gzipKB: Math.round(gz / 1024) };
}

export interface JsSizes {
  dashboard: JsSize;
  kioskNoMap: JsSize;
  kioskWithMap: JsSize;
}

/** Each page in a fresh page of `ctx` (its own responses). */
export async function jsSizes(ctx: BrowserContext, base: string): Promise<JsSizes> {
  const measure = async (path: string, ready: string[], settleMs: number) => {
    const page = await ctx.newPage();
    try {
      return await scriptSizes(page, base + path, ready, settleMs);
    } finally {
      await page.close();
    }
  };
  return {
    // The map and a drawn chart: every lazy chunk of the page is in.
    dashboard: await measure("/", ["[data-testid=chart-delay] svg", ".train-canvas"], 3000),
    kioskNoMap: await measure("/kiosk?panels=status,bikes,alerts", ["[data-testid=status-board] li"], 5000),
    // The kiosk fetches the map's chunk when it starts, whichever panel shows first.
    kioskWithMap: await measure("/kiosk", ["[data-testid=status-board] li"], 5000),
  };
}

/** requestAnimationFrame callbacks per second over `ms`. */
export async function framesPerSecond(page: Page, ms: number): Promise<number> {
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    let n = 0;
    const start = performance.now();
    const tick = (t) => {
      n++;
      if (t - start < ${ms}) requestAnimationFrame(tick);
      else resolve((n * 1000) / (t - start));
    };
    requestAnimationFrame(tick);
  })`) as Promise<number>;
}

/** Thread time (CPU, not wall time) per frame, ms, from a Chromium trace. */
export interface FrameCpu {
  frames: number;
  /** The page's main thread: scripts, style, layout, paint, commit. */
  mainMs: number;
  /** The page's compositor thread and the GPU process's display compositor (software here). */
  compositorMs: number;
}

const TOP_TASK = "ThreadControllerImpl::RunTask";

/**
 * CPU time per animation frame over `ms`, summed from the trace's top-level
 * tasks by thread. Other work on the machine stretches wall time, much less
 * thread time: this says what a frame costs wherever it runs.
 */
export async function frameCpu(page: Page, ms: number): Promise<FrameCpu> {
  const cdp = await page.context().newCDPSession(page);
  const events: Array<{
    ph: string;
    name: string;
    pid: number;
    tid: number;
    tdur?: number;
    args?: { name?: string };
  }> = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as typeof events)));
  const complete = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", {
    traceConfig: {
      includedCategories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"],
    },
    transferMode: "ReportEvents",
  });
  await framesPerSecond(page, ms);
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const thread = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name") thread.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  let main = 0;
  let compositor = 0;
  let frames = 0;
  for (const e of events) {
    if (e.name === "FireAnimationFrame" && e.ph === "X") frames++;
    if (e.ph !== "X" || e.name !== TOP_TASK || e.tdur === undefined) continue;
    const name = thread.get(`${e.pid}:${e.tid}`);
    if (name === "CrRendererMain") main += e.tdur / 1000;
    else if (name === "Compositor" || name === "VizCompositorThread") compositor += e.tdur / 1000;
  }
  const per = (x: number) => Math.round((x / Math.max(1, frames)) * 100) / 100;
  return { frames, mainMs: per(main), compositorMs: per(compositor) };
}

export interface MapFrameRate {
  trains: number;
  bikes: number;
  /** One traced run after the counted ones. */
  cpu: FrameCpu;
  /** One figure per run, frames per second on the dashboard with the full map. */
  fps: number[];
  /**
   * The same count on a page that draws nothing, after each run with the
   * dashboard frozen: what the machine allowed at the moment (other work on a
   * shared machine lowers both).
   */
  idleFps: number[];
}

/**
 * The dashboard (`/`, the map with every layer, whole city in view) once
 * trains and bike stations are drawn: `runs` counts of `ms` each.
 */
export async function mapFrameRate(
  ctx: BrowserContext,
  base: string,
  runs = 3,
  ms = 5000,
): Promise<MapFrameRate> {
  const page = await ctx.newPage();
  const idle = await ctx.newPage();
  try {
    await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
    const counts = page.locator("[data-testid=map-counts]");
    const drawn = async () => ({
      trains: Number(await counts.getAttribute("data-trains")),
      bikes: Number(await counts.getAttribute("data-bikes")),
    });
    await waitFor(
      "trains and bikes drawn",
      async () => {
        const c = await drawn();
        return c.trains > 50 && c.bikes > 1000 ? c : null;
      },
      180_000,
    );
    await idle.goto(`${base}/api/build`, { waitUntil: "load" });
    await page.bringToFront();
    await sleep(2000); // let the first charts and layers settle
    const fps: number[] = [];
    const idleFps: number[] = [];
    // Headless pages all stay "visible": the dashboard is frozen (no tasks, no frames) while
    // the empty page counts, so that count is the machine's, not the dashboard's.
    const cdp = await page.context().newCDPSession(page);
    // The page in front is the one that gets frames (a page behind gets one a second).
    for (let i = 0; i < runs; i++) {
      await page.bringToFront();
      fps.push(await framesPerSecond(page, ms));
      await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
      await idle.bringToFront();
      idleFps.push(await framesPerSecond(idle, Math.min(ms, 3000)));
      await cdp.send("Page.setWebLifecycleState", { state: "active" });
      await page.bringToFront();
      await sleep(1000); // the messages that waited
    }
    await cdp.detach();
    const cpu = await frameCpu(page, Math.min(ms, 3000));
    return { ...(await drawn()), fps, idleFps, cpu };
  } finally {
    await idle.close();
    await page.close();
  }
}

/** The page's JavaScript heap after a full garbage collection, MB. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

export interface HeapSample {
  engineHour: number;
  heapMB: number;
  /** 1-minute load average when sampled. */
  load: number;
}

/** Hours of engine time since the start of the server's day. */
export async function engineHour(server: ServerProc): Promise<number> {
  const r = await fetch(`${server.url}/api/state`);
  const s = (await r.json()) as { t: number; clock: { range: { start: number } } };
  return (s.t - s.clock.range.start) / 3_600_000;
}

/**
 * The kiosk (every panel, rotating every 10 s) through the server's day: its
 * heap at each `everyHours` engine hours from `fromHour` to `toHour`. The
 * server should start at the beginning of the day; at 60x, 22 engine hours
 * take 22 minutes or more of wall time.
 */
export async function kioskHeap(
  ctx: BrowserContext,
  server: ServerProc,
  opts: { fromHour?: number; toHour?: number; everyHours?: number; onSample?: (s: HeapSample) => void } = {},
): Promise<HeapSample[]> {
  const { fromHour = 2, toHour = 24, everyHours = 2 } = opts;
  const page = await ctx.newPage();
  try {
    await page.goto(`${server.url}/kiosk?rotate=10`, { waitUntil: "load", timeout: 120_000 });
    const samples: HeapSample[] = [];
    for (let h = fromHour; h <= toHour; h += everyHours) {
      // The demo day ends before hour 24 exactly: take the last sample at its end.
      const target = Math.min(h, 23.9);
      const at = await waitFor(
        `engine hour ${target}`,
        async () => {
          const now = await engineHour(server);
          return now >= target ? now : null;
        },
        45 * 60_000,
        2000,
      );
      const s = {
        engineHour: Math.round(at * 10) / 10,
        heapMB: Math.round((await heapMB(page)) * 10) / 10,
        load: Math.round(loadavg()[0] * 10) / 10,
      };
      samples.push(s);
      opts.onSample?.(s);
    }
    return samples;
  } finally {
    await page.close();
  }
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};
