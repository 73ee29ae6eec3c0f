/**
 * Turning a source spec (demo, replay, live) into a runner with its static
 * network: the demo day is generated on first use, a recording carries its
 * own static GTFS, live mode downloads (and caches) the MTA's.
 */
import { join } from "node:path";
import type { Logger } from "pino";
import type { LiveFeedsOptions } from "../adapters/feed-graph";
import { recordingInfo } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import type { TransitNetwork } from "../transit/network";
import { loadRecordingNetwork } from "../transit/recording-network";
import { startOfLocalDay } from "../util/time-zone";
import type { Env } from "./config";
import { parseClock } from "./config";
import { LiveStatic, staticFilesOf } from "./live-static";
import type { OutputTarget } from "./outputs";
import { type GraphFactory, LiveRunner, ReplayRunner, type RunHooks, type Runner } from "./runner";
import { parseRefreshAt, type RetryPolicy, StaticRefresher } from "./static-refresh";

export type SourceSpec =
  /** The generated demo day, paced, looping at the end. dir: where it lives (default DATA_DIR/demo). */
  | { kind: "demo"; dir?: string; speed?: number; from?: string | number }
  /** A recording, paced, holding its last state at the end (loop: start again instead). */
  | { kind: "replay"; dir: string; speed?: number; from?: string | number; loop?: boolean }
  /**
   * The real endpoints (or a mirror: env MTA_BASE_URL / GBFS_BASE_URL), recorded into recordDir
   * (default DATA_DIR/recording). gtfs: a static GTFS folder or zip instead of the download
   * (env STATIC_GTFS_URL). Either is read again daily (staticRefresh).
   */
  | {
      kind: "live";
      recordDir?: string;
      gtfs?: string;
      warmUpHours?: number;
      feeds?: Omit<LiveFeedsOptions, "warmUp" | "logger">;
      staticRefresh?: StaticRefreshSpec;
    };

/** When the live static GTFS is refreshed. */
export interface StaticRefreshSpec {
  /** "HH:MM [zone]" (default env STATIC_GTFS_REFRESH_AT, else 03:30 New York); null: only on demand. */
  at?: string | null;
  retry?: RetryPolicy;
  /** Clock for the service date and the schedule (tests). */
  now?: () => number;
}

/** The dashboard graph (loaded on first use: the transit graph is a large module tree). */
export async function dashboardGraphFactory(): Promise<GraphFactory> {
  const { dashboardGraph } = await import("../transit/dashboard");
  return (payloads, network) => {
    if (!network) throw new Error("the dashboard graph needs the static network");
    return dashboardGraph(payloads, network);
  };
}

export const DEFAULT_DEMO_SPEED = 60;
export const DEFAULT_REPLAY_SPEED = 1;

export interface SourceDeps {
  env: Env;
  state: OutputTarget;
  hooks: RunHooks;
  log: Logger;
  graph: GraphFactory;
  /** Given: use it (null: a graph that needs none); absent: load the source's own. */
  network?: TransitNetwork | null;
}

function fromTime(from: string | number | undefined, dir: string): number | undefined {
  if (from === undefined) return undefined;
  if (typeof from === "number") return from;
  return parseClock(from, startOfLocalDay(recordingInfo(dir).start));
}

/** The daily refresh time: the spec, else env STATIC_GTFS_REFRESH_AT (default 03:30 New York). */
function refreshTime(spec: StaticRefreshSpec | undefined, env: Env) {
  const text = spec?.at !== undefined ? spec.at : env.STATIC_GTFS_REFRESH_AT;
  return text === null ? null : parseRefreshAt(text);
}

export async function createRunner(
  spec: SourceSpec,
  deps: SourceDeps,
): Promise<{ runner: Runner; network: TransitNetwork | null }> {
  const { env, state, hooks, log, graph } = deps;
  const common = { graph, state, hooks, log };
  if (spec.kind === "live") {
    // A given network (tests, custom graphs) stays as it is; otherwise the static GTFS is ours to keep current.
    let liveStatic: LiveStatic | null = null;
    let refresher: StaticRefresher | undefined;
    if (deps.network === undefined) {
      const at = refreshTime(spec.staticRefresh, env);
      const now = spec.staticRefresh?.now;
      liveStatic = await LiveStatic.open({
        ...(spec.gtfs ? { path: spec.gtfs } : { url: env.STATIC_GTFS_URL }),
        cacheDir: join(env.DATA_DIR, "static-cache"),
        log,
        ...(now ? { now } : {}),
      });
      refresher = new StaticRefresher({
        source: liveStatic,
        at,
        log,
        ...(spec.staticRefresh?.retry ? { retry: spec.staticRefresh.retry } : {}),
        ...(now ? { now } : {}),
      });
    }
    const network = liveStatic ? liveStatic.current.network : (deps.network ?? null);
    const runner = new LiveRunner({
      ...common,
      network,
      recordDir: spec.recordDir ?? env.RECORD_DIR ?? join(env.DATA_DIR, "recording"),
      retainHours: env.RETAIN_HOURS,
      warmUpHours: spec.warmUpHours ?? env.WARMUP_HOURS,
      feeds: { bases: { mta: env.MTA_BASE_URL, gbfs: env.GBFS_BASE_URL }, ...spec.feeds },
      staticFiles: liveStatic?.current.files ?? (spec.gtfs ? staticFilesOf(spec.gtfs) : []),
      ...(refresher ? { staticRefresh: refresher } : {}),
    });
    return { runner, network };
  }
  let dir: string;
  let mode: "demo" | "replay";
  let loop: boolean;
  if (spec.kind === "demo") {
    const demoDir = spec.dir ?? join(env.DATA_DIR, "demo");
    log.info({ dir: demoDir }, "demo day: checking (generated on first use: a few minutes)");
    dir = (await ensureDemoDay(demoDir)).recordingDir;
    mode = "demo";
    loop = true;
  } else {
    dir = spec.dir;
    mode = "replay";
    loop = spec.loop ?? false;
  }
  const network = deps.network !== undefined ? deps.network : (await loadRecordingNetwork(dir)).network;
  const runner = new ReplayRunner({
    ...common,
    network,
    mode,
    dir,
    loop,
    speed: spec.speed ?? (mode === "demo" ? DEFAULT_DEMO_SPEED : DEFAULT_REPLAY_SPEED),
    from: fromTime(spec.from, dir),
  });
  return { runner, network };
}
