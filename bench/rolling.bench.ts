/**
 * Rolling p90 over a one-hour time window fed 1,000,000 ticks (one per
 * 100 ms, so the window holds 36,000 points): the incremental structure
 * through the engine and on its own, rollingStats, and a naive baseline that
 * sorts the window on every tick. The naive one is run on 2,000 ticks with
 * the window already full and its per-tick cost extrapolated to 1,000,000.
 */
import { HOUR, pullInput, run as runGraph, type Series, sinkNode } from "../engine";
import { quantileOfSorted, rollingQuantile, rollingStats, SortedChunks } from "../engine/stdlib/rolling";
import { compareMedians, perSecond, timeMedian } from "./measure";
import type { BenchRow } from "./types";

const SUITE = "rolling-p90";
const N = 1_000_000;
const STEP_MS = 100;
const WINDOW = HOUR;
const POINTS_IN_WINDOW = WINDOW / STEP_MS;
const NAIVE_TICKS = 2_000;

/** Seeded exponential "delays" in whole seconds (mean 120 s): realistic, with many equal values. */
function makeTicks(): { times: Float64Array; values: Float64Array } {
  const times = new Float64Array(N);
  const values = new Float64Array(N);
  let seed = 12345;
  for (let i = 0; i < N; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const u = (seed + 1) / 4294967297;
    times[i] = 1_700_000_000_000 + i * STEP_MS;
    values[i] = Math.round(-Math.log(u) * 120);
  }
  return { times, values };
}

/** Run `stat` over the first `count` ticks through the engine; returns each output. */
function throughEngine<R>(
  cols: { times: Float64Array; values: Float64Array },
  count: number,
  stat: (x: Series<number>) => Series<R>,
  onValue: (v: R) => void,
): number {
  const times = count === N ? cols.times : cols.times.subarray(0, count);
  const values = count === N ? cols.values : cols.values.subarray(0, count);
  return runGraph(() => {
    const y = stat(pullInput<number>("x", { times, values }));
    sinkNode({ name: "sink", inputs: { y }, onTick: ({ inputs }) => onValue(inputs.y.value) }); // no logging
  }).cycles;
}

/** The same p90 with the order-statistic structure driven by hand: what the engine adds on top. */
function structureOnly(cols: { times: Float64Array; values: Float64Array }): number {
  const s = new SortedChunks();
  let head = 0;
  let check = 0;
  for (let i = 0; i < N; i++) {
    const now = cols.times[i];
    s.insert(cols.values[i]);
    while (cols.times[head] <= now - WINDOW) s.delete(cols.values[head++]);
    const h = (s.size - 1) * 0.9;
    const lo = Math.floor(h);
    const a = s.select(lo);
    check += h > lo ? a + (h - lo) * (s.select(lo + 1) - a) : a;
  }
  return check;
}

/** Sort the whole window on every tick, ticks [from, from + count), the window already full. */
function naiveSortPerTick(
  cols: { times: Float64Array; values: Float64Array },
  from: number,
  count: number,
): number[] {
  const out: number[] = [];
  let head = 0;
  for (let i = from; i < from + count; i++) {
    const now = cols.times[i];
    while (cols.times[head] <= now - WINDOW) head++;
    const sorted = cols.values.slice(head, i + 1).sort();
    out.push(quantileOfSorted(sorted, 0.9));
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const cols = makeTicks();

  // The incremental p90 must equal the naive one on the ticks the baseline covers.
  const from = POINTS_IN_WINDOW + 1000;
  const naive = naiveSortPerTick(cols, from, 200);
  const incremental: number[] = [];
  throughEngine(
    cols,
    from + 200,
    (x) => rollingQuantile(x, { window: WINDOW }, 0.9),
    (v) => incremental.push(v),
  );
  const bad = naive.findIndex((v, i) => v !== incremental[from + i]);
  if (bad >= 0)
    throw new Error(
      `${SUITE}: incremental p90 ${incremental[from + bad]} != naive ${naive[bad]} at tick ${from + bad}`,
    );

  let acc = 0;
  const t = compareMedians(
    {
      p90: () =>
        throughEngine(
          cols,
          N,
          (x) => rollingQuantile(x, { window: WINDOW }, 0.9),
          (v) => (acc += v),
        ),
      stats: () =>
        throughEngine(
          cols,
          N,
          (x) => rollingStats(x, { window: WINDOW }),
          (v) => (acc += v.p90),
        ),
      bare: () => structureOnly(cols),
    },
    { reps: 3, warmup: 1 },
  );
  const p90 = t.p90;
  // One run is enough: at milliseconds per tick, noise is not the question.
  const naiveT = timeMedian(() => naiveSortPerTick(cols, from, NAIVE_TICKS).length, { reps: 1, warmup: 0 });

  const p90Rate = perSecond(N, p90.medianMs);
  const naivePerTickNs = (naiveT.medianMs * 1e6) / NAIVE_TICKS;
  const incPerTickNs = (p90.medianMs * 1e6) / N;
  const w = `1h window, ${POINTS_IN_WINDOW.toLocaleString("en-US")} points, 1M ticks`;
  return [
    {
      suite: SUITE,
      name: "engine rollingQuantile p90",
      value: p90Rate,
      unit: "ticks/s",
      note: `${w}; goal >= 1M; median of 3`,
    },
    {
      suite: SUITE,
      name: "engine rollingStats (7 stats)",
      value: perSecond(N, t.stats.medianMs),
      unit: "ticks/s",
      note: w,
    },
    {
      suite: SUITE,
      name: "SortedChunks alone (no engine)",
      value: perSecond(N, t.bare.medianMs),
      unit: "ticks/s",
      note: w,
    },
    {
      suite: SUITE,
      name: "incremental p90 per tick",
      value: incPerTickNs,
      unit: "ns/tick",
      note: "through the engine",
    },
    {
      suite: SUITE,
      name: "naive sort-per-tick per tick",
      value: naivePerTickNs / 1e6,
      unit: "ms/tick",
      note: `measured on ${NAIVE_TICKS.toLocaleString("en-US")} ticks with a full window, 1 run`,
    },
    {
      suite: SUITE,
      name: "naive, extrapolated to 1M ticks",
      value: (naivePerTickNs * N) / 1e9,
      unit: "s",
      note: `extrapolated: ${NAIVE_TICKS} ticks x ${N / NAIVE_TICKS}; incremental took ${(p90.medianMs / 1000).toFixed(2)} s`,
    },
    {
      suite: SUITE,
      name: "naive / incremental",
      value: naivePerTickNs / incPerTickNs,
      unit: "x",
      note: "per-tick cost ratio",
    },
  ];
}
