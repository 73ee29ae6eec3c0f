/**
 * The examples of the talk that started the project (../shared/seed/),
 * ported to this engine's TypeScript API, each asserting its output.
 */
import { describe, expect, it } from "vitest";
import {
  alarm,
  apply,
  constant,
  Engine,
  flatten,
  MINUTE,
  node,
  output,
  print,
  pullInput,
  pushInput,
  run,
  runRealtime,
  SECOND,
  type Series,
  timer,
} from "./index";

const titleCase = (s: string) => s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());

function helloWorld(lines: string[]) {
  return () => {
    const hw = constant("hElLo wOrLd"); // input adapter
    const low = apply(hw, titleCase); // node
    print("Message", low, (l) => lines.push(l)); // output adapter
  };
}

const isVowel = (c: string) => "aeiou".includes(c);

function pigLatin(text: Series<string>): Series<string> {
  return node({
    name: "pig_latin",
    inputs: { text },
    onTick: ({ inputs }) => {
      const t = inputs.text.value;
      if (t.length <= 2) throw new Error(`pig_latin needs more than 2 letters, got '${t}'`);
      let pl: string;
      if (!isVowel(t[0])) pl = isVowel(t[1]) ? t.slice(1) + t[0] : t.slice(2) + t.slice(0, 2);
      else pl = `${t}w`;
      return `${pl}ay`;
    },
  });
}

/** mulberry32: a small seeded PRNG, so the Poisson run is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The talk's poisson_counter: alarms, state, and a start block. `lam` is the mean gap in seconds. */
function poissonCounter(lam: number, random: () => number): Series<number> {
  const exponential = () => -Math.log(1 - random()) * lam;
  return node({
    name: "poisson_counter",
    alarms: { a: alarm<number>() },
    state: () => ({ cnt: 0 }),
    start: ({ alarms }) => {
      alarms.a.schedule(exponential() * SECOND, 1);
    },
    onTick: ({ alarms, state }) => {
      if (alarms.a.ticked) {
        state.cnt += 1;
        alarms.a.schedule(exponential() * SECOND, 1);
      }
      return state.cnt;
    },
  });
}

describe("the talk's examples", () => {
  it("hello world, in simulation from 2022-01-01: the printed engine time is that date", () => {
    const lines: string[] = [];
    run(helloWorld(lines), { start: new Date("2022-01-01T00:00:00Z").getTime(), duration: SECOND });
    expect(lines).toEqual(["2022-01-01T00:00:00.000Z Message:Hello World"]);
  });

  it("hello world, in realtime for one second", async () => {
    const lines: string[] = [];
    const before = Date.now();
    const r = await runRealtime(helloWorld(lines), { duration: SECOND });
    const after = Date.now();
    expect(lines).toHaveLength(1);
    const printed = Date.parse(lines[0].slice(0, 24));
    expect(printed).toBeGreaterThanOrEqual(before);
    expect(printed).toBeLessThanOrEqual(before + 100);
    expect(lines[0].slice(25)).toBe("Message:Hello World");
    expect(after - before).toBeGreaterThanOrEqual(SECOND - 5); // it ran for the second
    expect(r.lastTime).toBe(printed);
  });

  it("pig latin, and the graph that flattens two of them", () => {
    const lines: string[] = [];
    run(() => {
      const hello = constant("hello");
      const world = constant("world");
      const latin = [pigLatin(hello), pigLatin(world)];
      print("Pig Latin", flatten(latin), (l) => lines.push(l.slice(25)));
    });
    expect(lines).toEqual(["Pig Latin:ellohay", "Pig Latin:orldway"]);
    const more = run(() => {
      output(
        "words",
        pigLatin(
          pullInput(
            "w",
            ["apple", "string", "banana"].map((w, i) => [i, w] as const),
          ),
        ),
      );
    });
    expect(more.outputs.words.map(([, v]) => v)).toEqual(["appleway", "ringstay", "ananabay"]); // the talk moves at most two consonants: st|ring -> ring+st+ay;
  });

  it("the Poisson counter counts at its rate over a long simulated run", () => {
    const lam = 2; // mean gap, seconds: rate 0.5/s
    const hours = 3;
    const r = run(
      () => {
        output("count", poissonCounter(lam, mulberry32(72)));
      },
      { start: 0, end: hours * 3600 * SECOND },
    );
    const counts = r.outputs.count;
    const expected = (hours * 3600) / lam; // 5400
    const final = counts.at(-1)![1] as number;
    // Poisson: sd = sqrt(5400) ~ 73; 4 sd is ~5.4%.
    expect(Math.abs(final - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // Counting is by alarm only: one tick per alarm, each +1.
    expect(counts.every(([, v], i) => v === i + 1)).toBe(true);
    // Gaps are exponential: mean ~ lam, and about e^-1 of gaps exceed lam.
    const gaps = counts.slice(1).map(([t], i) => (t - counts[i][0]) / SECOND);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(lam * 0.95);
    expect(mean).toBeLessThan(lam * 1.05);
    const longShare = gaps.filter((g) => g > lam).length / gaps.length;
    expect(Math.abs(longShare - Math.exp(-1))).toBeLessThan(0.03);
  });

  it("wait-time statistics (mean, p90, p99) over a ticking map, like the talk's dashboard", () => {
    // station -> minutes until the next train
    const snapshots: Array<[number, ReadonlyMap<string, number>]> = [
      [0, new Map(Array.from({ length: 100 }, (_, i) => [`s${i}`, i + 1] as const))], // 1..100
      [
        MINUTE,
        new Map([
          ["a", 4],
          ["b", 4],
          ["c", 10],
        ]),
      ],
    ];
    const r = run(() => {
      const waits = pullInput("waits", snapshots);
      output(
        "stats",
        node({
          name: "wait_time_stats",
          inputs: { waits },
          onTick: ({ inputs }) => {
            const v = [...inputs.waits.value.values()].sort((a, b) => a - b);
            // nearest-rank percentiles, as the talk's dashboard used
            const pct = (p: number) => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)];
            return { mean: v.reduce((a, b) => a + b, 0) / v.length, p90: pct(0.9), p99: pct(0.99) };
          },
        }),
      );
    });
    expect(r.outputs.stats.map(([, s]) => s)).toEqual([
      { mean: 50.5, p90: 90, p99: 99 },
      { mean: 6, p90: 10, p99: 10 },
    ]);
  });
});

describe("live and replay agree", () => {
  /** A graph with state, an alarm-driven timer and a join: what a dashboard graph looks like. */
  function dashboardLike(input: Series<number>) {
    const total = node({
      name: "running_total",
      inputs: { input },
      state: () => ({ t: 0 }),
      onTick: ({ inputs, state }) => (state.t += inputs.input.value),
    });
    const everySecond = timer(SECOND);
    const sampled = node({
      name: "per_second",
      inputs: { everySecond, total },
      passive: ["total"],
      onTick: ({ inputs }) => (inputs.total.valid ? inputs.total.value : 0),
    });
    output("input", input);
    output("total", total);
    output("per_second", sampled);
  }

  it("gives the same run hash in simulation as in realtime on the same recorded pushes", async () => {
    const speed = 20;
    let push: (v: number) => void = () => {};
    const live = new Engine(
      () => {
        const p = pushInput<number>("ticks");
        push = p.push;
        dashboardLike(p.series);
      },
      { realtime: true, speed, duration: 5 * SECOND, hash: true },
    );
    const done = live.runRealtime();
    // pushes at irregular wall times (odd ms, so they do not meet the 1 s timer exactly)
    const gaps = [13, 37, 11, 29, 53, 7, 41];
    let at = 0;
    gaps.forEach((g, i) => {
      at += g;
      setTimeout(() => push(i + 1), at);
    });
    const liveRun = await done;
    const recorded = liveRun.outputs.input as Array<[number, number]>;
    expect(recorded).toHaveLength(gaps.length);

    const replay = run(() => dashboardLike(pullInput("ticks", recorded)), {
      start: liveRun.start,
      end: liveRun.start + 5 * SECOND,
      hash: true,
    });
    expect(replay.outputs.total).toEqual(liveRun.outputs.total);
    expect(replay.outputs.per_second).toEqual(liveRun.outputs.per_second);
    expect(replay.hash).toBe(liveRun.hash);
  });
});
