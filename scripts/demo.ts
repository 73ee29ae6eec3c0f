/**
 * npm run demo -- [--out data/demo] [--force] [--seed N] [--in-thread]
 *
 * Generates the demo day (a simulated weekday of every feed, plus its static
 * GTFS) into the output folder, unless a current one is already there.
 */
import { parseArgs } from "node:util";
import { DEMO_SEED, demoDayIsCurrent, generateDemoDay } from "../demo";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data/demo" },
    force: { type: "boolean", default: false },
    seed: { type: "string" },
    "in-thread": { type: "boolean", default: false },
  },
});

const out = values.out!;
const seed = values.seed !== undefined ? Number(values.seed) : DEMO_SEED;
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, got "${values.seed}"`);
  process.exit(2);
}

if (!values.force && demoDayIsCurrent(out, { seed })) {
  console.log(`demo day already in ${out} (use --force to regenerate)`);
  process.exit(0);
}

console.log(`generating the demo day into ${out} (seed ${seed})...`);
const started = performance.now();
const stats = await generateDemoDay(out, {
  seed,
  worker: !values["in-thread"],
  onProgress: (doneS, fromS, toS) => {
    const pct = Math.round(((doneS - fromS) / (toS - fromS)) * 100);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `  ${String(Math.floor(doneS / 3600)).padStart(2, "0")}:00 simulated (${pct}%, ${secs} s)\n`,
    );
  },
});
console.log(
  `done in ${(stats.elapsedMs / 1000).toFixed(1)} s: ${stats.frames} frames, ${(stats.rawBytes / 1e6).toFixed(0)} MB of payloads`,
);
console.log(`  recording: ${stats.recordingDir}\n  gtfs:      ${stats.gtfsDir}`);
