/**
 * The engine on a thread of its own. The dashboard graph's cycles (tens of
 * ms for a subway payload) would otherwise hold up socket.io writes and
 * incoming payloads on the one thread that serves clients. This Runner
 * starts server/engine-worker.ts in a worker_threads Worker, which builds
 * the usual runner (demo, replay or live: pollers and recorder included)
 * and posts its outputs, clock, hooks and logs; replay controls and graph
 * requests go the other way. Same process, same port, same protocol.
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { GraphJson } from "../engine";
import type { ClockView, StationArrivals } from "../transit/contract";
import type { Env } from "./config";
import type { LiveState } from "./live-state";
import type { NetworkBase } from "./network-view";
import { OutputApplier, type OutputsMessage } from "./output-bridge";
import type { Mode } from "./protocol";
import type { ProfileSummary, RunHooks, Runner } from "./runner";
import type { SourceSpec } from "./sources";

export interface EngineWorkerData {
  spec: SourceSpec;
  env: Env;
  logLevel: string;
  /** The TypeScript module the bootstrap imports once the loader is registered. */
  entry: string;
}

export type Control = { action: "play" | "pause" } | { action: "speed" | "seek"; value: number };

export type ToWorker =
  | { type: "start" }
  | ({ type: "control"; id: number } & Control)
  | { type: "request"; id: number; what: Request }
  /** Station arrivals to post: only these stations' (null: all). */
  | { type: "want-arrivals"; stations: string[] | null }
  | { type: "stop" };

/** What the main thread asks the worker for on demand. */
export type Request = "graph" | "dot" | "arrivals";

export interface ClockReport {
  clock: ClockView;
  /** Wall ms the clock was read at: the main thread extrapolates from it. */
  at: number;
  profile: ProfileSummary | null;
}

export type FromWorker =
  | OutputsMessage
  | { type: "ready"; mode: Mode; controllable: boolean; network: NetworkBase | null; clock: ClockReport }
  | { type: "failed"; error: string }
  | { type: "reset" }
  | { type: "hold" }
  | { type: "release" }
  | ({ type: "clock"; changed: boolean } & ClockReport)
  | { type: "network"; network: NetworkBase | null }
  | { type: "reply"; id: number; value: unknown }
  | { type: "log"; line: string }
  /** The control `id` has been applied (its clock, hold or reset went before this). */
  | { type: "controlled"; id: number }
  | { type: "stopped" };

export interface WorkerRunnerDeps {
  env: Env;
  state: LiveState;
  hooks: RunHooks;
  log: Logger;
}

/** A graph request older than this is asked again when the graph is read. */
const GRAPH_MAX_AGE_MS = 800;

export class WorkerRunner implements Runner {
  private readonly applier: OutputApplier;
  private holding = false;
  /** The newest seek sent and not yet applied by the worker: until it is, clients get nothing stale. */
  private seeking: number | null = null;
  private alive = true;
  private started = false;
  private stopping: Promise<void> | null = null;
  private clockReport: ClockReport;
  private base: NetworkBase | null;
  private cachedGraph: { value: GraphJson | null; at: number } = { value: null, at: 0 };
  private graphRequested = false;
  private nextId = 1;
  private readonly replies = new Map<number, (v: unknown) => void>();
  /** The stations last sent in want-arrivals (none yet: the worker posts every station's). */
  private wantedKey: string | null = null;
  private readonly applied = new Map<number, () => void>();
  private onStopped: () => void = () => {};

  private constructor(
    private readonly worker: Worker,
    private readonly deps: WorkerRunnerDeps,
    ready: Extract<FromWorker, { type: "ready" }>,
  ) {
    this.mode = ready.mode;
    this.controllable = ready.controllable;
    this.base = ready.network;
    this.clockReport = ready.clock;
    this.applier = new OutputApplier(deps.state);
    worker.on("message", (m: FromWorker) => this.receive(m));
    worker.on("error", (err) => deps.log.error({ err }, "engine worker failed"));
    worker.on("exit", (code) => {
      this.alive = false;
      if (!this.stopping) deps.log.error({ code }, "engine worker exited");
      for (const reply of this.replies.values()) reply(null);
      this.replies.clear();
      for (const done of this.applied.values()) done();
      this.applied.clear();
      this.onStopped();
    });
  }

  readonly mode: Mode;
  readonly controllable: boolean;

  /** Starts the worker and waits until it has built its runner (the demo day is generated there if needed). */
  static async create(spec: SourceSpec, deps: WorkerRunnerDeps): Promise<WorkerRunner> {
    const data: EngineWorkerData = {
      spec,
      env: deps.env,
      logLevel: deps.log.level,
      entry: new URL("./engine-worker.ts", import.meta.url).href,
    };
    // A plain-JS bootstrap: a worker does not inherit tsx's loader, so it registers it first.
    const worker = new Worker(new URL("./engine-worker-boot.mjs", import.meta.url), { workerData: data });
    const ready = await new Promise<Extract<FromWorker, { type: "ready" }>>((resolve, reject) => {
      const early = (m: FromWorker) => {
        if (m.type === "log") forwardLog(deps.log, m.line);
        else if (m.type === "ready") done(() => resolve(m));
        else if (m.type === "failed") done(() => reject(new Error(m.error)));
      };
      const failed = (err: Error) => done(() => reject(err));
      const exited = (code: number) => done(() => reject(new Error(`engine worker exited (${code})`)));
      const done = (then: () => void) => {
        worker.off("message", early);
        worker.off("error", failed);
        worker.off("exit", exited);
        then();
      };
      worker.on("message", early);
      worker.once("error", failed);
      worker.once("exit", exited);
    }).catch(async (e: unknown) => {
      await worker.terminate();
      throw e;
    });
    const runner = new WorkerRunner(worker, deps, ready);
    runner.wantArrivals([]); // until a client subscribes to a station
    return runner;
  }

  private holdHub(): void {
    this.deps.hooks.hold(() => this.holding || this.seeking !== null);
  }

  private control(c: Control): Promise<void> {
    const id = this.nextId++;
    if (c.action === "seek") {
      this.seeking = id;
      this.holdHub();
    }
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      this.applied.set(id, resolve);
      this.send({ type: "control", id, ...c });
    });
  }

  private send(m: ToWorker): void {
    if (this.alive) this.worker.postMessage(m);
  }

  private receive(m: FromWorker): void {
    const { hooks, log } = this.deps;
    switch (m.type) {
      case "outputs":
      case "caughtUp":
        this.applier.apply(m);
        return;
      case "clear":
        // A new run is being built: its reset or hold follows. Until then the topics must not
        // advance over the emptied state (they would keep their old baselines).
        this.applier.apply(m);
        this.holding = true;
        this.holdHub();
        return;
      case "reset":
        this.holding = false;
        hooks.reset();
        return;
      case "hold":
        this.holding = true;
        this.holdHub();
        return;
      case "release":
        this.holding = false;
        hooks.clockChanged();
        return;
      case "clock":
        this.clockReport = m;
        if (m.changed) hooks.clockChanged();
        return;
      case "network":
        this.base = m.network;
        return;
      case "reply":
        this.replies.get(m.id)?.(m.value);
        this.replies.delete(m.id);
        return;
      case "log":
        forwardLog(log, m.line);
        return;
      case "controlled":
        this.applied.get(m.id)?.();
        this.applied.delete(m.id);
        if (m.id === this.seeking) {
          this.seeking = null;
          hooks.clockChanged();
        }
        return;
      case "stopped":
        this.onStopped();
        return;
      default:
        return;
    }
  }

  start(): void {
    this.started = true;
    this.send({ type: "start" });
  }

  /** The worker stops polling and its engine and closes the recording, then the thread ends. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.alive) {
        const stopped = new Promise<void>((resolve) => {
          this.onStopped = resolve;
        });
        this.send({ type: "stop" });
        await stopped;
      }
      await this.worker.terminate();
    })();
    return this.stopping;
  }

  running(): boolean {
    return this.started && this.alive && !this.stopping;
  }

  clock(): ClockView {
    const { clock: c, at } = this.clockReport;
    if (c.mode === "live") return { ...c, t: Date.now() };
    if (!c.playing) return c;
    const t = c.t + (Date.now() - at) * c.speed;
    return { ...c, t: Math.round(c.range ? Math.min(c.range.end, t) : t) };
  }

  networkBase(): NetworkBase | null {
    return this.base;
  }

  private request(what: Request): Promise<unknown> {
    if (!this.alive) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.send({ type: "request", id, what });
    });
  }

  /** The stations whose arrivals clients are subscribed to: the only ones the worker posts. */
  wantArrivals(stations: string[]): void {
    const key = [...stations].sort().join(",");
    if (key === this.wantedKey) return;
    this.wantedKey = key;
    this.send({ type: "want-arrivals", stations });
  }

  async allArrivals(): Promise<ReadonlyMap<string, StationArrivals> | null> {
    return (await this.request("arrivals")) as ReadonlyMap<string, StationArrivals> | null;
  }

  graph(): GraphJson | null {
    if (!this.graphRequested && Date.now() - this.cachedGraph.at > GRAPH_MAX_AGE_MS) void this.graphNow();
    return this.cachedGraph.value;
  }

  async graphNow(): Promise<GraphJson | null> {
    this.graphRequested = true;
    try {
      const value = (await this.request("graph")) as GraphJson | null;
      this.cachedGraph = { value, at: Date.now() };
      return value;
    } finally {
      this.graphRequested = false;
    }
  }

  async graphDot(): Promise<string | null> {
    return (await this.request("dot")) as string | null;
  }

  profile(): ProfileSummary | null {
    return this.clockReport.profile;
  }

  play(): Promise<void> {
    return this.control({ action: "play" });
  }

  pause(): Promise<void> {
    return this.control({ action: "pause" });
  }

  setSpeed(speed: number): Promise<void> {
    return this.control({ action: "speed", value: speed });
  }

  /** Clients hear nothing from now until the worker has caught up with the target (then: snapshots). */
  seek(t: number): Promise<void> {
    return this.control({ action: "seek", value: t });
  }
}

const LOG_FIELDS_OF_THE_LINE = new Set(["level", "time", "pid", "hostname", "msg"]);

/** A pino line from the worker, logged again by the main thread's logger (its level, its destination). */
function forwardLog(log: Logger, line: string): void {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch {
    log.info({ thread: "engine" }, line.trim());
    return;
  }
  const label = log.levels.labels[Number(rec.level)] ?? "info";
  const fields: Record<string, unknown> = { thread: "engine" };
  for (const k in rec) if (!LOG_FIELDS_OF_THE_LINE.has(k)) fields[k] = rec[k];
  const write = (log as unknown as Record<string, (o: object, msg?: string) => void>)[label];
  write?.call(log, fields, typeof rec.msg === "string" ? rec.msg : undefined);
}
