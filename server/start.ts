/**
 * startServer: one process, one port: Next.js pages, socket.io live
 * protocol, HTTP API, and the engine running the dashboard graph.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { Server } from "socket.io";
import type { TransitNetwork } from "../transit/network";
import { readBuildId } from "./build-id";
import { type Env, readEnv } from "./config";
import { handleApi } from "./http-api";
import { Hub } from "./hub";
import { LiveState } from "./live-state";
import { createLogger } from "./log";
import { createMetrics } from "./metrics";
import { NetworkViewCache } from "./network-view";
import { createNextHandle, type NextHandle } from "./next-app";
import {
  type ClientToServer,
  type Hello,
  MAX_TOPICS_PER_CLIENT,
  PROTOCOL_VERSION,
  type ServerToClient,
} from "./protocol";
import type { GraphFactory, Runner } from "./runner";
import { handleConnections } from "./socket-handler";
import { createRunner, dashboardGraphFactory, type SourceSpec } from "./sources";
import { TopicRegistry } from "./topics/registry";
import { WorkerRunner } from "./worker-runner";

export type { SourceSpec };

export interface StartOptions {
  /** Default: the demo day. */
  source?: SourceSpec;
  /** Default env PORT (0: any free port). */
  port?: number;
  host?: string;
  /** Serve the Next.js app too (default true; protocol tests turn it off). */
  next?: boolean;
  /** Next.js in development mode (hot reload). */
  dev?: boolean;
  /** The project folder Next.js serves (default the working directory). */
  dir?: string;
  /** Replay controls' token (default env ADMIN_TOKEN; null: controls off). */
  adminToken?: string | null;
  env?: Env;
  /**
   * Where the engine runs: a worker thread (default), so its cycles never hold up the clients; or
   * the main thread (what a custom graph, a given network or a source spec holding functions needs:
   * those cannot cross to a worker).
   */
  engineThread?: "worker" | "main";
  /** The graph to run (default the dashboard graph; implies engineThread "main"). */
  graph?: GraphFactory;
  /** The static network (default: the source's own; null: none, for graphs that need none; implies engineThread "main"). */
  network?: TransitNetwork | null;
  /** Minimum ms between two messages of one topic (default 250). */
  coalesceMs?: number;
  /** Longer minimums by topic family (default 1000 for trains, bikes, health: big, animated by the client, or slow news). */
  familyIntervalMs?: Record<string, number>;
  logger?: Logger;
  buildId?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  runner: Runner;
  state: LiveState;
  /** Tell clients, stop polling and the engine, close the recording and every connection. */
  close(reason?: string): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env = opts.env ?? readEnv();
  const log = opts.logger ?? createLogger(env.LOG_LEVEL);
  const host = opts.host ?? env.HOST;
  const useNext = opts.next ?? true;
  const dev = opts.dev ?? false;
  const dir = opts.dir ?? process.cwd();
  const adminToken = opts.adminToken !== undefined ? opts.adminToken : (env.ADMIN_TOKEN ?? null);
  const coalesceMs = opts.coalesceMs ?? 250;
  const state = new LiveState();

  const httpServer: HttpServer = createServer();
  // Longer than clients' and proxies' idle timeouts, so a reused keep-alive connection is not closed under them.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const io = new Server<ClientToServer, ServerToClient>(httpServer, {
    serveClient: false,
    // A little over the protocol's limit: the protocol refuses politely, the transport drops abusers.
    maxHttpBufferSize: 64 * 1024,
    destroyUpgrade: !useNext,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });

  let hub: Hub | null = null;
  const hooks = {
    reset: () => hub?.resetAll(),
    hold: (busy: () => boolean) => hub?.hold(busy),
    clockChanged: () => hub?.schedule(),
  };
  const source = opts.source ?? { kind: "demo" };
  const onMainThread = opts.engineThread === "main" || opts.graph !== undefined || opts.network !== undefined;
  const runner: Runner = onMainThread
    ? (
        await createRunner(source, {
          env,
          state,
          hooks,
          log,
          graph: opts.graph ?? (await dashboardGraphFactory()),
          ...(opts.network !== undefined ? { network: opts.network } : {}),
        })
      ).runner
    : await WorkerRunner.create(source, { env, state, hooks, log });

  const metrics = createMetrics({
    health: () => state.health.value ?? [],
    engineTime: () => state.engineTime,
    profile: () => runner.profile(),
  });
  let healthVersion = -1;
  state.onChange(() => {
    if (state.health.version === healthVersion || !state.health.value) return;
    healthVersion = state.health.version;
    metrics.healthUpdated(state.health.value);
  });
  // The runner's network, not the one it started with: live mode switches to each new service day.
  // New bike stations (or names) or a new static network change /api/network: tell clients to refetch it.
  const networkView = new NetworkViewCache(
    () => runner.networkBase(),
    state,
    (etag) => void io.emit("network", { etag }),
  );
  const registry = new TopicRegistry(state, {
    clock: () => runner.clock(),
    graph: () => runner.graph(),
    engineTime: () => state.engineTime,
  });
  hub = new Hub(
    io as unknown as Server,
    state,
    (name) => registry.create(name),
    {
      coalesceMs,
      maxTopics: 2000,
      familyIntervalMs: opts.familyIntervalMs ?? { health: 200, trains: 500, bikes: 1000 },
      onTopics: (names) =>
        runner.wantArrivals?.(
          names.filter((n) => n.startsWith("arrivals:")).map((n) => n.slice("arrivals:".length)),
        ),
    },
    metrics,
  );
  const buildId = opts.buildId ?? readBuildId(dir, dev);
  const hello = (): Hello => ({
    protocol: PROTOCOL_VERSION,
    buildId,
    mode: runner.mode,
    replayControls: adminToken !== null && runner.controllable,
    networkEtag: networkView.etag,
    coalesceMs,
    maxTopics: MAX_TOPICS_PER_CLIENT,
  });
  handleConnections(
    io as unknown as Server,
    { hub, registry, runner, metrics, log },
    { hello, adminToken, maxTopicsPerClient: MAX_TOPICS_PER_CLIENT, ratePerSec: 20, burst: 40 },
  );
  const networkWatch = setInterval(() => networkView.refresh(), 1000);
  networkWatch.unref();

  let nextHandle: NextHandle | null = null;
  httpServer.on("request", (req, res) => {
    const apiDeps = { state, runner, metrics, network: networkView, buildId };
    Promise.resolve(handleApi(req, res, apiDeps))
      .then((handled) => {
        if (handled) return;
        if (nextHandle) return nextHandle.handle(req, res);
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found (Next.js is off)");
      })
      .catch((err: unknown) => {
        log.error({ err, url: req.url }, "request failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });

  const port = await new Promise<number>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port ?? env.PORT, host, () => {
      httpServer.off("error", reject);
      resolve((httpServer.address() as AddressInfo).port);
    });
  });
  if (useNext) {
    nextHandle = await createNextHandle({ dir, dev, hostname: host, port, log });
    const upgrade = nextHandle.upgrade;
    if (upgrade) {
      httpServer.on("upgrade", (req, socket, head) => {
        if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
      });
    }
  }
  runner.start();
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log.info(
    { url, mode: runner.mode, next: useNext, dev, buildId, replayControls: hello().replayControls },
    "server listening",
  );

  let closing: Promise<void> | null = null;
  const close = (reason = "server shutting down") => {
    closing ??= (async () => {
      log.info({ reason }, "shutting down");
      io.emit("shutdown", { reason });
      clearInterval(networkWatch);
      await runner.stop();
      hub?.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await nextHandle?.close().catch(() => {});
      log.info("stopped");
    })();
    return closing;
  };
  return { url, port, runner, state, close };
}
