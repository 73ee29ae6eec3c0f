/**
 * The engine's life in the server: which source feeds it (a recording,
 * paced; or the live pollers, recording as they go), rebuilding it for a
 * backward seek or a demo loop, and stopping it cleanly.
 */
import type { Logger } from "pino";
import { type LiveFeedsOptions, liveFeeds, recordPayloads, replayPayloads } from "../adapters/feed-graph";
import { RecordingWriter, recordingInfo } from "../adapters/recording";
import type { RecordedPayload } from "../adapters/recording/types";
import { Engine, type GraphJson, HOUR, type NodeFailure, type ProfileReport, type Series } from "../engine";
import type { ClockView, StationArrivals } from "../transit/contract";
import type { TransitNetwork } from "../transit/network";
import { type NetworkBase, networkBase } from "./network-view";
import type { DashboardOutputs, OutputTarget } from "./outputs";
import type { Mode } from "./protocol";
import type { RefreshOutcome, StaticRefresher } from "./static-refresh";

export type GraphFactory = (
  payloads: Series<RecordedPayload>,
  network: TransitNetwork | null,
) => DashboardOutputs;

/** What the runner tells the fan-out about a new run or a seek. */
export interface RunHooks {
  /** The state was reset (new run): every client needs a fresh snapshot. */
  reset(): void;
  /** A seek is fast-forwarding: send nothing while busy() holds, then snapshots. */
  hold(busy: () => boolean): void;
  /** The clock changed (play, pause, speed, end of the recording). */
  clockChanged(): void;
}

export interface Runner {
  readonly mode: Mode;
  /** play/pause/speed/seek are meaningful (replay and demo). */
  readonly controllable: boolean;
  start(): void;
  stop(): Promise<void>;
  running(): boolean;
  clock(): ClockView;
  /** Routes and stations of the static network the graph runs on now (live mode switches it daily). */
  networkBase(): NetworkBase | null;
  /** The wired graph with its tick counts (with the engine in a worker: as of up to a second ago). */
  graph(): GraphJson | null;
  /** The same, as of now. */
  graphNow(): Promise<GraphJson | null>;
  graphDot(): Promise<string | null>;
  profile(): ProfileSummary | null;
  /**
   * With the engine in a worker: the stations clients are subscribed to, whose arrivals it
   * then posts (only those: the whole map is over 1 MB), and every station's, on request.
   */
  wantArrivals?(stations: string[]): void;
  allArrivals?(): Promise<ReadonlyMap<string, StationArrivals> | null>;
  /** Controls resolve once applied (at once on this thread; with the engine in a worker, when it says so). */
  play(): void | Promise<void>;
  pause(): void | Promise<void>;
  setSpeed(speed: number): void | Promise<void>;
  /** Engine time to jump to (clamped to the recording). */
  seek(t: number): void | Promise<void>;
}

export type ProfileSummary = Pick<ProfileReport, "cycles" | "estCycleMs">;

interface Common {
  graph: GraphFactory;
  network: TransitNetwork | null;
  state: OutputTarget;
  hooks: RunHooks;
  log: Logger;
}

export interface ReplayRunnerOptions extends Common {
  mode: "replay" | "demo";
  dir: string;
  speed: number;
  /** Engine time to start at (the graph still replays from the recording's start, fast). */
  from?: number;
  /** At the end: start again (demo) or hold the last state (replay). */
  loop: boolean;
}

/** Engine options every run gets: a cheap profiler (for /metrics) and a log line per contained node failure. */
function engineOptions(log: Logger, state: OutputTarget) {
  return {
    profileEvery: 16,
    onCaughtUp: (quietForMs: number) => state.caughtUp(quietForMs),
    onFailure: (f: NodeFailure) =>
      log.warn(
        { node: f.node, scope: f.scope, at: new Date(f.time).toISOString() },
        `node failed: ${f.message}`,
      ),
  };
}

/** Has the engine processed everything up to `target`? */
function caughtUp(engine: Engine, target: number): boolean {
  const next = engine.rt.nextTime();
  return next === undefined || next > target;
}

/** Most a stop waits for the engine to take in what the pollers already received (SIGTERM allows 5 s in all). */
const DRAIN_LIMIT_MS = 3000;

/**
 * Once the pollers are stopped: wait until the engine has ticked every payload they
 * pushed (so each is recorded) or the limit passes. The engine may be busy with a
 * backlog of cycles; it yields between slices, so this only waits.
 */
async function drained(engine: Engine | null): Promise<void> {
  if (!engine) return;
  const until = Date.now() + DRAIN_LIMIT_MS;
  const idle = () =>
    engine.rt.pushQueues.every((q) => q.pending.length === 0) && caughtUp(engine, Date.now());
  while (!idle() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
}

export class ReplayRunner implements Runner {
  readonly controllable = true;
  private engine: Engine | null = null;
  private generation = 0;
  private ended = false;
  private stopped = false;
  private paused = false;
  private speed: number;
  private readonly range: { start: number; end: number };
  private done: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: ReplayRunnerOptions) {
    const info = recordingInfo(o.dir);
    if (info.frames === 0) throw new Error(`recording ${o.dir} has no frames`);
    this.range = { start: info.start, end: info.end };
    this.speed = o.speed;
  }

  get mode(): Mode {
    return this.o.mode;
  }

  start(): void {
    this.launch(this.o.from);
  }

  private launch(target?: number): void {
    this.engine?.stop();
    this.o.state.reset();
    const gen = ++this.generation;
    const { dir, graph, network, state } = this.o;
    const engine = new Engine(
      () => {
        state.attach(graph(replayPayloads(dir), network));
      },
      {
        ...engineOptions(this.o.log, state),
        start: this.range.start,
        end: this.range.end,
        speed: this.speed,
      },
    );
    this.engine = engine;
    this.ended = false;
    this.done = engine.runRealtime().then(
      () => this.onEnded(gen),
      (e: unknown) => this.o.log.error({ err: e }, "engine run failed"),
    );
    if (this.paused) engine.pause();
    const t = target === undefined ? undefined : this.clamp(target);
    if (t !== undefined && t > this.range.start) {
      engine.seek(t);
      this.o.hooks.hold(() => this.engine === engine && !caughtUp(engine, t));
    } else {
      this.o.hooks.reset();
    }
    this.o.log.info(
      { mode: this.mode, dir, speed: this.speed, at: t ?? this.range.start, run: gen },
      "replay started",
    );
  }

  private onEnded(gen: number): void {
    if (gen !== this.generation || this.stopped) return;
    if (this.o.loop) {
      this.o.log.info({ run: gen }, "demo day ended: starting again");
      this.launch();
      return;
    }
    this.ended = true;
    this.o.hooks.clockChanged();
  }

  private clamp(t: number): number {
    return Math.min(this.range.end, Math.max(this.range.start, t));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.engine?.stop();
    await this.done;
  }

  running(): boolean {
    return this.engine !== null && !this.stopped;
  }

  clock(): ClockView {
    const e = this.engine;
    const t = this.ended || !e ? this.range.end : this.clamp(e.clockNow());
    return {
      t: Math.round(t),
      mode: this.mode,
      speed: this.speed,
      playing: !this.paused && !this.ended && !this.stopped,
      range: { ...this.range },
    };
  }

  network(): TransitNetwork | null {
    return this.o.network;
  }

  networkBase(): NetworkBase | null {
    return networkBase(this.network());
  }

  graph(): GraphJson | null {
    return this.engine?.graphJson() ?? null;
  }

  async graphNow(): Promise<GraphJson | null> {
    return this.graph();
  }

  async graphDot(): Promise<string | null> {
    return this.engine?.graphDot() ?? null;
  }

  profile(): ProfileSummary | null {
    const p = this.engine?.profile();
    return p ? { cycles: p.cycles, estCycleMs: p.estCycleMs } : null;
  }

  play(): void {
    this.paused = false;
    this.engine?.play();
    this.o.hooks.clockChanged();
  }

  pause(): void {
    this.paused = true;
    this.engine?.pause();
    this.o.hooks.clockChanged();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.engine?.setSpeed(speed);
    this.o.hooks.clockChanged();
  }

  seek(target: number): void {
    const t = this.clamp(target);
    const e = this.engine;
    // Forward within the current run: the engine fast-forwards; backward (or after the end): a new run.
    if (e && !this.ended && e.seek(t)) {
      this.o.hooks.hold(() => this.engine === e && !caughtUp(e, t));
      return;
    }
    this.launch(t);
  }
}

export interface LiveRunnerOptions extends Common {
  /** Where the recording goes (and where warm-up reads from). */
  recordDir: string;
  retainHours: number;
  warmUpHours: number;
  feeds?: LiveFeedsOptions;
  /** Static GTFS files to keep beside the recording, so it replays on its own. */
  staticFiles?: Array<{ name: string; bytes: Uint8Array }>;
  /** The daily static GTFS refresh: started and stopped with the runner. */
  staticRefresh?: StaticRefresher;
}

/** A network switch replays at least this much of the recording, so the 60-minute windows stay full. */
const SWITCH_WARM_UP_MIN_HOURS = 1;

export class LiveRunner implements Runner {
  readonly mode = "live" as const;
  readonly controllable = false;
  private engine: Engine | null = null;
  private writer: RecordingWriter | null = null;
  private live: ReturnType<typeof liveFeeds> | null = null;
  private done: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private current: TransitNetwork | null;
  private switching: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: LiveRunnerOptions) {
    this.current = o.network;
  }

  start(): void {
    const { log } = this.o;
    const writer = RecordingWriter.open(this.o.recordDir, {
      retainMs: this.o.retainHours * HOUR,
      onWarning: (msg) => log.warn({ dir: this.o.recordDir }, msg),
    });
    this.storeStatic(writer, this.o.staticFiles);
    this.writer = writer;
    const from = Date.now() - this.o.warmUpHours * HOUR;
    this.launch(from);
    log.info({ recordDir: this.o.recordDir, warmUpFrom: new Date(from).toISOString() }, "live: polling");
    this.o.hooks.reset();
    this.o.staticRefresh?.start((s, dataChanged) =>
      this.switchNetwork(s.network, dataChanged ? s.files : undefined),
    );
  }

  /** A new engine: replays the recording from `from` (warm-up), then polls live, recording as it goes. */
  private launch(from: number): Engine {
    const { graph, state, log } = this.o;
    const writer = this.writer!;
    const network = this.current;
    const engine = new Engine(
      () => {
        this.live = liveFeeds({
          ...this.o.feeds,
          logger: log,
          warmUp: { dir: this.o.recordDir, from },
        });
        recordPayloads(this.live.payloads, writer);
        state.attach(graph(this.live.payloads, network));
      },
      { ...engineOptions(log, state), realtime: true, start: from },
    );
    this.engine = engine;
    this.done = engine.runRealtime().catch((e: unknown) => log.error({ err: e }, "engine run failed"));
    this.live?.start();
    return engine;
  }

  private storeStatic(writer: RecordingWriter, files: LiveRunnerOptions["staticFiles"]): void {
    for (const f of files ?? []) writer.storeStatic(f.name, f.bytes);
  }

  /** The static network the graph runs on now. */
  network(): TransitNetwork | null {
    return this.current;
  }

  networkBase(): NetworkBase | null {
    return networkBase(this.current);
  }

  /** Refresh the static GTFS now (what the daily timer does); null when this run has no refresh. */
  refreshStatic(): Promise<RefreshOutcome> | null {
    return this.o.staticRefresh?.refreshNow() ?? null;
  }

  /**
   * Runs the graph on a new network: stop polling and the engine, then a new
   * engine replays the recording (which holds everything the old one received)
   * and goes live again, so rolling windows continue without a gap. Clients
   * hear nothing while it catches up, then get fresh snapshots. With files:
   * the new static GTFS is stored beside the recording first. False when
   * the runner stopped (or never started).
   */
  switchNetwork(network: TransitNetwork | null, files?: LiveRunnerOptions["staticFiles"]): Promise<boolean> {
    const job = this.switching.then(() => this.doSwitch(network, files));
    this.switching = job.catch(() => {});
    return job;
  }

  private async doSwitch(
    network: TransitNetwork | null,
    files: LiveRunnerOptions["staticFiles"],
  ): Promise<boolean> {
    if (this.stopped || !this.writer) return false;
    const { log, hooks, state } = this.o;
    const switchAt = Date.now();
    await this.live?.stop();
    await drained(this.engine);
    this.engine?.stop();
    await this.done;
    if (this.stopped) return false; // stop() came meanwhile: it closes the recording
    this.storeStatic(this.writer, files);
    this.current = network;
    state.reset();
    const from = Date.now() - Math.max(this.o.warmUpHours, SWITCH_WARM_UP_MIN_HOURS) * HOUR;
    const engine = this.launch(from);
    hooks.reset();
    hooks.hold(() => this.engine === engine && !caughtUp(engine, switchAt));
    log.info(
      { serviceDate: network?.serviceDate, warmUpFrom: new Date(from).toISOString() },
      "live: graph rebuilt on a new static network",
    );
    return true;
  }

  /**
   * Stop polling, let the engine take in (and record) what was received, then close the
   * recording (every frame is one write).
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.o.staticRefresh?.stop();
    await this.live?.stop();
    await drained(this.engine);
    this.engine?.stop();
    await this.done;
    this.writer?.close();
  }

  running(): boolean {
    return this.engine !== null && !this.stopped;
  }

  clock(): ClockView {
    return { t: Date.now(), mode: "live", speed: 1, playing: !this.stopped, range: null };
  }

  graph(): GraphJson | null {
    return this.engine?.graphJson() ?? null;
  }

  async graphNow(): Promise<GraphJson | null> {
    return this.graph();
  }

  async graphDot(): Promise<string | null> {
    return this.engine?.graphDot() ?? null;
  }

  profile(): ProfileSummary | null {
    const p = this.engine?.profile();
    return p ? { cycles: p.cycles, estCycleMs: p.estCycleMs } : null;
  }

  play(): void {}
  pause(): void {}
  setSpeed(): void {}
  seek(): void {}
}
