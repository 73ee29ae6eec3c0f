/**
 * The daily static GTFS refresh of live mode: at a local time of day (by
 * default 03:30 New York, just before the MTA's service day turns over, so
 * trips after midnight still count on yesterday's schedule), ask the source
 * again and, when the data or the service date changed, hand the new network
 * to the runner. A failure is logged with the URL, keeps the network in use,
 * and is retried with exponential backoff; nothing here stops the server.
 */
import type { Logger } from "pino";
import { z } from "zod";
import type { FeedError } from "../adapters/errors";
import { NEW_YORK, zonedFields, zoneOffsetMs } from "../util/time-zone";
import type { LiveStatic, StaticSnapshot } from "./live-static";

/** What the refresher needs of the static source (LiveStatic; a fake in tests). */
export type StaticSource = Pick<LiveStatic, "current" | "origin" | "refresh" | "commit">;

/** A wall-clock time of day in a time zone. */
export interface LocalTime {
  hour: number;
  minute: number;
  timeZone: string;
}

export const DEFAULT_REFRESH_AT = "03:30 America/New_York";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** "HH:MM" or "HH:MM Area/City" (env STATIC_GTFS_REFRESH_AT); the zone defaults to New York. */
export const refreshAtSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d(\s+\S+)?$/, "use HH:MM, optionally followed by a time zone")
  .refine((s) => isTimeZone(s.split(/\s+/)[1] ?? NEW_YORK), "unknown time zone")
  .transform((s): LocalTime => {
    const [hm, zone] = s.split(/\s+/);
    const [h, m] = hm.split(":").map(Number);
    return { hour: h, minute: m, timeZone: zone ?? NEW_YORK };
  });

export function parseRefreshAt(text: string): LocalTime {
  const r = refreshAtSchema.safeParse(text);
  if (!r.success)
    throw new Error(`STATIC_GTFS_REFRESH_AT '${text}': ${r.error.issues.map((i) => i.message).join("; ")}`);
  return r.data;
}

const HOUR = 3_600_000;

/**
 * The instant at which the local clock of `timeZone` reads the given date and
 * time. A time skipped by a DST jump (02:30 on a spring-forward night) maps to
 * the same distance past the jump (03:30 daylight); a time that happens twice
 * (01:30 on a fall-back night) maps to the first.
 */
export function localTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets half a day either side: any transition near `wall` lies between them.
  const before = zoneOffsetMs(wall - 14 * HOUR, timeZone);
  const after = zoneOffsetMs(wall + 14 * HOUR, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(t, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before; // in the gap: the offset from before the jump lands past it
}

/** The first instant strictly after `now` at which the local clock reads `at`. */
export function nextRefreshAt(now: number, at: LocalTime): number {
  const f = zonedFields(now, at.timeZone);
  for (let d = 0; d < 3; d++) {
    // Date.UTC normalises day overflow (Jan 32 -> Feb 1): a calendar step, whatever the day's length.
    const date = new Date(Date.UTC(f.year, f.month - 1, f.day + d));
    const t = localTimeToInstant(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      at.hour,
      at.minute,
      at.timeZone,
    );
    if (t > now) return t;
  }
  throw new Error(`no ${at.hour}:${at.minute} ${at.timeZone} after ${new Date(now).toISOString()}`);
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: HOUR };

/** Delay before retry number `failures` (1, 2, ...): base, doubling, capped. */
export function retryDelayMs(failures: number, p: RetryPolicy = DEFAULT_RETRY): number {
  return Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, failures - 1));
}

/** What one refresh did. */
export interface RefreshOutcome {
  /** The network in use was replaced. */
  switched: boolean;
  /** Why it was: new static data, a new service date, or both. */
  reason?: "data" | "service-date" | "data+service-date";
  /** Service date of the network in use afterwards. */
  serviceDate: string;
  /** The download or load failed: the data in use stays, a retry is scheduled. */
  error?: FeedError;
}

/**
 * Puts a new network to use (the live runner rebuilds its graph); false if it could not (stopped).
 * dataChanged: the files are new (store them), not just the service date.
 */
export type ApplyStatic = (s: StaticSnapshot, dataChanged: boolean) => Promise<boolean>;

export interface StaticRefresherOptions {
  source: StaticSource;
  /** Daily at this local time; null: only on demand (refreshNow). */
  at: LocalTime | null;
  log: Logger;
  retry?: RetryPolicy;
  now?: () => number;
  /** Timers, for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class StaticRefresher {
  private apply: ApplyStatic | null = null;
  private timer: unknown = null;
  private failures = 0;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private stopped = false;
  /** When the timer will next fire (epoch ms), or null. */
  nextAttemptAt: number | null = null;

  constructor(private readonly o: StaticRefresherOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  start(apply: ApplyStatic): void {
    this.apply = apply;
    this.stopped = false;
    this.scheduleDaily();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** Refresh now (one at a time: a call during a refresh gets that refresh's outcome), then reschedule. */
  refreshNow(): Promise<RefreshOutcome> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async run(): Promise<RefreshOutcome> {
    const src = this.o.source;
    const before = src.current;
    const found = await src.refresh();
    let switched = false;
    if (found.next && this.apply && !this.stopped) {
      switched = await this.apply(found.next, found.dataChanged);
      if (switched) src.commit(found.next);
    }
    const after = src.current;
    const reason = !switched
      ? undefined
      : found.dataChanged && after.serviceDate !== before.serviceDate
        ? "data+service-date"
        : found.dataChanged
          ? "data"
          : "service-date";
    if (switched)
      this.o.log.info(
        { origin: src.origin, serviceDate: after.serviceDate, version: after.version.slice(0, 12), reason },
        "static GTFS: switched to a new network",
      );
    if (found.error) {
      this.failures++;
      this.scheduleRetry();
      this.o.log.error(
        {
          url: found.error.url ?? src.origin,
          kind: found.error.kind,
          err: found.error.message,
          failures: this.failures,
          retryAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
        },
        "static GTFS refresh failed: keeping the network in use",
      );
    } else {
      this.failures = 0;
      this.scheduleDaily();
    }
    return { switched, reason, serviceDate: after.serviceDate, error: found.error };
  }

  private scheduleDaily(): void {
    if (!this.o.at) return;
    this.arm(nextRefreshAt(this.now(), this.o.at));
  }

  private scheduleRetry(): void {
    const retryAt = this.now() + retryDelayMs(this.failures, this.o.retry);
    // The daily slot still comes first if it is sooner.
    this.arm(this.o.at ? Math.min(retryAt, nextRefreshAt(this.now(), this.o.at)) : retryAt);
  }

  private arm(at: number): void {
    this.clear();
    if (this.stopped || !this.apply) return;
    this.nextAttemptAt = at;
    const set = this.o.setTimer ?? defaultSetTimer;
    this.timer = set(() => this.fire(at), Math.max(0, at - this.now()));
  }

  private fire(at: number): void {
    this.timer = null;
    if (this.stopped) return;
    // Timers can fire early (or the clock moved): wait out the rest rather than refresh twice.
    if (this.now() < at) this.arm(at);
    else void this.refreshNow();
  }

  private clear(): void {
    if (this.timer !== null) (this.o.clearTimer ?? defaultClearTimer)(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }
}

// setTimeout takes at most 2^31-1 ms; a day is far below. unref: a pending refresh never keeps the process up.
function defaultSetTimer(fn: () => void, ms: number): unknown {
  const t = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
  t.unref();
  return t;
}

function defaultClearTimer(handle: unknown): void {
  clearTimeout(handle as ReturnType<typeof setTimeout>);
}
