/**
 * The production build the browser tests and figures run against: built
 * when missing or older than the browser's sources (app, components, lib,
 * public). Plain JavaScript: e2e/run.mjs runs without tsx.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

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

const next = (...args) =>
  spawnSync(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  }).status;

/** Builds unless E2E_SKIP_BUILD=1 or the build is newer than the sources; exits the process if it fails. */
export function ensureBuild() {
  const buildId = join(root, ".next", "BUILD_ID");
  const sources = Math.max(...["app", "components", "lib", "public"].map((d) => newest(join(root, d))));
  if (process.env.E2E_SKIP_BUILD === "1" || (existsSync(buildId) && statSync(buildId).mtimeMs >= sources))
    return;
  console.log("e2e: building the app (next build)…");
  if (next() !== 0) {
    // `next build` also type-checks the whole repository (tests included); `npm run typecheck`
    // does that job. Build without it so a type error elsewhere does not block the browser tests.
    console.warn("e2e: next build failed; building again without its type check (compile, then generate)");
    if (next("--experimental-build-mode", "compile") !== 0) process.exit(1);
    if (next("--experimental-build-mode", "generate") !== 0) process.exit(1);
  }
}
