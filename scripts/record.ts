/**
 * npm run record -- --out <dir> [--hours N]
 * Polls the live feeds and records every payload (and every failed poll) to <dir>.
 */
import { liveFeeds, recordPayloads } from "../adapters/feed-graph";
import { RecordingWriter } from "../adapters/recording";
import { Engine, HOUR } from "../engine";
import { parseFlags, readEnv } from "../server/config";
import { createLogger } from "../server/log";

const { values } = parseFlags(process.argv.slice(2), {
  out: { type: "string" },
  hours: { type: "string" },
  help: { type: "boolean" },
});
if (values.help || !values.out) {
  console.log(
    "usage: npm run record -- --out <dir> [--hours N]\n(env MTA_BASE_URL, GBFS_BASE_URL, RETAIN_HOURS)",
  );
  process.exit(values.help ? 0 : 2);
}
const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
const writer = RecordingWriter.open(values.out, { retainMs: env.RETAIN_HOURS * HOUR });
let live: ReturnType<typeof liveFeeds> | null = null;
const engine = new Engine(
  () => {
    live = liveFeeds({
      bases: { mta: env.MTA_BASE_URL, gbfs: env.GBFS_BASE_URL },
      logger: log,
    });
    recordPayloads(live.payloads, writer);
  },
  { realtime: true, ...(values.hours ? { duration: Number(values.hours) * HOUR } : {}) },
);
const done = engine.runRealtime();
live!.start();
log.info({ out: values.out }, "recording live feeds (Ctrl-C to stop)");
const stop = async () => {
  engine.stop();
  await live!.stop();
  writer.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
await done;
await stop();
