import { pullInput, run as runGraph, sinkNode } from "../engine";
import { accumulate, apply, filter } from "../engine/stdlib/basic";
const N = 1_000_000;
const times = new Float64Array(N), values: number[] = new Array(N);
for (let i = 0; i < N; i++) { times[i] = 1.7e12 + i * 10; values[i] = i; }
let c = 0;
for (let rep = 0; rep < 15; rep++) {
  const t0 = performance.now();
  runGraph(() => {
    const x = pullInput<number>("x", { times, values });
    const kept = filter(apply(x, (v) => v * 2), (v) => v % 4 === 0);
    const sum = accumulate(kept, () => 0, (a, v) => a + v);
    sinkNode({ name: "count", inputs: { sum }, onTick: () => { c++; } });
  });
  if (rep % 5 === 4) console.log(((N / (performance.now() - t0)) / 1000).toFixed(2), "M/s");
}
