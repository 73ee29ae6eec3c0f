/**
 * The fast path (a pull source alone in its cycle, its sole-consumer chain run
 * by a generated loop) must be invisible: random graphs run with it and
 * without it give the same trace of every node evaluation, the same outputs,
 * run hash, failures and profiler counts. Plus direct checks that it is taken.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { soleConsumerChain } from "./fast-path";
import {
  accumulate,
  alarm,
  apply,
  contain,
  delay,
  diff,
  dynamicDemux,
  Engine,
  engineErrors,
  filter,
  merge,
  node,
  output,
  pullInput,
  type RunOptions,
  replayThenLive,
  runRealtime,
  type Series,
  sample,
  sink,
  sinkNode,
} from "./index";

type Op =
  | { k: "map"; from: number; mul: number }
  | { k: "filter"; from: number; mod: number }
  | { k: "acc"; from: number }
  | { k: "merge"; a: number; b: number }
  | { k: "sample"; trigger: number; x: number }
  | { k: "throws"; from: number; mod: number; onError: "disable" | "continue" }
  | { k: "emitTwice"; from: number; mod: number }
  | { k: "alarm"; from: number; delayMs: number }
  | { k: "delay"; from: number; ms: number }
  | { k: "diff"; from: number; lag: number }
  | { k: "output"; from: number }
  | { k: "sink"; from: number };

interface Spec {
  sources: Array<Array<[number, number]>>;
  /** Per source: read from parallel arrays (advanced lazily by the fast path) or from an iterator. */
  columns: boolean[];
  ops: Op[];
  profileEvery: number;
  end: number | undefined;
}

const idx = fc.nat(50);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant("map" as const), from: idx, mul: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ k: fc.constant("filter" as const), from: idx, mod: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ k: fc.constant("acc" as const), from: idx }),
  fc.record({ k: fc.constant("merge" as const), a: idx, b: idx }),
  fc.record({ k: fc.constant("sample" as const), trigger: idx, x: idx }),
  fc.record({
    k: fc.constant("throws" as const),
    from: idx,
    mod: fc.integer({ min: 3, max: 7 }),
    onError: fc.constantFrom("disable" as const, "continue" as const),
  }),
  fc.record({ k: fc.constant("emitTwice" as const), from: idx, mod: fc.integer({ min: 3, max: 9 }) }),
  fc.record({ k: fc.constant("alarm" as const), from: idx, delayMs: fc.constantFrom(0, 1, 5) }),
  fc.record({ k: fc.constant("delay" as const), from: idx, ms: fc.constantFrom(0, 2, 7) }),
  fc.record({ k: fc.constant("diff" as const), from: idx, lag: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ k: fc.constant("output" as const), from: idx }),
  fc.record({ k: fc.constant("sink" as const), from: idx }),
);
// Few distinct times, so sources collide and same-time events queue up.
const eventsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -20, max: 20 })), { maxLength: 40 })
  .map((evs) => evs.sort((a, b) => a[0] - b[0]));
const specArb: fc.Arbitrary<Spec> = fc.record({
  sources: fc.array(eventsArb, { minLength: 1, maxLength: 3 }),
  columns: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 14 }),
  profileEvery: fc.constantFrom(0, 0, 3),
  end: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
});

/** Builds the graph of `spec`; every evaluation is appended to `trace` in the order it ran. */
function graphOf(spec: Spec, trace: string[]): () => void {
  return () => {
    const pool: Series<number>[] = spec.sources.map((evs, i) =>
      spec.columns[i]
        ? pullInput(`src${i}`, { times: evs.map(([t]) => t), values: evs.map(([, v]) => v) })
        : pullInput(
            `src${i}`,
            evs.map(([t, v]) => [t, v] as const),
          ),
    );
    const pick = (i: number) => pool[i % pool.length];
    const note = (name: string, v: unknown) => trace.push(`${name}:${String(v)}`);
    spec.ops.forEach((op, i) => {
      const name = `${op.k}${i}`;
      switch (op.k) {
        case "map":
          pool.push(
            apply(
              pick(op.from),
              (v) => {
                note(name, v);
                return v * op.mul + 1;
              },
              name,
            ),
          );
          break;
        case "filter":
          pool.push(
            filter(
              pick(op.from),
              (v) => {
                note(name, v);
                return v % op.mod === 0;
              },
              name,
            ),
          );
          break;
        case "acc":
          pool.push(
            accumulate(
              pick(op.from),
              () => 0,
              (a, v) => {
                note(name, v);
                return a + v;
              },
            ),
          );
          break;
        case "merge":
          pool.push(merge(pick(op.a), pick(op.b)));
          break;
        case "sample":
          pool.push(sample(pick(op.trigger), pick(op.x)));
          break;
        case "throws":
          pool.push(
            contain(
              name,
              () =>
                node({
                  name,
                  inputs: { x: pick(op.from) },
                  onTick: ({ inputs }) => {
                    note(name, inputs.x.value);
                    if (Math.abs(inputs.x.value) % op.mod === 1) throw new Error(`bad ${inputs.x.value}`);
                    return inputs.x.value - 1;
                  },
                }),
              { onError: op.onError },
            ),
          );
          break;
        case "emitTwice":
          pool.push(
            contain(name, () =>
              node({
                name,
                inputs: { x: pick(op.from) },
                onTick: (ctx) => {
                  note(name, ctx.inputs.x.value);
                  if (Math.abs(ctx.inputs.x.value) % op.mod === 2) ctx.emit(0); // then the return ticks twice
                  return ctx.inputs.x.value;
                },
              }),
            ),
          );
          break;
        case "alarm":
          pool.push(
            node({
              name,
              inputs: { x: pick(op.from) },
              alarms: { later: alarm<number>() },
              onTick: ({ inputs, alarms }) => {
                if (inputs.x.ticked) alarms.later.schedule(op.delayMs, inputs.x.value);
                if (alarms.later.ticked) {
                  note(name, alarms.later.value);
                  return alarms.later.value;
                }
                return undefined;
              },
            }),
          );
          break;
        case "delay":
          pool.push(delay(pick(op.from), op.ms));
          break;
        case "diff":
          pool.push(diff(pick(op.from), op.lag));
          break;
        case "output":
          output(name, pick(op.from));
          break;
        case "sink":
          sink(name, pick(op.from), (t, v) => note(`${name}@${t}`, v));
          break;
      }
    });
    // Something always reads the last series, so the graph is never pruned empty.
    output("last", pool[pool.length - 1]);
  };
}

/** Cycles run by the fast path and in all, over every fast run: the property must exercise both paths. */
const usage = { fast: 0, all: 0 };

function runBoth(spec: Spec) {
  const once = (fastPath: boolean) => {
    const trace: string[] = [];
    const opts: RunOptions = { hash: true, profileEvery: spec.profileEvery, fastPath, end: spec.end };
    const e = new Engine(graphOf(spec, trace), opts);
    if (fastPath) {
      const runFast = e.rt.runFast.bind(e.rt);
      e.rt.runFast = (stop, end, max) => {
        const n = runFast(stop, end, max);
        usage.fast += n;
        return n;
      };
    }
    const result = simulate(e, (cycles) => {
      if (fastPath) usage.all += cycles;
    });
    return { trace, result, ...engineState(e) };
  };
  return { fast: once(true), generic: once(false) };
}

/** A simulation's outcome, or the error that ended it. */
function simulate(e: Engine, onCycles: (cycles: number) => void = () => {}): unknown {
  try {
    const r = e.runSimulation();
    onCycles(r.cycles);
    return { cycles: r.cycles, lastTime: r.lastTime, outputs: r.outputs, hash: r.hash, failures: r.failures };
  } catch (err) {
    return { threw: String(err) };
  }
}

/** What a run leaves behind that either path could get wrong. */
function engineState(e: Engine) {
  // Which cycles and evaluations were timed is deterministic too (the times themselves are not).
  const evals = e.rt.nodes.map((n) => `${n.name}#${n.rank}=${n.evals}/${n.sampledEvals}`);
  const series = e.rt.series.map((x) => [x.name, x.tickCount, x.lastTickTime, x.tickCycle, x.value]);
  const pulls = e.rt.pullSources.map((p) => [p.time, p.seq, p.index, p.nextValue]);
  return {
    series,
    pulls,
    seq: e.rt.seqCounter,
    evals: [...evals.sort(), `sampled cycles ${e.rt.cyclesSampled}`],
  };
}

/** Runs `graph` with and without the fast path; each run's outcome (or error) and what it left behind. */
function bothPaths(graph: (trace: string[]) => () => void, opts: RunOptions = {}) {
  const once = (fastPath: boolean) => {
    const trace: string[] = [];
    const e = new Engine(graph(trace), { hash: true, ...opts, fastPath });
    return { trace, result: simulate(e), ...engineState(e) };
  };
  const fast = once(true);
  expect(fast).toEqual(once(false));
  return fast;
}

/** Parallel arrays of `n` events, `perTime` of them at each time (columns: the fast path's lazy source). */
function columns(n: number, perTime = 1) {
  const times = Array.from({ length: n }, (_, i) => Math.floor(i / perTime) * 10);
  return { times, values: times.map((_, i) => i) };
}

describe("the fast path", () => {
  it("is invisible: random graphs give the same evaluation order, outputs, hash, failures and counts", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const { fast, generic } = runBoth(spec);
        expect(fast.trace).toEqual(generic.trace);
        expect(fast.result).toEqual(generic.result);
        expect(fast.evals).toEqual(generic.evals);
        expect(fast.series).toEqual(generic.series);
        expect(fast.pulls).toEqual(generic.pulls);
        expect(fast.seq).toBe(generic.seq);
      }),
      { numRuns: 300, seed: 20240601 },
    );
    expect(usage.fast).toBeGreaterThan(usage.all * 0.2);
    expect(usage.fast).toBeLessThan(usage.all * 0.9);
  });

  describe("a batch of fast cycles over a columns source", () => {
    const chain = (trace: string[], tail: (s: Series<number>) => void) => () => {
      const x = pullInput("x", columns(300, 3));
      const y = apply(
        x,
        (v) => {
          trace.push(`y:${v}`);
          return v * 2;
        },
        "double",
      );
      tail(filter(y, (v) => v % 3 !== 0, "thirds"));
    };

    it("stops at the run's end in the middle of the columns", () => {
      const r = bothPaths((trace) => chain(trace, (s) => output("out", s)), { end: 455 });
      expect(r.result).toMatchObject({ lastTime: 450, cycles: 138 });
      // The source was left loaded with the first event after the end.
      expect(r.pulls).toEqual([[460, expect.any(Number), 139, 138]]);
    });

    it("hands over to the heap when a chain node schedules (same-time events keep their order)", () => {
      const r = bothPaths((trace) =>
        chain(trace, (s) => sink("late", delay(s, 0), (t, v) => void trace.push(`late@${t}:${v}`))),
      );
      expect(r.trace.filter((l) => l.startsWith("late")).slice(0, 3)).toEqual([
        "late@0:2",
        "late@0:4",
        "late@10:8",
      ]);
    });

    it("keeps history of an intermediate series", () => {
      const r = bothPaths((trace) => chain(trace, (s) => output("d", diff(s, 2))));
      expect((r.result as { outputs: Record<string, unknown[]> }).outputs.d.length).toBeGreaterThan(100);
    });

    it("leaves the profiled cycles to the generic path, with the same counts", () => {
      const r = bothPaths((trace) => chain(trace, (s) => output("out", s)), { profileEvery: 7 });
      expect(r.evals).toContain("sampled cycles 42");
    });

    it("contains a failing chain node and carries on", () => {
      for (const onError of ["continue", "disable"] as const) {
        const r = bothPaths(
          (trace) => () => {
            const x = pullInput("x", columns(200, 2));
            const y = contain(
              "risky",
              () =>
                apply(
                  x,
                  (v) => {
                    trace.push(`risky:${v}`);
                    if (v % 7 === 6) throw new Error(`bad ${v}`);
                    return v;
                  },
                  "risky",
                ),
              { onError },
            );
            output(
              "y",
              accumulate(
                y,
                () => 0,
                (a, v) => a + v,
              ),
            );
            output("errors", engineErrors());
          },
          {},
        );
        expect((r.result as { failures: unknown[] }).failures.length).toBe(onError === "continue" ? 28 : 1);
      }
    });

    it("ends the run on an uncontained failure with the source where the generic path leaves it", () => {
      const r = bothPaths((trace) =>
        chain(trace, (s) =>
          output(
            "boom",
            apply(s, (v) => {
              if (v > 200) throw new Error("boom");
              return v;
            }),
          ),
        ),
      );
      expect(r.result).toEqual({ threw: expect.stringContaining("boom") });
    });

    it("reports time going backwards like the generic path", () => {
      const times = [0, 10, 20, 15, 30];
      const r = bothPaths((trace) => () => {
        output(
          "x",
          apply(pullInput("x", { times, values: times }), (v) => {
            trace.push(`x:${v}`);
            return v;
          }),
        );
      });
      expect(r.result).toEqual({ threw: expect.stringContaining("time went backwards at event 3") });
      // Loading 15 fails in the cycle of 20, before 20 reaches the chain.
      expect(r.trace).toEqual(["x:0", "x:10"]);
    });
  });

  it("runs a source's sole-consumer chain, stops at a fan-out, and counts every cycle", () => {
    const times = Array.from({ length: 500 }, (_, i) => i * 10);
    const seen: number[] = [];
    let x: Series<number> | null = null;
    const e = new Engine(() => {
      x = pullInput("x", { times, values: times.map((t) => t / 10) });
      const y = apply(x, (v) => v * 3, "triple");
      const z = filter(y, (v) => v % 2 === 0, "even");
      const s = accumulate(
        z,
        () => 0,
        (a, v) => a + v,
      );
      // Two readers of s: the chain ends at accumulate, the rest goes through the rank queues.
      sinkNode({ name: "a", inputs: { s }, onTick: ({ inputs }) => void seen.push(inputs.s.value) });
      output("b", s, { record: false });
    });
    const r = e.runSimulation();
    expect(soleConsumerChain(x!).map((n) => n.name)).toEqual(["triple", "even", "accumulate"]);
    expect(r.cycles).toBe(500);
    // Sum of 3v over even 3v (v even) for v < 500: 3 * (0 + 2 + ... + 498).
    expect(seen.at(-1)).toBe(3 * 2 * ((249 * 250) / 2));
    expect(seen.length).toBe(250);
    const evals = Object.fromEntries(e.profile().nodes.map((n) => [n.name, n.evals]));
    expect(evals).toMatchObject({ triple: 500, even: 500, accumulate: 250, a: 250, "output:b": 250 });
  });

  it("takes the compiled loop for a lone pull source (cycles run through runFast)", () => {
    const times = Array.from({ length: 100 }, (_, i) => i);
    const e = new Engine(() => {
      output(
        "y",
        apply(pullInput("x", { times, values: times }), (v) => v + 1),
      );
    });
    const rt = e.rt;
    let viaFast = 0;
    const runFast = rt.runFast.bind(rt);
    rt.runFast = (stop, end, max) => {
      const n = runFast(stop, end, max);
      viaFast += n;
      return n;
    };
    const r = e.runSimulation();
    expect(r.cycles).toBe(100);
    expect(viaFast).toBe(100);
    expect(r.outputs.y.map(([, v]) => v)).toEqual(times.map((v) => v + 1));
  });

  it("agrees with the generic path on keyed dynamic sub-graphs fed by a pull source", () => {
    const g = (trace: string[]) => () => {
      const x = pullInput(
        "x",
        [1, 2, 2, 3, 5, 5, 8, 9].map((t, i) => [t, i] as const),
      );
      const per = dynamicDemux(
        x,
        (v) => v % 3,
        (key, input) => {
          const y = apply(input, (v) => {
            trace.push(`k${key}:${v}`);
            return v * 10;
          });
          return accumulate(
            y,
            () => 0,
            (a, v) => a + v,
          );
        },
      );
      output(
        "per",
        apply(per, (m) => [...m.entries()].sort()),
      );
    };
    const a: string[] = [];
    const b: string[] = [];
    const fast = new Engine(g(a), { hash: true }).runSimulation();
    const generic = new Engine(g(b), { hash: true, fastPath: false }).runSimulation();
    expect(a).toEqual(b);
    expect(fast.outputs).toEqual(generic.outputs);
    expect(fast.hash).toBe(generic.hash);
    // Index 7 (time 9) lands on key 1 after 1 (time 2) and 4 (time 5): 10 + 40 + 70.
    expect(fast.outputs.per.at(-1)![1]).toEqual([[1, 120]]);
  });

  it("switches a replay-then-live input to live within the cycle of its last recorded event", () => {
    const g = (seen: boolean[]) => () => {
      const h = replayThenLive(
        "h",
        [1, 2, 3, 4].map((t) => [t * 10, t] as const),
        { key: (v) => v },
      );
      output(
        "live",
        apply(h.series, () => {
          seen.push(h.live());
          return h.live();
        }),
      );
    };
    const fast: boolean[] = [];
    const generic: boolean[] = [];
    new Engine(g(fast)).runSimulation();
    new Engine(g(generic), { fastPath: false }).runSimulation();
    expect(fast).toEqual([false, false, false, true]);
    expect(generic).toEqual(fast);
  });

  it("gives the same run hash paced in realtime as in simulation", async () => {
    const times = Array.from({ length: 2000 }, (_, i) => i);
    const g = () => {
      const x = pullInput("x", { times, values: times });
      output(
        "sum",
        accumulate(
          filter(x, (v) => v % 3 !== 0),
          () => 0,
          (a, v) => a + v,
        ),
        { record: false },
      );
    };
    const sim = new Engine(g, { hash: true, start: 0 }).runSimulation();
    const paced = await runRealtime(g, { hash: true, start: 0, realtime: false, speed: 1_000_000 });
    expect(paced.cycles).toBe(2000);
    expect(paced.hash).toBe(sim.hash);
  });
});
