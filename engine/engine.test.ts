import { describe, expect, it } from "vitest";
import {
  alarm,
  apply,
  collect,
  constant,
  contain,
  count,
  delay,
  delayedEdge,
  diff,
  dropDuplicates,
  dynamic,
  dynamicDemux,
  Engine,
  engineErrors,
  feedback,
  filter,
  firstN,
  flatten,
  GraphError,
  merge,
  NodeError,
  node,
  output,
  pullInput,
  pushInput,
  replayThenLive,
  run,
  runRealtime,
  type Series,
  sample,
  sink,
  timer,
  unroll,
} from "./index";

const values = (log: Array<[number, unknown]> | undefined) => (log ?? []).map(([, v]) => v);

describe("cycles and ranks", () => {
  it("ticks all inputs due at one time together and runs a diamond's join once", () => {
    const r = run(() => {
      const x = pullInput("x", [
        [10, 1],
        [20, 2],
      ]);
      const a = apply(x, (v) => v + 1, "a");
      const b = apply(a, (v) => v * 10, "b");
      // join reads x (rank 0) and b (rank 2): must run once per cycle, after b
      const join = node({
        name: "join",
        inputs: { x, b },
        state: () => ({ runs: 0 }),
        onTick: ({ inputs, state }) => `${++state.runs}:${inputs.x.value}+${inputs.b.value}`,
      });
      output("join", join);
    });
    expect(r.outputs.join).toEqual([
      [10, "1:1+20"],
      [20, "2:2+30"],
    ]);
  });

  it("gives each same-time event of a non-collapsing input its own cycle", () => {
    const r = run(() => {
      const x = pullInput("x", [
        [5, "a"],
        [5, "b"],
        [7, "c"],
      ]);
      output("x", x);
      output("n", count(x));
    });
    expect(r.outputs.x).toEqual([
      [5, "a"],
      [5, "b"],
      [7, "c"],
    ]);
    expect(r.cycles).toBe(3);
  });

  it("collapses same-time events to the last in last_value mode, and lists them in burst mode", () => {
    const events = [
      [5, "a"],
      [5, "b"],
      [7, "c"],
    ] as const;
    const r = run(() => {
      output("last", pullInput("last", events, { mode: "last_value" }));
      output("burst", pullInput("burst", events, { mode: "burst" }));
    });
    expect(r.outputs.last).toEqual([
      [5, "b"],
      [7, "c"],
    ]);
    expect(r.outputs.burst).toEqual([
      [5, ["a", "b"]],
      [7, ["c"]],
    ]);
  });

  it("refuses a second output in one cycle, naming the node", () => {
    expect(() =>
      run(() => {
        const x = pullInput("x", [[1, 1]]);
        output(
          "twice",
          node({
            name: "chatty",
            inputs: { x },
            onTick: (ctx) => {
              ctx.emit(1);
              ctx.emit(2);
            },
          }),
        );
      }),
    ).toThrow(/chatty.*twice in one cycle/);
  });

  it("reports ticked and valid per input", () => {
    const r = run(() => {
      const a = pullInput("a", [
        [1, 1],
        [3, 3],
      ]);
      const b = pullInput("b", [[2, 2]]);
      output(
        "seen",
        node({
          name: "seen",
          inputs: { a, b },
          onTick: ({ inputs }) =>
            `${inputs.a.ticked ? "A" : "-"}${inputs.b.ticked ? "B" : "-"}${inputs.b.valid ? "v" : "x"}`,
        }),
      );
    });
    expect(values(r.outputs.seen)).toEqual(["A-x", "-Bv", "A-v"]);
  });

  it("does not wake a node on a passive input, but lets it read the value", () => {
    const r = run(() => {
      const trigger = pullInput("t", [
        [2, true],
        [6, true],
      ]);
      const x = pullInput("x", [
        [1, "one"],
        [3, "three"],
        [4, "four"],
      ]);
      output("sampled", sample(trigger, x));
    });
    expect(r.outputs.sampled).toEqual([
      [2, "one"],
      [6, "four"],
    ]);
  });
});

describe("history", () => {
  it("keeps the last N ticks and reads them by offset", () => {
    const r = run(() => {
      const x = pullInput(
        "x",
        [1, 2, 3, 4, 5].map((v) => [v * 10, v] as const),
      );
      output("d2", diff(x, 2));
      output(
        "last3",
        node({
          name: "last3",
          inputs: { x },
          history: { x: { ticks: 3 } },
          onTick: ({ inputs }) => [inputs.x.ago(0), inputs.x.ago(1), inputs.x.ago(2)],
        }),
      );
    });
    expect(values(r.outputs.d2)).toEqual([2, 2, 2]);
    expect(values(r.outputs.last3).at(-1)).toEqual([5, 4, 3]);
  });

  it("keeps a time window, left-open, and answers value-as-of-time", () => {
    const r = run(() => {
      const x = pullInput(
        "x",
        [0, 10, 20, 30, 40].map((t) => [t, t / 10] as const),
      );
      output(
        "win",
        node({
          name: "win",
          inputs: { x },
          history: { x: { window: 20 } },
          onTick: ({ inputs }) => ({ w: inputs.x.window(20).values, at15: inputs.x.valueAt(15) }),
        }),
      );
    });
    const last = values(r.outputs.win).at(-1) as { w: number[]; at15: number | undefined };
    expect(last.w).toEqual([3, 4]); // (20, 40]: 20 is out
    const at30 = values(r.outputs.win)[3] as { w: number[]; at15: number };
    expect(at30.at15).toBe(1);
  });
});

describe("alarms and state", () => {
  it("schedules, reschedules and cancels; same-time alarms fire in order, one per cycle", () => {
    const r = run(
      () => {
        const out = node({
          name: "alarms",
          inputs: {},
          alarms: { a: alarm<string>(), b: alarm<string>() },
          state: () => ({ starts: 0 }),
          start: (ctx) => {
            ctx.state.starts++;
            ctx.alarms.a.schedule(10, "a1");
            ctx.alarms.a.schedule(10, "a2");
            const h = ctx.alarms.b.schedule(5, "cancelled");
            ctx.alarms.b.cancel(h);
            const h2 = ctx.alarms.b.schedule(5, "moved");
            ctx.alarms.b.reschedule(h2, 20);
          },
          onTick: (ctx) => `${ctx.now()}:${ctx.alarms.a.ticked ? ctx.alarms.a.value : ctx.alarms.b.value}`,
        });
        output("out", out);
      },
      { start: 100 },
    );
    expect(values(r.outputs.out)).toEqual(["110:a1", "110:a2", "120:moved"]);
  });
});

describe("graph structure", () => {
  it("delivers a feedback edge on the next cycle at the same time", () => {
    const r = run(() => {
      const x = pullInput("x", [
        [1, 1],
        [2, 2],
      ]);
      const fb = feedback<number>("prevTotal");
      const total = node({
        name: "total",
        inputs: { x, prev: fb.out },
        state: () => ({ t: 0 }),
        onTick: ({ inputs, state }) => {
          if (inputs.x.ticked) state.t += inputs.x.value;
          return inputs.prev.ticked ? undefined : state.t;
        },
      });
      fb.bind(total);
      output("total", total);
      output("echo", fb.out);
    });
    expect(r.outputs.echo).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(r.cycles).toBe(4); // each input cycle is followed by its feedback cycle
  });

  it("rejects a loop when the graph starts, printing its path", () => {
    const e = new Engine(() => {
      const x = pullInput("x", [[1, 1]]);
      const edge = delayedEdge<number>("back");
      const a = node({ name: "a", inputs: { x, back: edge.out }, onTick: ({ inputs }) => inputs.x.value });
      const b = apply(a, (v) => v + 1, "b");
      edge.bind(b);
      output("b", b);
    });
    expect(() => e.runSimulation()).toThrow(GraphError);
    expect(() =>
      new Engine(() => {
        const x = pullInput("x", [[1, 1]]);
        const edge = delayedEdge<number>("back");
        const a = node({ name: "a", inputs: { x, back: edge.out }, onTick: ({ inputs }) => inputs.x.value });
        const b = apply(a, (v) => v + 1, "b");
        edge.bind(b);
        output("b", b);
      }).runSimulation(),
    ).toThrow(/loop: .*(a -> b -> back -> a|b -> back -> a -> b|back -> a -> b -> back)/);
  });

  it("prunes nodes that reach no output: they never run", () => {
    let ranUnused = 0;
    const e = new Engine(() => {
      const x = pullInput("x", [[1, 1]]);
      apply(x, () => ranUnused++, "unused");
      output(
        "used",
        apply(x, (v) => v, "used"),
      );
    });
    e.runSimulation();
    expect(ranUnused).toBe(0);
    expect(e.graphJson().nodes.map((n) => n.name)).not.toContain("unused");
  });

  it("exports the graph as JSON and DOT", () => {
    const e = new Engine(() => {
      const x = pullInput("x", [[1, 1]]);
      output(
        "y",
        apply(x, (v) => v * 2, "double"),
      );
    });
    e.runSimulation();
    const g = e.graphJson();
    const dbl = g.nodes.find((n) => n.name === "double")!;
    expect(dbl.ticks).toBe(1);
    expect(g.edges).toContainEqual({ from: g.sources[0].id, to: `n${dbl.id}`, series: "x", passive: false });
    expect(e.graphDot()).toMatch(/digraph engine[\s\S]*"double"[\s\S]*->/);
  });
});

describe("dynamic sub-graphs", () => {
  it("creates a sub-graph on first sight of a key and tears it down when the key leaves", () => {
    const started: string[] = [];
    const stopped: string[] = [];
    const snapshots: Array<[number, ReadonlyMap<string, number>]> = [
      [1, new Map([["a", 1]])],
      [
        2,
        new Map([
          ["a", 2],
          ["b", 10],
        ]),
      ],
      [3, new Map([["b", 20]])],
      [4, new Map([["a", 5]])],
    ];
    const r = run(() => {
      const src = pullInput("snap", snapshots);
      const sums = dynamic(
        src,
        (key, input) =>
          node({
            name: `sum[${key}]`,
            inputs: { input },
            state: () => ({ total: 0 }),
            start: () => started.push(key),
            stop: () => stopped.push(key),
            onTick: ({ inputs, state }) => (state.total += inputs.input.value),
          }),
        { removeMissing: true },
      );
      output(
        "sums",
        apply(sums, (m) => Object.fromEntries(m)),
      );
    });
    expect(values(r.outputs.sums)).toEqual([{ a: 1 }, { a: 3, b: 10 }, { b: 30 }, { a: 5 }]);
    expect(started).toEqual(["a", "b", "a"]);
    expect(stopped.slice(0, 2)).toEqual(["a", "b"]); // a left at t=3, b at t=4
  });

  it("ranks a sub-graph deeper than the graph downstream of it", () => {
    const r = run(() => {
      const x = pullInput("x", [
        [1, "k"],
        [2, "k"],
      ]);
      const deep = dynamicDemux(
        x,
        (v) => v,
        (_k, input) => {
          let s: Series<number> = apply(input, () => 1);
          for (let i = 0; i < 5; i++) s = apply(s, (v) => v + 1);
          return s;
        },
      );
      // reads x and the dynamic output together: must see the sub-graph's value of this cycle
      output(
        "join",
        node({
          name: "join",
          inputs: { x, deep },
          onTick: ({ inputs }) => (inputs.deep.ticked ? inputs.deep.value.get("k") : "stale"),
        }),
      );
    });
    expect(values(r.outputs.join)).toEqual([6, 6]);
  });
});

describe("failures", () => {
  it("reports a throwing node with its name and engine time", () => {
    expect(() =>
      run(
        () => {
          const x = pullInput("x", [[Date.UTC(2022, 0, 1), 1]]);
          output(
            "bad",
            apply(
              x,
              () => {
                throw new Error("boom");
              },
              "broken_metric",
            ),
          );
        },
        { start: Date.UTC(2022, 0, 1) },
      ),
    ).toThrow(/node 'broken_metric' failed at 2022-01-01T00:00:00.000Z: boom/);
  });

  it("contains a failure to its sub-graph: the rest goes on, and the failure is reported", () => {
    const r = run(() => {
      const x = pullInput(
        "x",
        [1, 2, 3].map((v) => [v, v] as const),
      );
      const bad = contain("metrics.bad", () =>
        apply(
          x,
          (v) => {
            if (v === 2) throw new Error("bad input");
            return v;
          },
          "fragile",
        ),
      );
      output("bad", bad);
      output(
        "good",
        apply(x, (v) => v * 10),
      );
      output(
        "errors",
        apply(engineErrors(), (e) => `${e.scope}/${e.node}@${e.time}`),
      );
    });
    expect(values(r.outputs.good)).toEqual([10, 20, 30]);
    expect(values(r.outputs.bad)).toEqual([1]); // disabled after the failure
    expect(values(r.outputs.errors)).toEqual(["metrics.bad/fragile@2"]);
    expect(r.failures[0].message).toMatch(/fragile.*bad input/);
  });

  it("can keep a contained sub-graph running after a failure", () => {
    const r = run(() => {
      const x = pullInput(
        "x",
        [1, 2, 3].map((v) => [v, v] as const),
      );
      const out = contain(
        "lenient",
        () =>
          apply(x, (v) => {
            if (v === 2) throw new Error("skip me");
            return v;
          }),
        { onError: "continue" },
      );
      output("out", out);
    });
    expect(values(r.outputs.out)).toEqual([1, 3]);
    expect(r.failures).toHaveLength(1);
    expect(NodeError).toBeDefined();
  });
});

describe("standard library", () => {
  it("computes the basic operators", () => {
    const r = run(
      () => {
        const x = pullInput(
          "x",
          [1, 2, 2, 3, 4].map((v, i) => [i * 10, v] as const),
        );
        output(
          "filter",
          filter(x, (v) => v % 2 === 0),
        );
        output("dd", dropDuplicates(x));
        output("first2", firstN(x, 2));
        output("delayed", delay(firstN(x, 1), 5));
        output("merge", merge(firstN(x, 1), x));
        output("flat", flatten([firstN(x, 1), firstN(x, 1)]));
        output("collect", collect([x, firstN(x, 1)]));
        output("unroll", unroll(constant([7, 8])));
        output("timer", firstN(timer(15, "t"), 2));
      },
      { end: 100 },
    );
    expect(values(r.outputs.filter)).toEqual([2, 2, 4]);
    expect(values(r.outputs.dd)).toEqual([1, 2, 3, 4]);
    expect(values(r.outputs.first2)).toEqual([1, 2]);
    expect(r.outputs.delayed).toEqual([[5, 1]]);
    expect(values(r.outputs.merge)).toEqual([1, 2, 2, 3, 4]);
    expect(r.outputs.flat).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(values(r.outputs.collect)[0]).toEqual([1, 1]);
    expect(r.outputs.unroll).toEqual([
      [0, 7],
      [0, 8],
    ]);
    expect(r.outputs.timer).toEqual([
      [15, "t"],
      [30, "t"],
    ]);
  });
});

describe("realtime", () => {
  it("drains pushes that arrived since the last cycle into cycles at wall-clock time, per mode", async () => {
    let pushNc: (v: number) => void = () => {};
    let pushLast: (v: number) => void = () => {};
    let pushBurst: (v: number) => void = () => {};
    const e = new Engine(
      () => {
        const nc = pushInput<number>("nc");
        const last = pushInput<number, "last_value">("last", { mode: "last_value" });
        const burst = pushInput<number, "burst">("burst", { mode: "burst" });
        pushNc = nc.push;
        pushLast = last.push;
        pushBurst = burst.push;
        output("nc", nc.series);
        output("last", last.series);
        output("burst", burst.series);
      },
      { realtime: true, duration: 300 },
    );
    const done = e.runRealtime();
    setTimeout(() => {
      for (const v of [1, 2, 3]) {
        pushNc(v);
        pushLast(v);
        pushBurst(v);
      }
    }, 50);
    const r = await done;
    expect(values(r.outputs.nc)).toEqual([1, 2, 3]);
    expect(values(r.outputs.last)).toEqual([3]);
    expect(values(r.outputs.burst)).toEqual([[1, 2, 3]]);
    const times = new Set(r.outputs.nc.map(([t]) => t));
    expect(times.size).toBe(1); // all at one engine time
    const t = [...times][0];
    expect(t - r.start).toBeGreaterThanOrEqual(45);
    expect(t - r.start).toBeLessThan(250);
  });

  it("fires timers at exactly their scheduled engine time", async () => {
    const r = await runRealtime(
      () => {
        output("t", timer(40));
      },
      { duration: 200 },
    );
    expect(r.outputs.t.map(([t]) => t - r.start)).toEqual([40, 80, 120, 160, 200]);
  });

  it("plays history then switches to live without a gap or a duplicate", async () => {
    const now = Date.now();
    const history = [1, 2, 3, 4, 5].map((i) => [now - 5000 + i * 100, { seq: i }] as const);
    let handle: { push(v: { seq: number }): void; live(): boolean } | null = null;
    const e = new Engine(
      () => {
        const p = replayThenLive("feed", history, { key: (v: { seq: number }) => v.seq });
        handle = p;
        output(
          "seq",
          apply(p.series, (v) => v.seq),
        );
      },
      { realtime: true, start: now - 5000, duration: 5000 + 300 },
    );
    // Live pushes that overlap the end of history (4, 5) arrive before the replay is done.
    handle!.push({ seq: 4 });
    handle!.push({ seq: 5 });
    handle!.push({ seq: 6 });
    const done = e.runRealtime();
    setTimeout(() => handle!.push({ seq: 7 }), 100);
    const r = await done;
    expect(values(r.outputs.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const t = r.outputs.seq.map(([time]) => time);
    expect(t.slice(0, 5)).toEqual(history.map(([time]) => time)); // history at its own times
    expect(t[5]).toBeGreaterThanOrEqual(now); // live at wall-clock time
  });

  it("says when it has run every cycle due and starts to wait, not between the cycles of a catch-up", async () => {
    const now = Date.now();
    const log: Array<number | "caught up"> = [];
    const quiet: number[] = [];
    let push: (v: number) => void = () => {};
    const e = new Engine(
      () => {
        const history = pullInput(
          "history",
          [1, 2, 3, 4, 5].map((i) => [now - 5000 + i * 100, i] as const),
        );
        const live = pushInput<number>("live");
        push = live.push;
        sink("log", merge(history, live.series), (_t, v) => log.push(v));
      },
      {
        realtime: true,
        start: now - 5000,
        duration: 5000 + 200,
        // Called at every wait: note it once after the outputs it completes.
        onCaughtUp: (quietForMs) => {
          if (log.at(-1) !== "caught up") log.push("caught up");
          quiet.push(quietForMs);
        },
      },
    );
    const done = e.runRealtime();
    setTimeout(() => push(7), 80);
    await done;
    expect(log).toEqual([1, 2, 3, 4, 5, "caught up", 7, "caught up"]);
    // Nothing scheduled after the history but the run's end (200 ms after the wall clock of the start).
    expect(quiet[0]).toBeGreaterThan(100);
    expect(quiet[0]).toBeLessThanOrEqual(200);
    expect(quiet.at(-1)).toBeLessThanOrEqual(200 - 80);
  });

  it("paces a simulation at a speed factor", async () => {
    const t0 = Date.now();
    const r = await new Engine(
      () => {
        output(
          "x",
          pullInput(
            "x",
            [0, 1000, 2000].map((t) => [t, t] as const),
          ),
        );
      },
      { start: 0, speed: 10 },
    ).runRealtime();
    const wall = Date.now() - t0;
    expect(values(r.outputs.x)).toEqual([0, 1000, 2000]);
    expect(wall).toBeGreaterThanOrEqual(190); // 2000 engine ms at 10x
    expect(wall).toBeLessThan(1500);
  });
});

describe("replay controls", () => {
  const minuteEvents = () => Array.from({ length: 61 }, (_, i) => [i * 1000, i] as const);

  it("seeks forward at full speed, then keeps pacing", async () => {
    const e = new Engine(() => output("x", pullInput("x", minuteEvents())), { start: 0, speed: 1 });
    const done = e.runRealtime();
    expect(e.seek(30_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    e.stop();
    const r = await done;
    const seen = values(r.outputs.x) as number[];
    expect(seen.slice(0, 31)).toEqual(Array.from({ length: 31 }, (_, i) => i)); // all of 0..30 s, none skipped
    expect(seen.length).toBeLessThanOrEqual(32); // and then 1x pacing: at most one more in 100 ms
    expect(e.seek(1_000)).toBe(false); // backward needs a fresh engine
  });

  it("pauses, then plays at a new speed", async () => {
    const e = new Engine(() => output("x", pullInput("x", minuteEvents())), { start: 0, speed: 1 });
    const done = e.runRealtime();
    e.pause();
    await new Promise((r) => setTimeout(r, 60));
    expect(e.paused).toBe(true);
    e.setSpeed(2_000); // 60 s of engine time in 30 ms of wall time
    e.play();
    const t0 = Date.now();
    const r = await done;
    expect(values(r.outputs.x)).toHaveLength(61);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(e.speed).toBe(2_000);
  });
});

describe("profiler and run hash", () => {
  it("counts every evaluation and samples timings", () => {
    const e = new Engine(
      () => {
        const x = pullInput("x", {
          times: Array.from({ length: 1000 }, (_, i) => i),
          values: Array.from({ length: 1000 }, (_, i) => i),
        });
        output(
          "y",
          apply(x, (v) => v + 1, "inc"),
          { record: false },
        );
      },
      { profileEvery: 10 },
    );
    e.runSimulation();
    const p = e.profile();
    expect(p.cycles).toBe(1000);
    expect(p.nodes.find((n) => n.name === "inc")!.evals).toBe(1000);
    expect(p.estCycleMs).toBeGreaterThan(0);
  });

  it("gives equal hashes for equal runs and different hashes when a value differs", () => {
    const g = (bump: number) => () => {
      const x = pullInput(
        "x",
        [1, 2, 3].map((v) => [v, v] as const),
      );
      output(
        "y",
        apply(x, (v) => (v === 3 ? v + bump : v)),
      );
    };
    const a = run(g(0), { hash: true }).hash;
    const b = run(g(0), { hash: true }).hash;
    const c = run(g(1), { hash: true }).hash;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});
