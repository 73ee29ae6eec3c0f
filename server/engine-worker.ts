/**
 * The engine thread (started by server/worker-runner.ts): builds the usual
 * runner for the source (demo, replay, live with its pollers and recorder)
 * with an OutputPublisher where the LiveState would be, and reports to the
 * main thread: outputs, run hooks, the clock about twice a second, network
 * switches, logs. Takes replay controls, graph requests and stop.
 */
import { parentPort, workerData } from "node:worker_threads";
import pino from "pino";
import { OutputPublisher } from "./output-bridge";
import type { Runner } from "./runner";
import { createRunner, dashboardGraphFactory } from "./sources";
import type { ClockReport, EngineWorkerData, FromWorker, ToWorker } from "./worker-runner";

const port = parentPort!;
const data = workerData as EngineWorkerData;
const post = (m: FromWorker) => port.postMessage(m);

/** Often enough for the clock topic (once a second) and /metrics; the main thread extrapolates between. */
const CLOCK_EVERY_MS = 500;
/** How often a seek's fast-forward is checked for having caught up. */
const HOLD_CHECK_MS = 20;

const log = pino({ level: data.logLevel }, { write: (line: string) => post({ type: "log", line }) });

let runner: Runner | null = null;
let holdTimer: NodeJS.Timeout | null = null;

const clockReport = (r: Runner): ClockReport => ({ clock: r.clock(), at: Date.now(), profile: r.profile() });

const hooks = {
  reset: () => {
    if (holdTimer) clearInterval(holdTimer);
    holdTimer = null;
    post({ type: "reset" });
  },
  hold: (busy: () => boolean) => {
    post({ type: "hold" });
    if (holdTimer) clearInterval(holdTimer);
    holdTimer = setInterval(() => {
      if (busy()) return;
      clearInterval(holdTimer!);
      holdTimer = null;
      publisher.flush(); // everything the fast-forward computed goes before the release
      post({ type: "release" });
    }, HOLD_CHECK_MS);
  },
  clockChanged: () => {
    publisher.flush(); // e.g. the end of the run: its last outputs go before the clock that says so
    if (runner) post({ type: "clock", changed: true, ...clockReport(runner) });
  },
};

/** An output this close to the engine's clock is news (engine ms: a quarter second of wall time, 1 s at least). */
const atPace = (t: number): boolean => {
  if (!runner) return false;
  const c = runner.clock();
  return c.t - t <= Math.max(1000, c.speed * 250);
};

const publisher = new OutputPublisher(post, atPace);

async function main(): Promise<void> {
  let r: Runner;
  try {
    ({ runner: r } = await createRunner(data.spec, {
      env: data.env,
      state: publisher,
      hooks,
      log,
      graph: await dashboardGraphFactory(),
    }));
  } catch (e) {
    post({ type: "failed", error: e instanceof Error ? e.message : String(e) });
    return;
  }
  runner = r;
  let base = r.networkBase();
  post({ type: "ready", mode: r.mode, controllable: r.controllable, network: base, clock: clockReport(r) });
  const heartbeat = setInterval(() => {
    post({ type: "clock", changed: false, ...clockReport(r) });
    const now = r.networkBase();
    if (now !== base) {
      base = now;
      post({ type: "network", network: now });
    }
  }, CLOCK_EVERY_MS);

  port.on("message", (m: ToWorker) => {
    switch (m.type) {
      case "start":
        r.start();
        return;
      case "control":
        if (m.action === "play") r.play();
        else if (m.action === "pause") r.pause();
        else if (m.action === "speed") r.setSpeed(m.value);
        else if (m.action === "seek") r.seek(m.value);
        hooks.clockChanged();
        post({ type: "controlled", id: m.id });
        return;
      case "request":
        if (m.what === "graph") post({ type: "reply", id: m.id, value: r.graph() });
        else if (m.what === "arrivals") post({ type: "reply", id: m.id, value: publisher.allArrivals() });
        else void r.graphDot().then((value) => post({ type: "reply", id: m.id, value }));
        return;
      case "want-arrivals":
        publisher.wantArrivals(m.stations);
        return;
      case "stop":
        clearInterval(heartbeat);
        if (holdTimer) clearInterval(holdTimer);
        void r
          .stop()
          .catch((err: unknown) => log.error({ err }, "engine stop failed"))
          .finally(() => post({ type: "stopped" }));
        return;
    }
  });
}

await main();
