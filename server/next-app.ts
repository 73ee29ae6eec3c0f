/**
 * Next.js in our own http server (a custom server): same port as socket.io.
 * In production mode a missing build is made first (`next build`), logged.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";

export interface NextHandle {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  upgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>) | null;
  close(): Promise<void>;
}

export function ensureProductionBuild(dir: string, log: Logger): void {
  if (existsSync(join(dir, ".next", "BUILD_ID"))) return;
  log.info({ dir }, "no production build (.next/BUILD_ID missing): running next build, this takes a minute");
  const r = spawnSync(process.execPath, [join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  log.info("next build done");
}

export async function createNextHandle(opts: {
  dir: string;
  dev: boolean;
  hostname: string;
  port: number;
  log: Logger;
}): Promise<NextHandle> {
  if (!opts.dev) ensureProductionBuild(opts.dir, opts.log);
  const { default: next } = await import("next");
  const app = next({ dev: opts.dev, dir: opts.dir, hostname: opts.hostname, port: opts.port });
  await app.prepare();
  const handler = app.getRequestHandler();
  const upgrade = typeof app.getUpgradeHandler === "function" ? app.getUpgradeHandler() : null;
  return {
    handle: (req, res) => handler(req, res),
    upgrade,
    close: () => app.close(),
  };
}
