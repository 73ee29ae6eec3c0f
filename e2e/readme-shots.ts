/**
 * The README's pictures (not a test): the dashboard, the A's line page and
 * the kiosk at the morning rush of the demo day, written to
 * docs/dashboard.png, docs/line-a.png and docs/kiosk.png. The server starts the day at 08:00 and the shots wait until
 * the data itself is past 08:00.
 *
 *   node --import tsx e2e/readme-shots.ts
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, localContext, ROOT, screenshot, sleep, startServerProcess, waitFor } from "./helpers";

const server = await startServerProcess({ name: "readme", speed: 60, from: "08:00" });
const browser = await launchBrowser();
try {
  const dataHour = async () => {
    const s = (await (await fetch(server.url + "/api/state")).json()) as {
      lineStatus: Array<{ asOf: number }>;
      clock: { range: { start: number } };
    };
    const t = Math.max(0, ...s.lineStatus.map((l) => l.asOf));
    return (t - s.clock.range.start) / 3_600_000;
  };
  await waitFor("the data to reach 08:00", async () => (await dataHour()) >= 8, 15 * 60_000, 2000);

  // Tall enough for the whole page: a chart draws once it is on screen (IntersectionObserver).
  const ctx = await localContext(browser, { width: 1600, height: 2600 });
  const dash = await ctx.newPage();
  await dash.goto(server.url + "/", { waitUntil: "load" });
  await waitFor(
    "charts",
    async () => (await dash.locator("[data-testid=chart-bikes] svg").count()) > 0,
    120_000,
  );
  await sleep(8000);
  const d = await screenshot(dash, "readme-dashboard", true);

  const line = await ctx.newPage();
  await line.setViewportSize({ width: 1440, height: 1500 });
  await line.goto(server.url + "/line/A", { waitUntil: "load" });
  await line.locator("[data-testid=strip-branch]").first().waitFor({ timeout: 60_000 });
  await sleep(8000);
  const l = await screenshot(line, "readme-line-a", false);

  const kctx = await localContext(browser, { width: 1920, height: 1080 });
  const kiosk = await kctx.newPage();
  await kiosk.goto(`${server.url}/kiosk?panels=status&rotate=600`, { waitUntil: "load" });
  await kiosk.locator("[data-testid=status-board] li").first().waitFor({ timeout: 60_000 });
  await sleep(3000);
  const k = await screenshot(kiosk, "readme-kiosk", false);

  mkdirSync(join(ROOT, "docs"), { recursive: true });
  copyFileSync(d, join(ROOT, "docs", "dashboard.png"));
  copyFileSync(k, join(ROOT, "docs", "kiosk.png"));
  copyFileSync(l, join(ROOT, "docs", "line-a.png"));
  console.log("wrote docs/dashboard.png, docs/line-a.png and docs/kiosk.png");
} finally {
  await browser.close();
  await server.stop();
}
