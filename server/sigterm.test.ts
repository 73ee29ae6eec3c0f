/**
 * The real process (npm start's entry) in live mode against a local mirror:
 * SIGTERM tells clients, stops polling, closes the recording (its last frame
 * verifies) and exits within 5 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readRecording } from "../adapters/recording";
import { type FeedMirror, recentSlice, recordingClient, startFeedMirror } from "./testing";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sha1 = (b: Uint8Array) => createHash("sha1").update(b).digest("hex");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntil(
  cond: () => boolean | Promise<boolean>,
  what: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let mirror: FeedMirror | null = null;
let child: ChildProcess | null = null;
const dataDir = mkdtempSync(join(tmpdir(), "sigterm-test-"));
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await mirror?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("graceful shutdown", () => {
  it("on SIGTERM: clients told, recording closed with a verifying last frame, exit within 5 s", async () => {
    const slice = await recentSlice("sigterm");
    mirror = await startFeedMirror(slice.recordingDir);
    const known = new Map<string, Set<string>>();
    for (const f of readRecording(slice.recordingDir)) {
      if (!known.has(f.feed)) known.set(f.feed, new Set());
      known.get(f.feed)!.add(sha1(f.body));
    }
    const port = await freePort();
    let log = "";
    child = spawn(
      process.execPath,
      ["--import", "tsx", "server/main.ts", "--live", "--api-only", "--gtfs", slice.gtfsDir],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          DATA_DIR: dataDir,
          MTA_BASE_URL: mirror.bases.mta,
          GBFS_BASE_URL: mirror.bases.gbfs,
          WARMUP_HOURS: "0",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => {
        if (child!.exitCode !== null)
          throw new Error(`the server exited (${child!.exitCode}): ${log.slice(-2000)}`);
        try {
          return (await fetch(`${url}/readyz`)).status === 200;
        } catch {
          return false;
        }
      },
      () => `the server to be ready (log: ${log.slice(-1500)})`,
    );
    // Every feed polled at least once (their first poll is immediate).
    await waitUntil(
      () => mirror!.served.size >= 9,
      () => "the first polls",
    );
    const client = recordingClient(url, ["health"]);
    await waitUntil(
      () => client.messages.length > 0,
      () => "a health snapshot",
    );
    await new Promise((r) => setTimeout(r, 300));

    const t0 = Date.now();
    child.kill("SIGTERM");
    const code = await exited;
    const took = Date.now() - t0;
    client.close();
    expect(code, log.slice(-2000)).toBe(0);
    expect(took).toBeLessThan(5000);
    expect(client.shutdowns.length).toBe(1);
    expect(log).toMatch(/"msg":"stopped"/);

    const warnings: string[] = [];
    const frames = [...readRecording(join(dataDir, "recording"), { onWarning: (w) => warnings.push(w) })];
    expect(warnings).toEqual([]);
    expect(frames.length).toBeGreaterThanOrEqual(9);
    // Whole frames only, each body exactly as received: a recorded feed payload, or a failed poll's record.
    const last = frames[frames.length - 1];
    expect(last.hash).toBe(sha1(last.body));
    for (const f of frames) {
      expect(f.hash).toBe(sha1(f.body));
      if (f.status === 200)
        expect(known.get(f.feed)?.has(f.hash), `${f.feed} payload is one the mirror served`).toBe(true);
      else expect(() => JSON.parse(Buffer.from(f.body).toString())).not.toThrow();
    }
  });
});
