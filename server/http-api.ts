/**
 * The HTTP side: liveness, readiness, Prometheus metrics and the JSON/CSV
 * API (documented in PROTOCOL.md). Returns false for paths it does not own,
 * which then go to Next.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CSV_HEADER, type ExportFormat, formatTick } from "../adapters/export/metric-writer";
import type { FeedHealth } from "../adapters/health/health";
import { METRIC_NAMES, type MetricName, type MetricTick } from "../transit/contract";
import type { LiveState } from "./live-state";
import type { ServerMetrics } from "./metrics";
import type { NetworkViewCache } from "./network-view";
import { PROTOCOL_VERSION } from "./protocol";
import type { Runner } from "./runner";
import { keyMatches } from "./series-store";

export interface ApiDeps {
  state: LiveState;
  runner: Runner;
  metrics: ServerMetrics;
  network: NetworkViewCache;
  buildId: string;
}

type Feed = Pick<
  FeedHealth,
  "feed" | "stale" | "consecutiveErrors" | "lastErrorKind" | "lastSuccessAt" | "ageMs"
>;

function feedState(h: FeedHealth): Feed & { state: "ok" | "stale" | "failing" } {
  return {
    feed: h.feed,
    state: h.consecutiveErrors > 0 ? "failing" : h.stale ? "stale" : "ok",
    stale: h.stale,
    consecutiveErrors: h.consecutiveErrors,
    lastErrorKind: h.lastErrorKind,
    lastSuccessAt: h.lastSuccessAt,
    ageMs: h.ageMs,
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
  res.end(body);
}

/** Answers with JSON; true, so a handler can `return json(...)`. */
function json(res: ServerResponse, status: number, v: unknown): true {
  send(res, status, JSON.stringify(v), "application/json; charset=utf-8");
  return true;
}

/** key=route=A,direction=N -> { route: "A", direction: "N" }. */
function parseKey(text: string | null): Record<string, string> | string {
  if (!text) return {};
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return `bad key '${pair}': use k=v,k=v`;
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function seriesResponse(res: ServerResponse, q: URLSearchParams, state: LiveState): true {
  const metric = q.get("metric");
  if (!metric) {
    return json(res, 200, { metrics: METRIC_NAMES, available: state.series.metricNames() });
  }
  if (!(METRIC_NAMES as readonly string[]).includes(metric)) {
    return json(res, 400, { error: `unknown metric '${metric}'`, metrics: METRIC_NAMES });
  }
  const key = parseKey(q.get("key"));
  if (typeof key === "string") return json(res, 400, { error: key });
  const format = q.get("format") ?? "json";
  if (format !== "json" && format !== "csv" && format !== "jsonl") {
    return json(res, 400, { error: `format must be json, csv or jsonl, got '${format}'` });
  }
  const from = q.has("from") ? Number(q.get("from")) : Number.NEGATIVE_INFINITY;
  const to = q.has("to") ? Number(q.get("to")) : Number.POSITIVE_INFINITY;
  if (Number.isNaN(from) || Number.isNaN(to)) return json(res, 400, { error: "from and to are epoch ms" });
  const ticks: MetricTick[] = [];
  for (const c of state.series.columns(metric)) {
    if (!keyMatches(c.key, key)) continue;
    for (let i = 0; i < c.t.length; i++) {
      if (c.t[i] >= from && c.t[i] < to)
        ticks.push({ t: c.t[i], metric: metric as MetricName, key: c.key, value: c.v[i] });
    }
  }
  ticks.sort((a, b) => a.t - b.t);
  if (format === "json") {
    return json(res, 200, ticks);
  }
  const f: ExportFormat = format;
  const lines = ticks.map((m) => formatTick(m, f));
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  send(res, 200, (format === "csv" ? CSV_HEADER : "") + lines.join(""), type, {
    "content-disposition": `attachment; filename="${metric}.${format}"`,
  });
  return true;
}

export function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): boolean | Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const { state, runner, metrics, network, buildId } = deps;
  const path = url.pathname;
  if (path !== "/healthz" && path !== "/readyz" && path !== "/metrics" && !path.startsWith("/api/"))
    return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    json(res, 405, { error: "GET only" });
    return true;
  }
  switch (path) {
    case "/healthz":
      json(res, 200, { ok: true });
      return true;
    case "/readyz": {
      const running = runner.running();
      const feeds = (state.health.value ?? []).map(feedState);
      json(res, running ? 200 : 503, {
        ready: running,
        engine: running ? "running" : "stopped",
        mode: runner.mode,
        feeds,
      });
      return true;
    }
    case "/metrics":
      return metrics.registry.metrics().then((text) => {
        send(res, 200, text, metrics.registry.contentType);
        return true;
      });
    case "/api/network": {
      network.refresh();
      if (req.headers["if-none-match"] === network.etag) {
        res.writeHead(304, { etag: network.etag });
        res.end();
        return true;
      }
      send(res, 200, network.json(), "application/json; charset=utf-8", {
        etag: network.etag,
        "cache-control": "public, max-age=86400",
      });
      return true;
    }
    case "/api/state":
      // Every station's arrivals live in the engine's thread (this one holds the subscribed ones).
      return Promise.resolve(runner.allArrivals?.() ?? state.arrivals.value).then((arrivals) =>
        json(res, 200, {
          t: state.engineTime,
          clock: runner.clock(),
          lineStatus: state.lineStatus.value ?? [],
          trains: state.trains.value ?? [],
          arrivals: Object.fromEntries(arrivals ?? []),
          alerts: state.alerts.value ?? [],
          outages: state.outages.value ?? [],
          bikeStations: state.bikeStations.value ?? [],
          bikeTotals: state.bikeTotals.value ?? null,
          health: state.health.value ?? [],
        }),
      );
    case "/api/series":
      seriesResponse(res, url.searchParams, state);
      return true;
    case "/api/graph":
      if (url.searchParams.get("format") === "dot") {
        return runner.graphDot().then((dot) => {
          send(res, dot ? 200 : 503, dot ?? "engine not started", "text/vnd.graphviz; charset=utf-8");
          return true;
        });
      }
      return runner.graphNow().then((g) => json(res, g ? 200 : 503, g ?? { error: "engine not started" }));
    case "/api/build":
      json(res, 200, { buildId, protocol: PROTOCOL_VERSION, mode: runner.mode });
      return true;
    default:
      json(res, 404, { error: `no such endpoint ${path}` });
      return true;
  }
}
