/**
 * npm run test:e2e: builds the app if its production build is missing or
 * older than the sources, then runs every e2e/*.e2e.ts file with node:test
 * (one at a time: each starts its own real server) in Debian's Chromium.
 * Screenshots land in e2e/screenshots/, server logs in test-results/e2e/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}. Install it: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

ensureBuild();

const only = process.argv.slice(2);
const files = readdirSync(join(root, "e2e"))
  .filter((f) => f.endsWith(".e2e.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join("e2e", f));
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files],
  { cwd: root, stdio: "inherit", env: process.env },
);
process.exit(r.status ?? 1);
