/**
 * /metrics, Prometheus text (prom-client), on a registry of our own so two
 * servers in one process (tests) do not collide. Feed figures are read from
 * the engine's health view at scrape time; message counters are updated by
 * the hub as it broadcasts.
 */
import client from "prom-client";
import type { FeedHealth } from "../adapters/health/health";
import type { HubCounters } from "./hub";

export interface ServerMetrics extends HubCounters {
  registry: client.Registry;
  /** Count failed polls seen in a health update (each error has its own lastErrorAt). */
  healthUpdated(health: readonly FeedHealth[]): void;
  clientConnected(): void;
  clientDisconnected(): void;
  refused(reason: string): void;
}

export interface MetricsSources {
  health: () => FeedHealth[];
  engineTime: () => number;
  profile: () => { cycles: number; estCycleMs: number } | null;
}

export function createMetrics(read: MetricsSources): ServerMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const feedAge = new client.Gauge({
    name: "transit_feed_age_seconds",
    help: "Engine time minus the feed's own data timestamp",
    labelNames: ["feed"],
    registers: [registry],
    collect() {
      this.reset();
      for (const h of read.health()) if (h.ageMs !== null) this.set({ feed: h.feed }, h.ageMs / 1000);
    },
  });
  const feedErrors = new client.Gauge({
    name: "transit_feed_consecutive_errors",
    help: "Failed polls in a row, per feed",
    labelNames: ["feed"],
    registers: [registry],
    collect() {
      this.reset();
      for (const h of read.health()) this.set({ feed: h.feed }, h.consecutiveErrors);
    },
  });
  const feedPolls = new client.Gauge({
    name: "transit_feed_polls",
    help: "Polls seen by the engine, per feed (a gauge: it restarts with the run)",
    labelNames: ["feed"],
    registers: [registry],
    collect() {
      this.reset();
      for (const h of read.health()) this.set({ feed: h.feed }, h.polls);
    },
  });
  const feedStale = new client.Gauge({
    name: "transit_feed_stale",
    help: "1 when the feed's data is older than the stale limit",
    labelNames: ["feed"],
    registers: [registry],
    collect() {
      this.reset();
      for (const h of read.health()) this.set({ feed: h.feed }, h.stale ? 1 : 0);
    },
  });
  new client.Gauge({
    name: "transit_engine_time_seconds",
    help: "Engine time of the newest output (epoch seconds)",
    registers: [registry],
    collect() {
      this.set(read.engineTime() / 1000);
    },
  });
  const clients = new client.Gauge({
    name: "transit_socket_clients",
    help: "Connected socket.io clients",
    registers: [registry],
  });
  const messages = new client.Counter({
    name: "transit_socket_messages_sent_total",
    help: "Messages delivered to clients (one per receiving client)",
    labelNames: ["kind"],
    registers: [registry],
  });
  const bytes = new client.Counter({
    name: "transit_socket_bytes_sent_total",
    help: "Bytes delivered to clients (socket.io packets as encoded, one count per receiving client)",
    registers: [registry],
  });
  const refusedTotal = new client.Counter({
    name: "transit_socket_refused_total",
    help: "Client messages refused",
    labelNames: ["reason"],
    registers: [registry],
  });
  const flushMs = new client.Histogram({
    name: "transit_hub_flush_seconds",
    help: "Time to compute and broadcast one flush of every topic",
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
    registers: [registry],
  });
  new client.Gauge({
    name: "transit_engine_cycles",
    help: "Engine cycles run in this run",
    registers: [registry],
    collect() {
      this.set(read.profile()?.cycles ?? 0);
    },
  });
  new client.Gauge({
    name: "transit_engine_cycle_mean_seconds",
    help: "Mean time of one engine cycle (profiler, sampled)",
    registers: [registry],
    collect() {
      const p = read.profile();
      this.set(p && p.cycles > 0 ? p.estCycleMs / p.cycles / 1000 : 0);
    },
  });
  const pollErrors = new client.Counter({
    name: "transit_feed_poll_errors_total",
    help: "Failed polls (download, parse, invalid, stale...), per feed and kind",
    labelNames: ["feed", "kind"],
    registers: [registry],
  });
  const lastErrorAt = new Map<string, number | null>();
  void feedAge;
  void feedErrors;
  void feedPolls;
  void feedStale;
  return {
    registry,
    healthUpdated: (health) => {
      for (const h of health) {
        if (h.lastErrorAt !== null && lastErrorAt.get(h.feed) !== h.lastErrorAt) {
          pollErrors.inc({ feed: h.feed, kind: h.lastErrorKind ?? "unknown" });
        }
        lastErrorAt.set(h.feed, h.lastErrorAt);
      }
    },
    clientConnected: () => clients.inc(),
    clientDisconnected: () => clients.dec(),
    refused: (reason) => refusedTotal.inc({ reason }),
    message: (_topic, kind, n, receivers) => {
      messages.inc({ kind }, receivers);
      bytes.inc(n * receivers);
    },
    flush: (ms) => flushMs.observe(ms / 1000),
  };
}
