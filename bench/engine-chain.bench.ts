/**
 * A 4-node chain over 1,000,000 timestamped events: input -> x*2 -> keep
 * multiples of 4 -> running sum -> a sink that only counts. The same
 * computation through the engine, through RxJS 7 and as a hand-written loop.
 */
import { from, filter as rxFilter, map as rxMap, scan as rxScan } from "rxjs";
import { pullInput, run as runGraph, sinkNode } from "../engine";
import { accumulate, apply, filter } from "../engine/stdlib/basic";
import { compareMedians, perSecond } from "./measure";
import type { BenchRow } from "./types";

const N = 1_000_000;
const SUITE = "engine-chain";
const LOOP_PASSES = 10;
/**
 * Runs of ~50 ms on a shared 2-core machine: 5 were at the mercy of one busy
 * moment, and the engine's compiled loop needs a few runs to settle in V8.
 */
const REPS = 15;
const WARMUP = 5;

interface Outcome {
  count: number;
  last: number;
}

/**
 * The three read the same plain array of small integers: a Float64Array would
 * turn `v % 4` into a floating-point fmod call and measure that instead.
 */
function makeEvents(): { times: Float64Array; values: number[] } {
  const times = new Float64Array(N);
  const values = new Array<number>(N);
  for (let i = 0; i < N; i++) {
    times[i] = 1_700_000_000_000 + i * 10; // one event every 10 ms of engine time
    values[i] = i;
  }
  return { times, values };
}

function viaEngine(times: Float64Array, values: number[], out: Outcome): number {
  const r = runGraph(() => {
    const x = pullInput<number>("x", { times, values });
    const doubled = apply(x, (v) => v * 2);
    const kept = filter(doubled, (v) => v % 4 === 0);
    const sum = accumulate(
      kept,
      () => 0,
      (acc, v) => acc + v,
    );
    sinkNode({
      name: "count",
      inputs: { sum },
      onTick: ({ inputs }) => {
        out.count++;
        out.last = inputs.sum.value;
      },
    });
  });
  return r.cycles;
}

function viaRx(array: number[], out: Outcome): void {
  from(array)
    .pipe(
      rxMap((v) => v * 2),
      rxFilter((v) => v % 4 === 0),
      rxScan((acc, v) => acc + v, 0),
    )
    .subscribe((s) => {
      out.count++;
      out.last = s;
    });
}

function viaLoop(values: number[], out: Outcome): void {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] * 2;
    if (d % 4 !== 0) continue;
    sum += d;
    out.count++;
    out.last = sum;
  }
}

export async function run(): Promise<BenchRow[]> {
  const { times, values } = makeEvents();
  const outcomes: Record<string, Outcome> = {};
  const fresh = (k: string) => (outcomes[k] = { count: 0, last: 0 });
  let cycles = 0;
  const t = compareMedians(
    {
      engine: () => (cycles = viaEngine(times, values, fresh("engine"))),
      rx: () => {
        viaRx(values, fresh("rx"));
        return outcomes.rx.count;
      },
      // A pass takes about a millisecond: time LOOP_PASSES of them so one context switch does not decide it.
      loop: () => {
        for (let p = 0; p < LOOP_PASSES; p++) viaLoop(values, fresh("loop"));
        return outcomes.loop.count;
      },
    },
    { reps: REPS, warmup: WARMUP },
  );

  // The three must have computed the same thing, or the comparison means nothing.
  const e = outcomes.engine;
  for (const k of ["rx", "loop"]) {
    const o = outcomes[k];
    if (o.count !== e.count || o.last !== e.last) {
      throw new Error(
        `${SUITE}: ${k} disagrees with the engine: ${JSON.stringify(o)} vs ${JSON.stringify(e)}`,
      );
    }
  }
  if (cycles !== N) throw new Error(`${SUITE}: expected ${N} cycles, engine ran ${cycles}`);

  const engineRate = perSecond(cycles, t.engine.medianMs);
  const rxRate = perSecond(N, t.rx.medianMs);
  const loopRate = perSecond(N * LOOP_PASSES, t.loop.medianMs);
  const note = `${N.toLocaleString("en-US")} events, median of ${REPS} interleaved runs after ${WARMUP} warm-ups`;
  return [
    { suite: SUITE, name: "engine", value: engineRate, unit: "cycles/s", note: `${note}; goal >= 10M` },
    { suite: SUITE, name: "rxjs 7 (from/map/filter/scan)", value: rxRate, unit: "events/s", note },
    {
      suite: SUITE,
      name: "hand-written loop",
      value: loopRate,
      unit: "events/s",
      note: `${note}, ${LOOP_PASSES} passes per run`,
    },
    { suite: SUITE, name: "engine / rxjs", value: engineRate / rxRate, unit: "x", note: "goal > 1" },
    { suite: SUITE, name: "loop / engine", value: loopRate / engineRate, unit: "x", note: "goal <= 5" },
  ];
}
