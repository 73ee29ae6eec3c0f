/**
 * The kiosk in Chromium against the real server: it rotates its panels;
 * killed server -> last screen kept with its age, then the bundled "no data"
 * screen; server back -> it recovers by itself, without reloading; a new
 * build id -> it reloads.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  launchBrowser,
  localContext,
  openPage,
  type ServerProc,
  screenshot,
  sleep,
  startServerProcess,
  waitFor,
} from "./helpers";

let server: ServerProc;
let browser: Browser;
let page: Page;
let port: number;

const state = () => page.locator("[data-testid=kiosk]").getAttribute("data-state");
const current = () => page.locator("[data-testid=kiosk-current]").getAttribute("data-panel");
/** Set on the window: gone if the page reloads. */
const mark = () => page.evaluate(() => ((window as unknown as { __kioskMark?: number }).__kioskMark = 42));
const marked = () => page.evaluate(() => (window as unknown as { __kioskMark?: number }).__kioskMark);

describe("kiosk", { timeout: 600_000 }, () => {
  before(async () => {
    server = await startServerProcess({ name: "kiosk", speed: 60 });
    port = server.port;
    browser = await launchBrowser();
    const ctx = await localContext(browser, { width: 1920, height: 1080 });
    ({ page } = await openPage(
      ctx,
      `${server.url}/kiosk?panels=status,map,bikes,alerts&rotate=3&stale=2&nodata=15&shift=0.05`,
    ));
  });

  after(async () => {
    await browser?.close();
    await server?.stop().catch(() => {});
  });

  it("goes live and rotates through its panels", async () => {
    await waitFor("live data", async () => (await state()) === "live", 60_000);
    await page.locator("[data-testid=status-board] li").first().waitFor({ timeout: 30_000 });
    const seen = new Set<string>();
    const shots = new Set<string>();
    const end = Date.now() + 16_000;
    while (Date.now() < end && seen.size < 4) {
      const p = (await current()) ?? "";
      seen.add(p);
      if (!shots.has(p)) {
        shots.add(p);
        await sleep(p === "map" ? 1500 : 300); // let the map draw its trains
        await screenshot(page, `kiosk-${p}`, false);
      }
      await sleep(250);
    }
    assert.deepEqual([...seen].sort(), ["alerts", "bikes", "map", "status"]);
    // Against burn-in the whole screen moves a few pixels now and then (every 3 s here).
    const shifts = new Set<string>();
    for (let i = 0; i < 16 && shifts.size < 2; i++) {
      shifts.add((await page.locator("[data-testid=kiosk]").getAttribute("data-shift")) ?? "");
      await sleep(500);
    }
    assert.ok(shifts.size >= 2, `no pixel shift seen: ${[...shifts].join(" ")}`);
    // Only the current panel is visible.
    const visible = await page
      .locator("[data-testid=kiosk-panel]")
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === "visible").length);
    assert.equal(visible, 1);
  });

  it("fills a portrait screen: every line in two columns, in type as big as on a landscape one", async () => {
    const wordPx = async (w: number, h: number) => {
      const ctx = await localContext(browser, { width: w, height: h });
      const { page: p } = await openPage(ctx, `${server.url}/kiosk?panels=status&rotate=600`);
      await p.locator("[data-testid=status-board] li").first().waitFor({ timeout: 30_000 });
      const rows = await p.locator("[data-testid=status-board] li").evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const word = e.querySelector(".status-word");
          return {
            left: Math.round(r.left),
            bottom: r.bottom,
            px: word ? parseFloat(getComputedStyle(word).fontSize) : 0,
          };
        }),
      );
      if (w < h) await screenshot(p, "kiosk-portrait", false);
      await ctx.close();
      return { rows, px: Math.min(...rows.map((r) => r.px)) };
    };
    const portrait = await wordPx(1080, 1920);
    const landscape = await wordPx(1920, 1080);
    assert.equal(new Set(portrait.rows.map((r) => r.left)).size, 2, "columns on a portrait screen");
    assert.ok(
      portrait.rows.every((r) => r.bottom <= 1920),
      "a line below the screen's edge",
    );
    assert.ok(
      portrait.px >= landscape.px * 0.9,
      `status words ${portrait.px}px on a portrait screen against ${landscape.px}px on a landscape one`,
    );
  });

  it("lists the docks nearest its station on a station kiosk's Citi Bike panel", async () => {
    type Place = { id: string; name: string; lat: number; lon: number };
    const net = (await (await fetch(`${server.url}/api/network`)).json()) as {
      stations: Place[];
      bikeStations: Place[];
    };
    // Metres on a local flat projection: enough to order docks a few hundred metres away.
    const metres = (a: Place, b: Place) =>
      Math.hypot((a.lon - b.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 111_320);
    const near = (s: Place) =>
      net.bikeStations
        .map((b) => ({ b, d: metres(s, b) }))
        .filter((x) => x.d <= 600)
        .sort((x, y) => x.d - y.d);
    const station = net.stations.find((s) => s.id === "127") ?? net.stations.find((s) => near(s).length >= 2);
    assert.ok(station, "no station with Citi Bike docks near it");
    const expected = near(station)
      .slice(0, 4)
      .map((x) => x.b.name);
    const ctx = await localContext(browser, { width: 1920, height: 1080 });
    const { page: p } = await openPage(
      ctx,
      `${server.url}/kiosk?panels=bikes&station=${station.id}&rotate=600`,
    );
    await waitFor(
      "the docks near the station",
      async () => (await p.locator("[data-testid=kiosk-docks] li").count()) > 0,
      60_000,
    );
    const names = await p
      .locator("[data-testid=kiosk-docks] .kiosk-dock-name")
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ""));
    assert.deepEqual(names, expected);
    await screenshot(p, "kiosk-bikes-station", false);
    await ctx.close();
  });

  it("keeps the last screen with its age when the server dies, then shows no data", async () => {
    await mark();
    const linesBefore = await page.locator("[data-testid=status-board] li").count();
    assert.ok(linesBefore > 0);
    await server.kill();
    await waitFor("the stale marker", async () => (await state()) === "stale", 20_000);
    const banner = await page.locator("[data-testid=kiosk-stale]").textContent();
    assert.match(banner ?? "", /last update .*ago/);
    // The last good screen is still there.
    assert.equal(await page.locator("[data-testid=status-board] li").count(), linesBefore);
    await screenshot(page, "kiosk-stale", false);

    await waitFor("the no-data screen", async () => (await state()) === "nodata", 40_000);
    const text = await page.locator("[data-testid=kiosk-nodata]").textContent();
    assert.match(text ?? "", /No live data/);
    await screenshot(page, "kiosk-nodata", false);
    assert.equal(await marked(), 42, "the kiosk reloaded while the server was down");

    // A kiosk restarting now still gets its page (the service worker's copy) and says "no data".
    const again = await page.context().newPage();
    await again.goto(page.url(), { waitUntil: "load", timeout: 30_000 });
    await waitFor(
      "the no-data screen after a restart without server",
      async () => (await again.locator("[data-testid=kiosk]").getAttribute("data-state")) === "nodata",
      30_000,
    );
    await waitFor(
      "'no live data'",
      async () =>
        /No live data/.test((await again.locator("[data-testid=kiosk-nodata]").textContent()) ?? ""),
      30_000,
    );
    await again.close();
  });

  it("recovers by itself when the server is back, without reloading", async () => {
    server = await startServerProcess({ name: "kiosk-restart", speed: 60, port });
    await waitFor("live again", async () => (await state()) === "live", 90_000);
    await page.locator("[data-testid=status-board] li").first().waitFor({ timeout: 30_000 });
    assert.equal(await marked(), 42, "the kiosk reloaded instead of recovering");
    await sleep(1000);
  });

  it("reloads when the server comes back with a new build", async () => {
    await mark();
    await server.kill();
    await waitFor("offline", async () => (await state()) !== "live", 20_000);
    server = await startServerProcess({ name: "kiosk-newbuild", speed: 60, port, buildId: "e2e-new-build" });
    await waitFor("a reload", async () => (await marked().catch(() => 42)) === undefined, 90_000);
    await waitFor("live after the reload", async () => (await state()) === "live", 60_000);
  });
});
