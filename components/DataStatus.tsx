"use client";
import Link from "next/link";
import type { FeedHealth } from "../adapters/health/health";
import { feedLabel } from "../lib/feed-label";
import { ago, clockHm, clockTime, dayLabel, duration } from "../lib/format";
import {
  useCatchUpTarget,
  useClock,
  useConnectionInfo,
  useDataAsOf,
  useNow,
  useTopic,
} from "../lib/live/hooks";

/** Always visible: the time the data is as of, the connection, and which feeds are stale. */
export function DataStatus() {
  const clock = useClock();
  const info = useConnectionInfo();
  const health = useTopic<FeedHealth[]>("health")?.data ?? [];
  // "As of": the time of the newest data, else the engine clock.
  const newest = useDataAsOf();
  const asOf = newest?.t ?? clock?.data.t ?? null;
  const now = useNow(1000);
  const stale = health.filter((h) => h.stale);
  // The clock runs ahead of the data while the engine replays what comes before it (a start mid-day, a seek, a warm-up).
  const heading = useCatchUpTarget();
  const mode = info.hello?.mode ?? clock?.data.mode;
  const connected = info.state === "connected";
  const connLabel = connected
    ? mode === "live"
      ? "Live"
      : mode === "replay"
        ? "Replay"
        : mode === "demo"
          ? "Demo day"
          : "Connected"
    : info.state === "connecting"
      ? "Connecting…"
      : `Reconnecting…${info.lastMessageAt ? ` last data ${ago(now, info.lastMessageAt)}` : ""}`;
  return (
    <div className="data-status" data-testid="data-status">
      <span className="as-of" data-testid="as-of" aria-live="off">
        {asOf !== null ? (
          <>
            <span className="muted">as of </span>
            <strong>{clockTime(asOf)}</strong> <span className="muted">{dayLabel(asOf)}</span>
          </>
        ) : (
          <span className="muted">as of –</span>
        )}
      </span>
      <span
        className={`pill ${connected ? "ok" : info.state === "connecting" ? "warn" : "bad"}`}
        data-testid="connection"
        data-state={info.state}
        role="status"
      >
        {connLabel}
      </span>
      {heading !== null && (
        <span
          className="pill warn"
          data-testid="catching-up"
          title="The engine is replaying the hours before this time as fast as it can; the data shown is as of the time on the left."
        >
          Catching up to {clockHm(heading)}…
        </span>
      )}
      {stale.length === 0 && health.length > 0 && (
        <Link className="pill ok" href="/health">
          {health.length} feeds fresh
        </Link>
      )}
      {stale.map((h) => (
        <Link
          key={h.feed}
          className="pill bad"
          href="/health"
          data-testid="stale-feed"
          title={h.lastError ?? "no recent data"}
        >
          {feedLabel(h.feed)} stale{h.ageMs !== null ? ` · ${duration(h.ageMs / 1000)}` : ""}
        </Link>
      ))}
    </div>
  );
}
