/**
 * npm run import -- <folder> --out <dir> [--segment-ms <ms>]
 * Turns a folder of raw payload files into a recording (see
 * adapters/recording/import-folder.ts); prints what each file became.
 */
import { parseArgs } from "node:util";
import { importFolder } from "../adapters/recording/import-folder";

const USAGE = "usage: npm run import -- <folder> --out <dir> [--segment-ms <ms>]";

function main(): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const segmentMs = values["segment-ms"] ? Number(values["segment-ms"]) : undefined;
  const report = importFolder(positionals[0], values.out, { segmentMs });
  for (const f of report.imported) {
    const when = new Date(f.receivedAt).toISOString();
    console.log(`imported ${f.file} -> ${f.feed} at ${when} (timed by ${f.timedBy}; ${f.evidence})`);
  }
  for (const s of report.statics) console.log(`stored static GTFS ${s}`);
  for (const s of report.skipped) console.log(`skipped ${s.file}: ${s.reason}`);
  console.log(
    `${report.imported.length} payloads imported, ${report.statics.length} static, ${report.skipped.length} skipped -> ${values.out}`,
  );
  return 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { out: { type: "string" }, "segment-ms": { type: "string" } },
  });
}

process.exitCode = main();
