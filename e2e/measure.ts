/**
 * Browser figures for the README (not a test): gzipped JavaScript of `/` and
 * `/kiosk`, the frame rate while trains animate on the full map with every
 * bike station, and (with --memory) the kiosk's heap over a demo day at 60x.
 *
 *   node --import tsx e2e/measure.ts [--memory]
 *
 * Needs a production build (npm run build, or any e2e run).
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser, localContext, sleep, startServerProcess, waitFor } from "./helpers";

interface JsSize {
  files: number;
  rawKB: number;
  gzipKB: number;
}

/** Every script the page loaded (its own and lazy chunks), gzipped here at level 6 like a server would. */
async function scriptSizes(page: Page, url: string, settleMs: number): Promise<JsSize> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script" && r.status() === 200 && !bodies.has(r.url()))
      bodies.set(
        r.url(),
        r.body().catch(() => Buffer.alloc(0)),
      );
  });
  await page.goto(url, { waitUntil: "load" });
  await sleep(settleMs);
  const all = await Promise.all(bodies.values());
  const raw = all.reduce((s, b) => s + b.length, 0);
  const gz = all.reduce((s, b) => s + gzipSync(b, { level: 6 }).length, 0);
  return { files: all.length, rawKB: Math.round(raw / 1024), gzipKB: Math.round(gz / 1024) };
}

/** requestAnimationFrame callbacks per second over `ms`. */
async function fps(page: Page, ms: number): Promise<number> {
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

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

const memory = process.argv.includes("--memory");
const server = await startServerProcess({ name: "measure", speed: 60 });
const browser = await launchBrowser();
try {
  const ctx = await localContext(browser);
  const out: Record<string, unknown> = {};
  out.dashboardJs = await scriptSizes(await ctx.newPage(), server.url + "/", 8000);
  out.kioskJsNoMap = await scriptSizes(
    await ctx.newPage(),
    `${server.url}/kiosk?panels=status,bikes,alerts`,
    5000,
  );
  out.kioskJsWithMap = await scriptSizes(await ctx.newPage(), `${server.url}/kiosk`, 5000);

  const page = await ctx.newPage();
  await page.goto(server.url + "/", { waitUntil: "load" });
  const counts = page.locator("[data-testid=map-counts]");
  await waitFor(
    "trains and bikes drawn",
    async () => {
      const t = Number(await counts.getAttribute("data-trains"));
      const b = Number(await counts.getAttribute("data-bikes"));
      return t > 50 && b > 1000 ? { t, b } : null;
    },
    120_000,
  );
  out.mapFps = {
    trains: Number(await counts.getAttribute("data-trains")),
    bikes: Number(await counts.getAttribute("data-bikes")),
    fps: Math.round(await fps(page, 5000)),
  };

  if (memory) {
    const k = await ctx.newPage();
    await k.goto(`${server.url}/kiosk?rotate=10`, { waitUntil: "load" });
    const samples: Array<{ engineHour: number; heapMB: number }> = [];
    const hour = async () => {
      const r = await fetch(server.url + "/api/state");
      const s = (await r.json()) as { t: number; clock: { range: { start: number } } };
      return (s.t - s.clock.range.start) / 3_600_000;
    };
    for (let h = 2; h <= 24; h += 2) {
      await waitFor(`engine hour ${h}`, async () => (await hour()) >= h, 30 * 60_000, 2000);
      samples.push({ engineHour: h, heapMB: Math.round((await heapMB(k)) * 10) / 10 });
      console.log(JSON.stringify(samples.at(-1)));
    }
    out.kioskHeap = samples;
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
