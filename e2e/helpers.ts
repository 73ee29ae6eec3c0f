/**
 * What the end-to-end tests share: the real server in a child process, a
 * headless Chromium (Debian's, through playwright-core), pages that may only
 * reach 127.0.0.1, screenshots, and polling for a condition.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SHOTS = join(ROOT, "e2e", "screenshots");
export const LOGS = join(ROOT, "test-results", "e2e");
export const ADMIN_TOKEN = "e2e-admin-token-0123";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface ServerProc {
  url: string;
  port: number;
  proc: ChildProcess;
  /** SIGKILL: the server vanishes without telling anyone. */
  kill(): Promise<void>;
  /** SIGTERM: graceful. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  speed?: number;
  from?: string;
  buildId?: string;
  name?: string;
}

export async function startServerProcess(opts: ServerOptions = {}): Promise<ServerProc> {
  mkdirSync(LOGS, { recursive: true });
  const log = createWriteStream(join(LOGS, `${opts.name ?? "server"}-${Date.now()}.log`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    E2E_PORT: String(opts.port ?? 0),
    E2E_SPEED: String(opts.speed ?? 60),
    E2E_FROM: opts.from ?? "",
    E2E_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  if (opts.buildId) env.BUILD_ID = opts.buildId;
  const proc = spawn(process.execPath, ["--import", "tsx", join(ROOT, "e2e", "serve.ts")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stderr!.pipe(log);
  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error("server did not start within 240 s")), 240_000);
    proc.stdout!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      buf += chunk.toString("utf8");
      const m = /E2E_READY (\{.*\})/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]));
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}); see ${LOGS}`));
    });
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  return {
    ...ready,
    proc,
    kill: async () => {
      proc.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A context that can only reach 127.0.0.1 (no tiles, nothing else): the map must read without them. */
export async function localContext(
  browser: Browser,
  viewport = { width: 1440, height: 1000 },
): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport });
  await ctx.route(/^(?!https?:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  return ctx;
}

/** Page errors are collected so a test can assert there were none. */
export async function openPage(ctx: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });
  return { page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage, timeout: 60_000 });
  return path;
}

/** Poll `fn` until it returns a truthy value; that value, or an error naming `what`. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 250,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A number from a data attribute. */
export async function dataNumber(page: Page, selector: string, attr: string): Promise<number> {
  const v = await page.locator(selector).first().getAttribute(attr, { timeout: 5000 });
  return Number(v ?? Number.NaN);
}
