/**
 * FeedPoller: polls one feed URL over HTTP and hands every NEW payload to a
 * callback. It never throws: each failed poll becomes one FeedError
 * ('download', 'empty' or 'too_large') and one health event.
 *
 * What it does NOT do: judge the content. A 200 carrying an HTML error page
 * (which proxies and CDNs do serve) is delivered like any other payload; the
 * decoder downstream rejects it as 'parse'. Knowing the format is the
 * decoder's job, and the poller stays format-agnostic (protobuf, JSON, zip).
 *
 * Scheduling: after a poll that reached the feed (new, duplicate or 304) the
 * next one is due after intervalMs, or nextDelayMs(lastBody) (GBFS `ttl`).
 * After the k-th consecutive failure, k <= retries, it retries after a
 * full-jitter backoff; past `retries` it falls back to the normal interval, so
 * a feed that is down is neither hammered nor forgotten.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { FeedError } from "../errors";
import { type FeedHealth, type HealthEvent, initialHealth, updateHealth } from "../health/health";
import { backoffDelayMs } from "./backoff";
import { type HttpAgents, httpGet } from "./http-get";

export interface FeedPayload {
  feed: string;
  /** now() when the body was complete. */
  receivedAt: number;
  status: number;
  body: Uint8Array;
  url: string;
  latencyMs: number;
}

export type PollOutcome =
  | { kind: "payload"; payload: FeedPayload }
  | { kind: "duplicate" }
  | { kind: "notModified" }
  | { kind: "error"; error: FeedError }
  /** stop() was called while the request was in flight: nothing is reported. */
  | { kind: "cancelled" };

/** The subset of the timer API the poller needs; tests inject a fake one. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** pino-compatible: (object, message). */
export interface FeedLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface FeedPollerOptions {
  feed: string;
  url: string;
  intervalMs: number;
  /** Overrides intervalMs when it returns a number (e.g. from GBFS `ttl`). */
  nextDelayMs?: (lastBody: Uint8Array) => number | undefined;
  /** Floor on any poll interval, so a `ttl` of 0 does not become a busy loop. */
  minIntervalMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  now?: () => number;
  scheduler?: Scheduler;
  /** For the poller's own health record (see `health`). */
  staleAfterMs?: number;
  /** Extra request headers (User-Agent, an API key). */
  headers?: Record<string, string>;
  logger?: FeedLogger;
  onPayload: (p: FeedPayload) => void;
  onError?: (e: FeedError) => void;
  onHealthEvent?: (e: HealthEvent) => void;
}

const DEFAULTS = {
  minIntervalMs: 1_000,
  timeoutMs: 15_000,
  // The biggest feeds (GBFS station_information, all-alerts) are a few MB.
  maxBytes: 16 * 1024 * 1024,
  retries: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  staleAfterMs: 5 * 60_000,
};

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class FeedPoller {
  private readonly o: FeedPollerOptions & typeof DEFAULTS;
  private readonly now: () => number;
  private readonly scheduler: Scheduler;
  private agents: HttpAgents | undefined;
  private running = false;
  /** Bumped by start/stop so a loop from before a stop/start pair cannot keep running. */
  private generation = 0;
  private timer: unknown;
  private inFlight: Promise<PollOutcome> | undefined;
  private abort: AbortController | undefined;
  private failures = 0;
  private lastHash: string | undefined;
  private lastBody: Uint8Array | undefined;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private healthRecord: FeedHealth;

  constructor(options: FeedPollerOptions) {
    this.o = { ...DEFAULTS, ...options };
    this.now = options.now ?? Date.now;
    this.scheduler = options.scheduler ?? realScheduler;
    this.healthRecord = initialHealth(options.feed, options.url);
  }

  /** The poller's own view of the feed's health (dataTimestamp stays null: it does not decode). */
  get health(): FeedHealth {
    return this.healthRecord;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Poll now, then keep polling on schedule until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.cycle(++this.generation);
  }

  /** Cancel the in-flight request and the next timer; resolves once idle with no sockets left. */
  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    await this.inFlight;
    this.agents?.http.destroy();
    this.agents?.https.destroy();
    this.agents = undefined;
  }

  /** One request (no retry); concurrent calls share the request in flight. */
  pollOnce(): Promise<PollOutcome> {
    if (!this.inFlight) {
      this.inFlight = this.poll().finally(() => {
        this.inFlight = undefined;
        this.abort = undefined;
      });
    }
    return this.inFlight;
  }

  private async cycle(generation: number): Promise<void> {
    this.timer = undefined;
    const outcome = await this.pollOnce();
    if (generation !== this.generation) return;
    this.timer = this.scheduler.setTimeout(() => void this.cycle(generation), this.delayAfter(outcome));
  }

  private delayAfter(outcome: PollOutcome): number {
    // only reachable after stop() then start() raced an in-flight poll: poll afresh now
    if (outcome.kind === "cancelled") return 0;
    if (outcome.kind === "error" && this.failures <= this.o.retries) {
      return backoffDelayMs(this.failures, {
        baseMs: this.o.backoffBaseMs,
        maxMs: this.o.backoffMaxMs,
        random: this.o.random ?? Math.random,
      });
    }
    const fromBody = this.lastBody && this.o.nextDelayMs ? this.o.nextDelayMs(this.lastBody) : undefined;
    return Math.max(this.o.minIntervalMs, fromBody ?? this.o.intervalMs);
  }

  private async poll(): Promise<PollOutcome> {
    const abort = new AbortController();
    this.abort = abort;
    const { feed, url } = this.o;
    const started = this.now();
    try {
      const r = await httpGet({
        feed,
        url,
        headers: { ...this.conditionalHeaders(), ...this.o.headers },
        timeoutMs: this.o.timeoutMs,
        maxBytes: this.o.maxBytes,
        agents: this.ensureAgents(),
        signal: abort.signal,
      });
      if (abort.signal.aborted) return { kind: "cancelled" };
      const receivedAt = this.now();
      const latencyMs = receivedAt - started;
      if (!r.ok) return this.failed(r.error);
      const { status, body, headers } = r.value;
      if (status === 304) return this.reached({ type: "notModified", latencyMs }, { kind: "notModified" });
      if (body.length === 0)
        return this.failed(new FeedError("empty", "zero-length body", { feed, url, status }));
      this.etag = headers.etag;
      this.lastModified = headers["last-modified"];
      // A feed republished unchanged (same bytes) is not news: skip it downstream.
      const hash = createHash("sha256").update(body).digest("hex");
      if (hash === this.lastHash)
        return this.reached({ type: "duplicate", latencyMs }, { kind: "duplicate" });
      this.lastHash = hash;
      // The payload must own its ArrayBuffer: small Buffers are slices of a
      // shared pool, and a decoder reading `.buffer` would see foreign bytes.
      const owns = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
      const bytes = owns ? new Uint8Array(body.buffer) : new Uint8Array(body);
      this.lastBody = bytes;
      const payload: FeedPayload = { feed, receivedAt, status, body: bytes, url, latencyMs };
      // Health first: a decoder's verdict on this payload then lands after it.
      this.reached({ type: "success", bytes: bytes.byteLength, latencyMs, dataTimestamp: null }, undefined);
      this.safely("onPayload", () => this.o.onPayload(payload));
      return { kind: "payload", payload };
    } catch (cause) {
      // Unreachable unless something below has a bug; still, never throw out.
      return this.failed(new FeedError("download", `unexpected: ${String(cause)}`, { feed, url }, { cause }));
    }
  }

  /** Only validators from a body we accepted are sent back; see how `poll` sets them. */
  private conditionalHeaders(): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.etag) h["if-none-match"] = this.etag;
    if (this.lastModified) h["if-modified-since"] = this.lastModified;
    return h;
  }

  private reached<T extends PollOutcome | undefined>(event: HealthEvent, outcome: T): T {
    if (this.failures > 0) {
      this.o.logger?.info({ feed: this.o.feed, url: this.o.url, after: this.failures }, "feed recovered");
    }
    this.failures = 0;
    this.emitHealth(event);
    return outcome;
  }

  private failed(error: FeedError): PollOutcome {
    this.failures++;
    const exhausted = this.failures > this.o.retries;
    const line = {
      feed: error.feed,
      url: error.url,
      kind: error.kind,
      status: error.status,
      failures: this.failures,
    };
    // warn while retries remain, error once the feed is failing steadily
    this.o.logger?.[exhausted ? "error" : "warn"](line, error.message);
    this.emitHealth({ type: "error", error });
    this.safely("onError", () => this.o.onError?.(error));
    return { kind: "error", error };
  }

  private emitHealth(event: HealthEvent): void {
    this.healthRecord = updateHealth(this.healthRecord, event, this.now(), this.o.staleAfterMs);
    this.safely("onHealthEvent", () => this.o.onHealthEvent?.(event));
  }

  /** A throwing callback is the caller's bug, not a feed error: log it and carry on polling. */
  private safely(name: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.o.logger?.error({ feed: this.o.feed, callback: name, err }, "feed callback threw");
    }
  }

  private ensureAgents(): HttpAgents {
    // keepAlive off: polls are 15-60 s apart, longer than most servers' idle
    // timeout, so reuse would rarely help and would risk reset-on-reuse races.
    this.agents ??= {
      http: new http.Agent({ keepAlive: false, maxSockets: 2 }),
      https: new https.Agent({ keepAlive: false, maxSockets: 2 }),
    };
    return this.agents;
  }
}
