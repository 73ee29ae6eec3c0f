/**
 * Where the real recorded feed samples live (../shared/data from the repo
 * root). They are not part of the project: tests and the benchmark use them
 * when present and fall back or skip, saying so, when absent.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** SHARED_DATA_DIR in the environment overrides it (e.g. a missing folder, to check the suite passes without). */
export const SHARED_DATA_DIR = process.env.SHARED_DATA_DIR || join(REPO_ROOT, "..", "shared", "data");

export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA_DIR, ...parts);
}

/** Every file under dir (recursive, sorted); [] when dir is absent. */
export function listFilesRecursive(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFilesRecursive(path));
    else out.push(path);
  }
  return out;
}
