/** The build id in the handshake: a kiosk that sees a new one reloads. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function readBuildId(dir: string, dev: boolean): string {
  if (process.env.BUILD_ID) return process.env.BUILD_ID;
  const file = join(dir, ".next", "BUILD_ID");
  if (!dev && existsSync(file)) return readFileSync(file, "utf8").trim();
  // No production build (tests, dev): unique per process start, so a restart still reads as a new build.
  return `${dev ? "dev" : "nobuild"}-${Date.now().toString(36)}`;
}
