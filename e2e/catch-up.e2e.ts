/**
 * A server started in the middle of the demo day (`--from 08:00`) first
 * replays the hours before as fast as it can, its clock already at 08:00.
 * Meanwhile the page must say so, and a station's arrivals must read as
 * on their way, not as "no trains expected"; then both give way to the
 * data. Times come from the server's /api/state, not from the page.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import {
  launchBrowser,
  localContext,
  openPage,
  type ServerProc,
  screenshot,
  startServerProcess,
  waitFor,
} from "./helpers";

/** 42 St-Port Authority: A, C and E trains at every hour of the demo day. */
const STATION = "A27";

let server: ServerProc;
let browser: Browser;

interface State {
  lineStatus: Array<{ asOf: number }>;
  clock: { range: { start: number } };
}

/** Hours since the start of the day of the newest line status the server holds. */
async function dataHour(): Promise<number> {
  const s = (await (await fetch(`${server.url}/api/state`)).json()) as State;
  const t = Math.max(0, ...s.lineStatus.map((l) => l.asOf));
  return t === 0 ? Number.NaN : (t - s.clock.range.start) / 3_600_000;
}

describe("a start in the middle of the day", { timeout: 600_000 }, () => {
  before(async () => {
    server = await startServerProcess({ name: "catch-up", speed: 60, from: "08:00" });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("says it is catching up, and a station waits for its arrivals, until the data reaches the clock", async () => {
    // Open the page once the engine has data, hours short of 08:00 (a page opened before any data has no "as of").
    const hour = await waitFor("the first data of the catch-up", async () => {
      const h = await dataHour();
      return h >= 0 ? h : null;
    });
    assert.ok(hour < 7, `the data was already at hour ${hour.toFixed(2)}: no catch-up to see`);
    const ctx = await localContext(browser);
    const { page, errors } = await openPage(ctx, `${server.url}/station/${STATION}`);
    await page.locator("[data-testid=catching-up]").waitFor({ timeout: 30_000 });
    // Read at one moment: the pill, and what each direction says.
    const seen = await page.evaluate(() => ({
      pill: document.querySelector("[data-testid=catching-up]")?.textContent ?? null,
      empty: [...document.querySelectorAll("[data-testid=arrivals-empty]")].map((e) => e.textContent),
      rows: document.querySelectorAll("[data-testid=arrival]").length,
      bikes: document.querySelector("[data-testid=bikes-near-empty]")?.textContent ?? null,
    }));
    assert.match(seen.pill ?? "", /^Catching up to 0?8:\d\d/);
    assert.equal(seen.rows, 0);
    assert.deepEqual(seen.empty, ["Waiting for arrivals…", "Waiting for arrivals…"]);
    if (seen.bikes !== null) assert.equal(seen.bikes, "Waiting for Citi Bike data…");
    await screenshot(page, "catch-up", false);
    // The wall screen shows the data's own time, and its footer says where the clock is heading.
    const kiosk = await ctx.newPage();
    await kiosk.goto(`${server.url}/kiosk?panels=status`, { waitUntil: "load" });
    const kioskState = async () => (await kiosk.locator("[data-testid=kiosk-state]").textContent()) ?? "";
    await waitFor("the kiosk to say it is catching up", async () =>
      /catching up to 0?8:\d\d…$/.test(await kioskState()),
    );

    // Caught up: trains listed, the pill gone, the data past 08:00.
    await waitFor(
      "arrivals",
      async () => (await page.locator("[data-testid=arrival]").count()) > 0,
      300_000,
      1000,
    );
    await waitFor(
      "the pill gone",
      async () => (await page.locator("[data-testid=catching-up]").count()) === 0,
      30_000,
    );
    assert.ok((await dataHour()) >= 8);
    await waitFor("the kiosk live", async () => /· live$/.test(await kioskState()));
    assert.equal(await page.locator("[data-testid=arrivals-empty]", { hasText: "Waiting" }).count(), 0);
    await waitFor(
      "docks near",
      async () => (await page.locator("[data-testid=bikes-near] tbody tr").count()) > 0,
    );
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
