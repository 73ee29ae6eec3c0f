/**
 * Live mode against a local mirror of the real endpoints: one feed fails
 * (500s, then garbage, then recovers). Its health shows each stage, the other
 * feeds are unaffected, and the server stays up.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { FeedHealth } from "../adapters/health/health";
import { readEnv } from "./config";
import { type RunningServer, startServer } from "./start";
import {
  type FeedMirror,
  type RecordingClient,
  recentSlice,
  recordingClient,
  startFeedMirror,
} from "./testing";

const BROKEN = "subway-l";
const HEALTHY = "subway-ace";

async function waitUntil(
  cond: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let mirror: FeedMirror | null = null;
let server: RunningServer | null = null;
let client: RecordingClient | null = null;
const recordDir = mkdtempSync(join(tmpdir(), "live-test-"));
afterAll(async () => {
  client?.close();
  await server?.close();
  await mirror?.close();
  rmSync(recordDir, { recursive: true, force: true });
});

describe("live mode with a failing feed", () => {
  it("reports the failing feed through 500s, garbage and recovery; the others stay healthy", async () => {
    const slice = await recentSlice("live");
    mirror = await startFeedMirror(slice.recordingDir);
    mirror.setBehaviour(BROKEN, "500");
    const fast = Object.fromEntries(
      [
        "subway-1234567s",
        "subway-ace",
        "subway-bdfm",
        "subway-g",
        "subway-jz",
        "subway-nqrw",
        "subway-l",
        "subway-si",
        "alerts-subway",
      ].map((f) => [f, 250]),
    );
    server = await startServer({
      source: {
        kind: "live",
        recordDir,
        gtfs: slice.gtfsDir,
        warmUpHours: 0,
        feeds: {
          bases: mirror.bases,
          intervalMs: fast,
          poller: { retries: 0, minIntervalMs: 100, backoffBaseMs: 100, backoffMaxMs: 250 },
        },
      },
      port: 0,
      host: "127.0.0.1",
      next: false,
      env: readEnv({} as NodeJS.ProcessEnv),
      logger: pino({ level: "silent" }),
    });
    client = recordingClient(server.url, ["health"]);
    // The client's own view of health, from snapshot + deltas.
    const health = new Map<string, FeedHealth>();
    client.socket.on("snapshot", (m: { topic: string; data: FeedHealth[] }) => {
      health.clear();
      for (const h of m.data) health.set(h.feed, h);
    });
    client.socket.on("delta", (m: { data: { upsert?: FeedHealth[]; remove?: string[] } }) => {
      for (const h of m.data.upsert ?? []) health.set(h.feed, h);
      for (const k of m.data.remove ?? []) health.delete(k);
    });
    const broken = () => health.get(BROKEN);
    const healthy = () => health.get(HEALTHY);

    await waitUntil(() => (broken()?.consecutiveErrors ?? 0) >= 2, "the 500s to show");
    expect(broken()!.lastErrorKind).toBe("download");
    expect(broken()!.lastError).toMatch(/500/);
    expect(healthy()!.consecutiveErrors, String(healthy()!.lastError)).toBe(0);
    expect(healthy()!.lastSuccessAt).not.toBeNull();

    mirror.setBehaviour(BROKEN, "garbage");
    const errorsBefore = broken()!.consecutiveErrors;
    await waitUntil(
      () => (broken()?.consecutiveErrors ?? 0) > errorsBefore && broken()?.lastErrorKind === "parse",
      "the garbage to show",
    );
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      feeds: Array<{ feed: string; state: string }>;
    };
    expect(ready.feeds.find((f) => f.feed === BROKEN)?.state).toBe("failing");
    // (fresh or stale depends on the mirror's data age; never failing)
    expect(ready.feeds.find((f) => f.feed === HEALTHY)?.state).not.toBe("failing");

    mirror.setBehaviour(BROKEN, "ok");
    await waitUntil(
      () => broken()?.consecutiveErrors === 0 && broken()?.lastSuccessAt !== null,
      "the recovery",
    );
    for (const [feed, h] of health)
      if (feed !== BROKEN && feed.startsWith("subway-")) expect(h.consecutiveErrors, feed).toBe(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`transit_feed_consecutive_errors\\{feed="${BROKEN}"\\} 0`));
    expect(metrics).toMatch(/transit_socket_clients 1/);
    // Each failed poll counted once by kind: the 500s and the garbage both appear, the healthy feed not at all.
    expect(metrics).toMatch(
      new RegExp(`transit_feed_poll_errors_total\\{feed="${BROKEN}",kind="download"\\} [1-9]`),
    );
    expect(metrics).toMatch(
      new RegExp(`transit_feed_poll_errors_total\\{feed="${BROKEN}",kind="parse"\\} [1-9]`),
    );
    expect(metrics).not.toMatch(new RegExp(`transit_feed_poll_errors_total\\{feed="${HEALTHY}"`));
  });
});
