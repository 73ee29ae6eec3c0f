/**
 * Turning a source spec (demo, replay, live) into a runner with its static
 * network: the demo day is generated on first use, a recording carries its
 * own static GTFS, live mode downloads (and caches) the MTA's.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Logger } from "pino";
import type { LiveFeedsOptions } from "../adapters/feed-graph";
import { fetchStaticGtfs, loadStaticGtfs } from "../adapters/gtfs-static";
import { recordingInfo } from "../adapters/recording";
import { ensureDemoDay } from "../demo";
import { buildTransitNetwork, type TransitNetwork } from "../transit/network";
import { loadRecordingNetwork } from "../transit/recording-network";
import { localDateString, startOfLocalDay } from "../util/time-zone";
import type { Env } from "./config";
import { parseClock } from "./config";
import type { LiveState } from "./live-state";
import { type GraphFactory, LiveRunner, ReplayRunner, type RunHooks, type Runner } from "./runner";

export type SourceSpec =
  /** The generated demo day, paced, looping at the end. dir: where it lives (default DATA_DIR/demo). */
  | { kind: "demo"; dir?: string; speed?: number; from?: string | number }
  /** A recording, paced, holding its last state at the end (loop: start again instead). */
  | { kind: "replay"; dir: string; speed?: number; from?: string | number; loop?: boolean }
  /**
   * The real endpoints (or a mirror: env MTA_BASE_URL / GBFS_BASE_URL), recorded into recordDir
   * (default DATA_DIR/recording). gtfs: a static GTFS folder or zip instead of the download.
   */
  | {
      kind: "live";
      recordDir?: string;
      gtfs?: string;
      warmUpHours?: number;
      feeds?: Omit<LiveFeedsOptions, "warmUp" | "logger">;
    };

export const DEFAULT_DEMO_SPEED = 60;
export const DEFAULT_REPLAY_SPEED = 1;

export interface SourceDeps {
  env: Env;
  state: LiveState;
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

/** The static GTFS files of a folder or zip, to store beside a live recording. */
function staticFilesOf(path: string): Array<{ name: string; bytes: Uint8Array }> {
  if (!statSync(path).isDirectory()) return [{ name: basename(path), bytes: readFileSync(path) }];
  return readdirSync(path)
    .filter((f) => f.endsWith(".txt") || f.endsWith(".csv"))
    .map((f) => ({ name: f, bytes: readFileSync(join(path, f)) }));
}

async function liveNetwork(gtfsPath: string): Promise<TransitNetwork> {
  const gtfs = await loadStaticGtfs(gtfsPath);
  if (!gtfs.ok) throw gtfs.error;
  return buildTransitNetwork(gtfs.value, localDateString(Date.now()));
}

export async function createRunner(
  spec: SourceSpec,
  deps: SourceDeps,
): Promise<{ runner: Runner; network: TransitNetwork | null }> {
  const { env, state, hooks, log, graph } = deps;
  const common = { graph, state, hooks, log };
  if (spec.kind === "live") {
    let gtfsPath = spec.gtfs;
    if (!gtfsPath && deps.network === undefined) {
      const got = await fetchStaticGtfs(env.STATIC_GTFS_URL, join(env.DATA_DIR, "static-cache"));
      if (!got.ok) throw got.error;
      if (got.value.error)
        log.warn(
          { url: env.STATIC_GTFS_URL, err: got.value.error.message },
          "static GTFS: using the cached copy",
        );
      gtfsPath = got.value.path;
    }
    const network = deps.network !== undefined ? deps.network : await liveNetwork(gtfsPath!);
    const runner = new LiveRunner({
      ...common,
      network,
      recordDir: spec.recordDir ?? env.RECORD_DIR ?? join(env.DATA_DIR, "recording"),
      retainHours: env.RETAIN_HOURS,
      warmUpHours: spec.warmUpHours ?? env.WARMUP_HOURS,
      feeds: { bases: { mta: env.MTA_BASE_URL, gbfs: env.GBFS_BASE_URL }, ...spec.feeds },
      staticFiles: gtfsPath ? staticFilesOf(gtfsPath) : [],
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
