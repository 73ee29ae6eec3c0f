import { type BuildFrame, withFrame } from "./builder";
import type { OutputLog } from "./edges";
import type { NodeFailure } from "./errors";
import { type GraphJson, graphToDot, graphToJson } from "./export";
import { type ProfileReport, profileReport } from "./profiler";
import { Runtime, type RuntimeOptions } from "./runtime";

export interface RunOptions extends RuntimeOptions {
  /** Engine start time (ms since epoch). Realtime default: now. Simulation default: 0. */
  start?: number;
  /** Absolute end time, or... */
  end?: number;
  /** ...a duration after start. Neither: run until there is nothing left to do (simulation) or stop(). */
  duration?: number;
  /**
   * Simulation without speed runs as fast as possible. Simulation with speed
   * is paced: engine time advances `speed` ms per wall ms from `start`.
   * Realtime follows the wall clock (times `speed`, for quick tests); a start
   * in the past replays history as fast as possible first.
   */
  realtime?: boolean;
  speed?: number;
  /**
   * Realtime and paced runs: called each time the engine has run every cycle
   * due by its clock and starts to wait (for time to pass or a push). What
   * the graph output since the last call is then complete for this moment:
   * a consumer can send it as one. quietForMs: wall ms until the next
   * scheduled cycle (Infinity: none scheduled, or paused; a push may still
   * come), so a consumer can tell a pause between two cycles of one burst
   * from the end of the burst.
   */
  onCaughtUp?: (quietForMs: number) => void;
}

export interface RunResult {
  start: number;
  /** Engine time of the last cycle. */
  lastTime: number;
  cycles: number;
  outputs: OutputLog;
  hash: string | null;
  failures: NodeFailure[];
}

/** Most fast cycles run between two looks at the wall clock in realtime (a few µs of work). */
const FAST_BATCH = 256;

/** One graph, built once, run once: in simulation or in realtime. */
export class Engine {
  readonly rt: Runtime;
  private readonly start: number;
  private readonly end: number;
  /** Engine.stop() was called (read by the fast path between cycles). */
  stopRequested = false;

  constructor(
    graph: () => void,
    private readonly opts: RunOptions = {},
  ) {
    this.rt = new Runtime(opts);
    const paced = opts.realtime || opts.speed !== undefined;
    this.start = opts.start ?? (opts.realtime ? Date.now() : 0);
    this.end =
      opts.end ?? (opts.duration !== undefined ? this.start + opts.duration : Number.POSITIVE_INFINITY);
    if (paced && opts.speed !== undefined && !(opts.speed > 0)) throw new Error("speed must be > 0");
    const f: BuildFrame = { rt: this.rt, scope: null, created: this.rt.nodes };
    withFrame(f, graph);
  }

  /** Engine time now. */
  now(): number {
    return this.rt.clock.now;
  }

  /** Ask the engine to stop after the current cycle (realtime: resolves its promise). */
  stop(): void {
    this.stopRequested = true;
    this.rt.clock.interrupts++; // ends a run of fast cycles (a stop from inside a node's callback)
    this.rt.wake();
  }

  /** As fast as possible, synchronously. */
  runSimulation(): RunResult {
    if (this.opts.realtime || this.opts.speed !== undefined) {
      throw new Error("runSimulation() is for unpaced simulation; use runRealtime() for realtime or a speed");
    }
    const rt = this.rt;
    rt.prepare(this.start);
    for (;;) {
      if (rt.stopRequested || this.stopRequested) break;
      const t = rt.nextTime();
      if (t === undefined || t > this.end) break;
      if (rt.runFast(this, this.end, Number.POSITIVE_INFINITY) === 0) this.cycle(t);
    }
    rt.finish();
    return this.result();
  }

  /** Realtime, or simulation paced at a speed factor. Resolves when the run ends. */
  runRealtime(): Promise<RunResult> {
    const rt = this.rt;
    this.pace = {
      speed: this.opts.speed ?? 1,
      wall0: Date.now(),
      origin: this.opts.realtime ? Date.now() : this.start,
      pausedAt: null,
    };
    rt.prepare(this.start);
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      let pending = false;
      const again = () => {
        if (pending) return;
        pending = true;
        if (timer) clearTimeout(timer);
        timer = null;
        setImmediate(step);
      };
      rt.wake = again;
      const done = () => {
        if (timer) clearTimeout(timer);
        rt.wake = () => {};
        rt.finish();
        resolve(this.result());
      };
      const step = () => {
        pending = false;
        timer = null;
        try {
          const sliceEnd = performance.now() + 20;
          for (;;) {
            if (rt.stopRequested || this.stopRequested) return done();
            const wallNow = this.clockNow();
            const t = rt.nextTime();
            if (t !== undefined && t <= wallNow) {
              if (t > this.end) return done();
              // A bounded batch of fast cycles, so the slice check below still lets I/O in.
              if (rt.runFast(this, Math.min(wallNow, this.end), FAST_BATCH) === 0) this.cycle(t);
              if (performance.now() > sliceEnd) return again(); // let I/O and pushes in
              continue;
            }
            if (wallNow > this.end) return done();
            // Strictly after the last cycle: a push that arrives in the same millisecond as a
            // cycle that already ran must not share its time, or a replay of the recording
            // (where same-time events tick together) would differ from this run.
            const drainAt =
              rt.clock.cycle > 0 ? Math.max(rt.clock.now + 1, wallNow) : Math.max(rt.clock.now, wallNow);
            if (this.pace!.pausedAt === null && this.drainPushes(drainAt)) continue;
            const paused = this.pace!.pausedAt !== null;
            const target = Math.min(t ?? Number.POSITIVE_INFINITY, this.end);
            const delay = Math.max(0, Math.ceil((target - wallNow) / this.pace!.speed));
            this.opts.onCaughtUp?.(paused ? Number.POSITIVE_INFINITY : delay);
            if (paused) return; // play(), seek() or stop() wake us
            if (target === Number.POSITIVE_INFINITY) {
              if (rt.pushQueues.length === 0) return done(); // nothing can ever arrive
              return; // idle until a push wakes us
            }
            timer = setTimeout(step, Math.min(delay, 60_000));
            return;
          }
        } catch (e) {
          if (timer) clearTimeout(timer);
          rt.wake = () => {};
          reject(e);
        }
      };
      step();
    });
  }

  private pace: { speed: number; wall0: number; origin: number; pausedAt: number | null } | null = null;

  /** The time the engine's clock shows (realtime or paced runs). */
  clockNow(): number {
    const p = this.pace;
    if (!p) return this.rt.clock.now;
    if (p.pausedAt !== null) return p.pausedAt;
    return p.origin + (Date.now() - p.wall0) * p.speed;
  }

  private reanchor(origin: number): void {
    const p = this.pace;
    if (!p) throw new Error("pacing controls need runRealtime()");
    p.origin = origin;
    p.wall0 = Date.now();
    this.rt.wake();
  }

  get speed(): number {
    return this.pace?.speed ?? 0;
  }

  get paused(): boolean {
    return this.pace?.pausedAt != null;
  }

  /** Change the pace from now on (engine ms per wall ms). */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    const now = this.clockNow();
    this.pace!.speed = speed;
    if (this.pace!.pausedAt === null) this.reanchor(now);
  }

  pause(): void {
    if (!this.pace || this.pace.pausedAt !== null) return;
    this.pace.pausedAt = this.clockNow();
  }

  play(): void {
    if (!this.pace || this.pace.pausedAt === null) return;
    const at = this.pace.pausedAt;
    this.pace.pausedAt = null;
    this.reanchor(at);
  }

  /**
   * Jump forward: everything up to `t` is replayed as fast as possible, then
   * pacing resumes from there. Backward jumps need a fresh engine (returns false).
   */
  seek(t: number): boolean {
    if (t < this.rt.clock.now) return false;
    if (this.pace?.pausedAt != null) this.pace.pausedAt = t;
    this.reanchor(t);
    return true;
  }

  private cycle(t: number): void {
    this.rt.runCycle(t);
  }

  /** Turn what was pushed since the last cycle into events at time t. */
  private drainPushes(t: number): boolean {
    let any = false;
    for (const q of this.rt.pushQueues) {
      if (!q.open || q.pending.length === 0) continue;
      const items = q.pending;
      q.pending = [];
      any = true;
      if (q.mode === "non_collapsing") for (const v of items) this.rt.scheduleValue(q.series, t, v);
      else if (q.mode === "last_value") this.rt.scheduleValue(q.series, t, items[items.length - 1]);
      else this.rt.scheduleValue(q.series, t, items);
    }
    return any;
  }

  private result(): RunResult {
    return {
      start: this.start,
      lastTime: this.rt.clock.now,
      cycles: this.rt.clock.cycle,
      outputs: this.rt.outputLogs,
      hash: this.rt.hash ? this.rt.hash.digest() : null,
      failures: this.rt.failures,
    };
  }

  graphJson(): GraphJson {
    return graphToJson(this.rt);
  }

  graphDot(): string {
    return graphToDot(this.rt);
  }

  profile(): ProfileReport {
    return profileReport(this.rt);
  }
}

/** Build and run a graph in simulation, as fast as possible. */
export function run(graph: () => void, opts: Omit<RunOptions, "realtime" | "speed"> = {}): RunResult {
  return new Engine(graph, opts).runSimulation();
}

/** Build and run a graph in realtime (or paced simulation with `speed` and no `realtime`). */
export function runRealtime(graph: () => void, opts: RunOptions = {}): Promise<RunResult> {
  return new Engine(graph, { realtime: true, ...opts }).runRealtime();
}
