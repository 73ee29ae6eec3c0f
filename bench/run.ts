/**
 * `npm run bench`: runs every suite in bench/*.bench.ts (each exports
 * `run(): Promise<BenchRow[]>`), prints one table and writes the rows to
 * bench/results/latest.json. A suite name on the command line runs only the
 * suites whose file name contains it (`npm run bench -- rolling`).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { blackholeValue } from "./measure";
import { formatTable } from "./table";
import type { BenchRow, BenchSuite } from "./types";

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.ts matches ${only.join(", ") || "(any)"}`);
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  // Other work on the machine skews absolute rates (less so the interleaved ratios): say how busy it was.
  const loadBefore = loadavg()[0];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: BenchSuite };
    if (typeof mod.run !== "function") throw new Error(`bench/${f} does not export run()`);
    const s0 = performance.now();
    process.stderr.write(`bench: ${f} ...`);
    const got = await mod.run();
    process.stderr.write(` ${((performance.now() - s0) / 1000).toFixed(1)} s\n`);
    rows.push(...got);
  }
  const loadAfter = loadavg()[0];
  console.log(formatTable(rows));
  console.log(
    `\n${process.version}, ${cpus().length} cores, 1-min load average ${loadBefore.toFixed(2)} before / ${loadAfter.toFixed(2)} after`,
  );
  const outDir = join(here, "results");
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: cpus().length,
    loadAverage1m: { before: loadBefore, after: loadAfter },
    seconds: (performance.now() - t0) / 1000,
    checksum: blackholeValue(),
    rows,
  };
  writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written bench/results/latest.json (${report.seconds.toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
