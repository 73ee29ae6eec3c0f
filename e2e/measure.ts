/**
 * Browser figures as JSON (not a test; `npm run bench -- browser` prints the
 * same figures as bench rows): gzipped JavaScript of `/` and `/kiosk`, the
 * frame rate while trains animate on the full map with every bike station,
 * and (with --memory) the kiosk's heap over a demo day at 60x (22 minutes or
 * more of wall time).
 *
 *   node --import tsx e2e/measure.ts [--memory]
 *
 * Builds the app first when its production build is missing or stale.
 */
import { jsSizes, kioskHeap, mapFrameRate } from "./browser-figures";
import { ensureBuild } from "./build.mjs";
import { launchBrowser, localContext, startServerProcess } from "./helpers";

const memory = process.argv.includes("--memory");
ensureBuild();
const server = await startServerProcess({ name: "measure", speed: 60 });
const browser = await launchBrowser();
try {
  const ctx = await localContext(browser);
  const out: Record<string, unknown> = {};
  out.js = await jsSizes(ctx, server.url);
  out.map = await mapFrameRate(ctx, server.url);
  if (memory) {
    console.log(JSON.stringify(out, null, 2)); // the rest takes the demo day
    out.kioskHeap = await kioskHeap(ctx, server, { onSample: (s) => console.log(JSON.stringify(s)) });
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await server.stop();
}
