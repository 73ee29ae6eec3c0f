import { GraphError, NodeError, type NodeFailure } from "./errors";
import { compileFastLoop, type FastLoop, type StopFlag } from "./fast-path";
import { TimeHeap } from "./heap";
import type { NodeImpl, Scope } from "./node-impl";
import { RunHash } from "./run-hash";
import { type Clock, Series } from "./series";
import { type HeapItem, PullSource, type PushQueue, TimedEvent } from "./sources";

export interface RuntimeOptions {
  /** Keep a rolling hash of every output tick (costs a serialization per tick). */
  hash?: boolean;
  /** Time every node in one cycle out of this many (0: never). Counts are always exact. */
  profileEvery?: number;
  /** Told about every contained node failure (for logs). */
  onFailure?: (f: NodeFailure) => void;
  /**
   * Run cycles where a pull source ticks alone through a compiled loop
   * (default true). Same results, same order; false keeps every cycle on the
   * generic path (tests compare the two).
   */
  fastPath?: boolean;
}

/**
 * The state of one graph while it is built and run: its nodes and series,
 * the time heap of everything scheduled, and the cycle machinery.
 */
export class Runtime {
  readonly clock: Clock = { cycle: 0, now: 0, interrupts: 0, shape: 0 };
  readonly nodes: NodeImpl[] = [];
  readonly series: Series<any>[] = [];
  readonly pullSources: PullSource<any>[] = [];
  readonly pushQueues: PushQueue<any>[] = [];
  readonly hash: RunHash | null;
  readonly profileEvery: number;
  readonly onFailure: ((f: NodeFailure) => void) | null;
  readonly failures: NodeFailure[] = [];
  readonly outputLogs: Record<string, Array<[number, unknown]>> = {};
  errorSeries: Series<NodeFailure> | null = null;
  started = false;
  stopRequested = false;
  /** Set by the realtime loop: a push arrived, wake up. */
  wake: () => void = () => {};

  // The fields below up to the constructor are internal: the compiled fast
  // path (fast-path.ts) reads and writes them, nothing else outside this class.
  seqCounter = 0;
  readonly heap = new TimeHeap<HeapItem>();
  /** Nodes queued this cycle: none when -1. */
  maxDirty = -1;
  currentRank = -1;
  sampling = false;
  /**
   * Set while a batch of fast cycles runs whose pull source is advanced in
   * locals: brings the source's fields (and `seqCounter`) up to date. Called
   * before anything is put in the heap, and before a failure ends the run.
   */
  syncBatch: (() => void) | null = null;

  cycleSampledMs = 0;
  cyclesSampled = 0;

  private readonly deferred: HeapItem[] = [];
  private heads: (NodeImpl | null)[] = [];
  private tails: (NodeImpl | null)[] = [];
  private minDirty = Number.POSITIVE_INFINITY;
  private readonly fastPath: boolean;
  /** Each pull source's compiled loop, and the `clock.shape` it was compiled at. */
  private readonly fastLoops = new Map<PullSource<any>, { version: number; loop: FastLoop }>();

  constructor(opts: RuntimeOptions = {}) {
    this.hash = opts.hash ? new RunHash() : null;
    this.profileEvery = opts.profileEvery ?? 0;
    this.onFailure = opts.onFailure ?? null;
    this.fastPath = opts.fastPath ?? true;
  }

  /** A node asked the engine to stop after this cycle. */
  requestStop(): void {
    this.stopRequested = true;
    this.clock.interrupts++;
  }

  nextSeq(): number {
    if (this.syncBatch !== null) this.syncBatch();
    return this.seqCounter++;
  }

  newSeries<T>(name: string, producer: NodeImpl | null): Series<T> {
    const s = new Series<T>(this.series.length, name, this.clock, producer);
    this.series.push(s);
    return s;
  }

  // ---- scheduling -------------------------------------------------------

  schedule(item: HeapItem): void {
    if (this.syncBatch !== null) this.syncBatch();
    this.heap.push(item);
    this.clock.interrupts++; // a batch of fast cycles assumed nothing else was due before its end
  }

  /** Put a pull source back with its next event. */
  reschedule(src: PullSource<any>): void {
    if (this.syncBatch !== null) this.syncBatch();
    src.seq = this.seqCounter++;
    this.heap.push(src);
  }

  scheduleValue<T>(series: Series<T>, time: number, value: T): TimedEvent<T> {
    if (this.syncBatch !== null) this.syncBatch(); // before taking a sequence number
    const ev = new TimedEvent(time, this.seqCounter++, series, value);
    this.schedule(ev);
    return ev;
  }

  nextTime(): number | undefined {
    let top = this.heap.peek();
    while (top?.cancelled) {
      this.heap.pop();
      top = this.heap.peek();
    }
    return top?.time;
  }

  // ---- ticking ----------------------------------------------------------

  tick<T>(s: Series<T>, v: T): void {
    const c = this.clock;
    if (s.tickCycle === c.cycle) throw this.tickedTwice(s);
    s.value = v;
    s.tickCycle = c.cycle;
    s.tickCount++;
    s.lastTickTime = c.now;
    if (s.history !== null) s.history.push(c.now, v);
    const cs = s.consumers;
    for (let i = 0; i < cs.length; i++) this.wakeNode(cs[i]);
  }

  tickedTwice(s: Series<any>): GraphError {
    const who = s.producer ? `node '${s.producer.name}'` : `input '${s.name}'`;
    return new GraphError(`${who} ticked '${s.name}' twice in one cycle at engine time ${this.clock.now}`);
  }

  /** Queue the consumers of a series that ticked (the tail of `tick`, for the fast path). */
  wakeConsumers(s: Series<any>): void {
    const cs = s.consumers;
    for (let i = 0; i < cs.length; i++) this.wakeNode(cs[i]);
  }

  private wakeNode(n: NodeImpl): void {
    const cycle = this.clock.cycle;
    if (n.scheduledCycle === cycle) return;
    n.scheduledCycle = cycle;
    const r = n.rank;
    const tail = this.tails[r];
    if (tail) tail.nextDirty = n;
    else this.heads[r] = n;
    this.tails[r] = n;
    if (r > this.maxDirty) this.maxDirty = r;
    if (r < this.minDirty) this.minDirty = r;
  }

  /** Run one cycle at `time`: everything due then ticks, then the nodes it reaches. */
  runCycle(time: number): void {
    const c = this.clock;
    c.cycle++;
    c.now = time;
    const heap = this.heap;
    const every = this.profileEvery;
    this.sampling = every > 0 && c.cycle % every === 0;
    const t0 = this.sampling ? performance.now() : 0;
    let item = heap.peek();
    while (item !== undefined && item.time === time) {
      heap.pop();
      if (item.cancelled) {
        // dropped
      } else if (item.series.tickCycle === c.cycle) {
        this.deferred.push(item); // one tick per series per cycle: the rest go next cycle, same time
      } else {
        item.fire(this);
      }
      item = heap.peek();
    }
    if (this.deferred.length > 0) {
      for (const d of this.deferred) heap.push(d);
      this.deferred.length = 0;
    }
    this.propagate();
    if (this.sampling) {
      this.cycleSampledMs += performance.now() - t0;
      this.cyclesSampled++;
    }
  }

  /**
   * Cycles through the compiled loop of the pull source at the top of the
   * heap, for as long as it is the only thing due (at most `maxCycles`, none
   * after `end` or once a stop is asked). Returns how many ran: 0 when the
   * fast path does not apply and the caller should run a generic cycle.
   */
  runFast(stop: StopFlag, end: number, maxCycles: number): number {
    if (!this.fastPath || this.stopRequested || stop.stopRequested) return 0;
    const top = this.heap.peek();
    if (!(top instanceof PullSource) || top.mode !== "non_collapsing") return 0;
    let entry = this.fastLoops.get(top);
    const version = this.clock.shape;
    if (entry === undefined || entry.version !== version) {
      entry = { version, loop: compileFastLoop(this, top) };
      this.fastLoops.set(top, entry);
    }
    return entry.loop(end, maxCycles);
  }

  propagate(): void {
    const heads = this.heads;
    const tails = this.tails;
    for (let r = this.minDirty; r <= this.maxDirty; r++) {
      let n = heads[r];
      if (n === null || n === undefined) continue;
      heads[r] = null;
      tails[r] = null;
      this.currentRank = r;
      while (n !== null) {
        const next: NodeImpl | null = n.nextDirty;
        n.nextDirty = null;
        this.evaluate(n);
        n = next;
      }
    }
    this.currentRank = -1;
    this.minDirty = Number.POSITIVE_INFINITY;
    this.maxDirty = -1;
  }

  private evaluate(n: NodeImpl): void {
    if (n.dead) return;
    const scope = n.scope;
    if (scope?.failed) return;
    n.evals++;
    if (this.sampling) {
      const t0 = performance.now();
      this.invoke(n, scope);
      n.sampledMs += performance.now() - t0;
      n.sampledEvals++;
    } else {
      this.invoke(n, scope);
    }
  }

  private invoke(n: NodeImpl, scope: Scope | null): void {
    try {
      const direct = n.direct;
      if (direct !== null) {
        const r = direct(n.ctx);
        if (r !== undefined && n.out !== null) this.tick(n.out, r);
      } else n.run();
    } catch (e) {
      this.fail(n, scope, e);
    }
  }

  /** The run is ending inside a batch of fast cycles: leave its source as the generic path would. */
  private endBatch(): void {
    const sync = this.syncBatch;
    if (sync === null) return;
    this.syncBatch = null;
    sync();
  }

  fail(n: NodeImpl, scope: Scope | null, e: unknown): void {
    const err = e instanceof NodeError ? e : new NodeError(n.name, this.clock.now, e);
    if (scope === null) {
      this.endBatch();
      throw err;
    }
    scope.failures++;
    if (scope.onError === "disable") scope.failed = true;
    const failure: NodeFailure = {
      node: n.name,
      scope: scope.name,
      time: this.clock.now,
      message: err.message,
    };
    this.failures.push(failure);
    this.onFailure?.(failure);
    // Reported on the next cycle at the same time, like a feedback edge, so
    // the errors input stays a rank-0 source.
    if (this.errorSeries) this.scheduleValue(this.errorSeries, this.clock.now, failure);
  }

  // ---- building and starting ---------------------------------------------

  /** Prune, rank, subscribe and start: called once before the first cycle. */
  prepare(start: number): void {
    this.clock.now = start;
    markLive(this.nodes);
    assignRanks(this.nodes);
    for (const n of this.nodes) if (n.live) subscribe(n);
    this.resizeDirtyLists();
    const read = new Set<Series<any>>();
    for (const n of this.nodes) if (n.live) for (const s of n.inputs) read.add(s);
    for (const src of this.pullSources) {
      if (!read.has(src.series)) continue; // pruned: nothing live reads it
      if (src.prime(start)) this.reschedule(src);
      else src.onExhausted?.();
    }
    const order = this.nodes.filter((n) => n.live).sort((a, b) => a.rank - b.rank);
    for (const n of order) if (n.start) this.guarded(n, n.start);
    this.started = true;
  }

  /** Start and stop hooks are contained like the node body. */
  guarded(n: NodeImpl, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.fail(n, n.scope, e);
    }
  }

  finish(): void {
    for (const n of this.nodes) if (n.live && !n.dead && n.stop) this.guarded(n, n.stop);
  }

  /**
   * Nodes added while running (a dynamic sub-graph instance): rank them into
   * the graph, moving anything already queued this cycle if its rank changed.
   */
  addNodesWhileRunning(added: NodeImpl[]): void {
    this.clock.shape++;
    this.clock.interrupts++;
    for (const n of added) n.live = true;
    const queued: NodeImpl[] = [];
    for (let r = 0; r < this.heads.length; r++) {
      let n = this.heads[r];
      while (n) {
        const next: NodeImpl | null = n.nextDirty;
        n.nextDirty = null;
        queued.push(n);
        n = next;
      }
      this.heads[r] = null;
      this.tails[r] = null;
    }
    const before = this.currentRank;
    assignRanks(this.nodes.filter((n) => n.live && !n.dead));
    for (const n of added) subscribe(n);
    this.resizeDirtyLists();
    this.minDirty = Number.POSITIVE_INFINITY;
    this.maxDirty = -1;
    const cycle = this.clock.cycle;
    for (const n of queued) {
      if (n.rank <= before) throw new GraphError(`node '${n.name}' re-ranked below the running rank`);
      n.scheduledCycle = -1;
      this.wakeNode(n);
      n.scheduledCycle = cycle;
    }
    for (const n of added) if (n.start) this.guarded(n, n.start);
  }

  removeNodes(removed: NodeImpl[]): void {
    this.clock.shape++;
    this.clock.interrupts++;
    for (const n of removed) {
      if (n.stop && !n.dead) this.guarded(n, n.stop);
      n.dead = true;
      for (const s of n.inputs) {
        const i = s.consumers.indexOf(n);
        if (i >= 0) s.consumers.splice(i, 1);
      }
    }
    const gone = new Set(removed);
    let w = 0;
    for (const n of this.nodes) if (!gone.has(n)) this.nodes[w++] = n;
    this.nodes.length = w;
  }

  private resizeDirtyLists(): void {
    let max = 0;
    for (const n of this.nodes) if (n.rank > max) max = n.rank;
    while (this.heads.length <= max) {
      this.heads.push(null);
      this.tails.push(null);
    }
  }
}

function subscribe(n: NodeImpl): void {
  n.inputs.forEach((s, i) => {
    if (!n.passive[i] && !s.consumers.includes(n)) s.consumers.push(n);
  });
}

/** Keep only nodes from which an output (a sink) can be reached. */
function markLive(nodes: NodeImpl[]): void {
  const stack = nodes.filter((n) => n.sink);
  for (const n of stack) n.live = true;
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const s of n.inputs) {
      const up = s.producer ?? s.binder;
      if (up && !up.live) {
        up.live = true;
        stack.push(up);
      }
    }
  }
}

/**
 * rank = longest path from a source. A loop (possible only through a delayed
 * edge bound downstream) is rejected with its path.
 */
function assignRanks(nodes: NodeImpl[]): void {
  const state = new Map<NodeImpl, 1 | 2>(); // 1 visiting, 2 done
  const path: NodeImpl[] = [];
  const visit = (n: NodeImpl): number => {
    const st = state.get(n);
    if (st === 2) return n.rank;
    if (st === 1) {
      const from = path.indexOf(n);
      // path runs against the data flow (consumer to producer): print it with the flow
      const loop = [...path.slice(from), n]
        .reverse()
        .map((x) => x.name)
        .join(" -> ");
      throw new GraphError(`graph has a loop: ${loop} (use a feedback edge to close it on the next cycle)`);
    }
    state.set(n, 1);
    path.push(n);
    let rank = 1;
    for (const s of n.inputs)
      if (s.producer && !s.producer.dead) rank = Math.max(rank, visit(s.producer) + 1);
    path.pop();
    state.set(n, 2);
    n.rank = rank;
    return rank;
  };
  for (const n of nodes) visit(n);
}
