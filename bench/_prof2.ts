import { HOUR, pullInput, run as runGraph, sinkNode } from "../engine";
import { rollingQuantile } from "../engine/stdlib/rolling";
const N = 1_000_000;
const times = new Float64Array(N), values = new Float64Array(N);
let seed = 12345;
for (let i = 0; i < N; i++) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; times[i] = 1.7e12 + i * 100; values[i] = Math.round(-Math.log((seed + 1) / 4294967297) * 120); }
let acc = 0;
for (let rep = 0; rep < 4; rep++) {
  const t0 = performance.now();
  runGraph(() => {
    const y = rollingQuantile(pullInput<number>("x", { times, values }), { window: HOUR }, 0.9);
    sinkNode({ name: "sink", inputs: { y }, onTick: ({ inputs }) => { acc += inputs.y.value; } });
  });
  console.log((N / (performance.now() - t0) / 1000).toFixed(2), "M ticks/s");
}
