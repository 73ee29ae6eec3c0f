/**
 * npm run test:e2e: builds the app if its production build is missing or
 * older than the sources, then runs every e2e/*.e2e.ts file with node:test
 * (one at a time: each starts its own real server) in Debian's Chromium.
 * Screenshots land in e2e/screenshots/, server logs in test-results/e2e/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}. Install it: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const buildId = join(root, ".next", "BUILD_ID");
const sources = Math.max(...["app", "components", "lib", "public"].map((d) => newest(join(root, d))));
const next = (...args) =>
  spawnSync(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  }).status;
if (process.env.E2E_SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < sources)) {
  console.log("e2e: building the app (next build)…");
  if (next() !== 0) {
    // `next build` also type-checks the whole repository (tests included); `npm run typecheck`
    // does that job. Build without it so a type error elsewhere does not block the browser tests.
    console.warn("e2e: next build failed; building again without its type check (compile, then generate)");
    if (next("--experimental-build-mode", "compile") !== 0) process.exit(1);
    if (next("--experimental-build-mode", "generate") !== 0) process.exit(1);
  }
}

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
