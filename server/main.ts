/**
 * npm start -- [--demo | --live [--gtfs <path>] | --replay <dir> [--speed N] [--from HH:MM]]
 *              [--port N] [--host H] [--dev] [--api-only] [--engine-thread worker|main]
 *
 * One process: Next.js, socket.io and the engine. The demo day is the
 * default; --live polls the real endpoints (env MTA_BASE_URL, GBFS_BASE_URL)
 * and records into DATA_DIR/recording. The engine runs in a worker thread
 * (--engine-thread main: on the main thread, as before; for comparisons).
 * SIGTERM / SIGINT: graceful stop within 5 s.
 */
import { parseFlags, readEnv } from "./config";
import { createLogger } from "./log";
import { type SourceSpec, startServer } from "./start";

const USAGE = `usage: npm start -- [--demo | --live [--gtfs <folder|zip>] | --replay <dir> [--speed N] [--from HH:MM]]
                 [--port N] [--host H] [--dev] [--api-only] [--engine-thread worker|main]
env: PORT HOST DATA_DIR ADMIN_TOKEN MTA_BASE_URL GBFS_BASE_URL WARMUP_HOURS RETAIN_HOURS STATIC_GTFS_URL STATIC_GTFS_REFRESH_AT LOG_LEVEL (see README)`;

const SHUTDOWN_LIMIT_MS = 4500;

const { values } = parseFlags(process.argv.slice(2), {
  demo: { type: "boolean" },
  live: { type: "boolean" },
  replay: { type: "string" },
  speed: { type: "string" },
  from: { type: "string" },
  gtfs: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  dev: { type: "boolean" },
  "api-only": { type: "boolean" },
  "engine-thread": { type: "string" },
  help: { type: "boolean" },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const modes = [values.demo, values.live, values.replay !== undefined].filter(Boolean).length;
if (modes > 1) {
  console.error(`choose one of --demo, --live, --replay\n${USAGE}`);
  process.exit(2);
}
const speed = values.speed !== undefined ? Number(values.speed) : undefined;
if (speed !== undefined && !(speed > 0)) {
  console.error(`--speed must be a positive number, got '${values.speed}'`);
  process.exit(2);
}
const port = values.port !== undefined ? Number(values.port) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
  console.error(`--port must be a port number, got '${values.port}'`);
  process.exit(2);
}

const engineThread = values["engine-thread"] ?? "worker";
if (engineThread !== "worker" && engineThread !== "main") {
  console.error(`--engine-thread must be worker or main, got '${engineThread}'`);
  process.exit(2);
}

const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
const source: SourceSpec = values.live
  ? { kind: "live", gtfs: values.gtfs }
  : values.replay !== undefined
    ? { kind: "replay", dir: values.replay, speed, from: values.from }
    : { kind: "demo", speed, from: values.from };

const server = await startServer({
  source,
  env,
  logger: log,
  port,
  host: values.host,
  dev: values.dev ?? false,
  next: !values["api-only"],
  engineThread,
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  // Whatever happens, the process is gone within 5 s.
  setTimeout(() => {
    log.error({ signal }, "shutdown took too long: exiting");
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  server
    .close(`server stopping (${signal})`)
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      log.error({ err }, "shutdown failed");
      process.exit(1);
    });
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
