"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { setAdminToken, useAdminToken } from "../lib/admin-token";
import { clockHm, clockTime } from "../lib/format";
import { connection } from "../lib/live/connection";
import { engineTimeAt, useClock, useConnectionInfo, useNow } from "../lib/live/hooks";

const SPEEDS = [1, 10, 60, 300, 900, 3600];

/**
 * Replay and demo modes: engine time, speed and where in the recording we
 * are. Controls (play, pause, speed, scrub) change the replay for everyone,
 * so they appear only for an admin session holding the server's token.
 */
export function ReplayBar() {
  const clock = useClock();
  const info = useConnectionInfo();
  const token = useAdminToken();
  const now = useNow(500);
  const [scrub, setScrub] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(commit.current), []);

  const mode = info.hello?.mode ?? clock?.data.mode;
  if (!clock || mode === "live" || mode === undefined) return null;
  const c = clock.data;
  const t = engineTimeAt(clock, now) ?? c.t;
  const range = c.range;
  const admin = Boolean(token) && info.hello?.replayControls === true;

  const send = async (action: "play" | "pause" | "speed" | "seek", value?: number) => {
    if (!token) return;
    const r = await connection().replay(token, action, value);
    if (r.ok) setError(null);
    else {
      setError(r.error ?? "refused");
      if (/token|auth|admin/i.test(r.error ?? "")) setAdminToken(null);
    }
  };
  const onScrub = (v: number) => {
    setScrub(v);
    clearTimeout(commit.current);
    commit.current = setTimeout(() => {
      void send("seek", v).then(() => setScrub(null));
    }, 350);
  };
  const position = scrub ?? t;
  const share = range
    ? Math.min(1, Math.max(0, (position - range.start) / (range.end - range.start || 1)))
    : 0;

  return (
    <section className="replay-bar" aria-label="Replay" data-testid="replay-bar">
      <span className="tag">{mode === "demo" ? "Demo day" : "Replay"}</span>
      <span className="replay-time" data-testid="engine-time" data-t={Math.round(c.t)}>
        {clockTime(t)}
      </span>
      <span className="muted" data-testid="replay-speed">
        {c.playing ? `${c.speed}×` : "paused"}
      </span>
      {range && (
        <div className="replay-timeline">
          <span className="muted small">{clockHm(range.start)}</span>
          {admin ? (
            <input
              type="range"
              aria-label="Scrub the replay to a time"
              data-testid="replay-scrub"
              min={range.start}
              max={range.end}
              step={60_000}
              value={position}
              aria-valuetext={clockHm(position)}
              onChange={(e) => onScrub(Number(e.currentTarget.value))}
            />
          ) : (
            <div
              className="timeline-track"
              role="progressbar"
              aria-label="Replay position"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share * 100)}
              aria-valuetext={clockHm(position)}
            >
              <span className="timeline-fill" style={{ width: `${share * 100}%` }} />
            </div>
          )}
          <span className="muted small">{clockHm(range.end)}</span>
        </div>
      )}
      {admin ? (
        <div className="btn-row" data-testid="replay-controls">
          <button
            type="button"
            className="btn primary"
            onClick={() => send(c.playing ? "pause" : "play")}
            data-testid="replay-toggle"
          >
            {c.playing ? "Pause" : "Play"}
          </button>
          <label className="chart-controls">
            <span>Speed</span>
            <select
              value={c.speed}
              data-testid="replay-speed-select"
              onChange={(e) => send("speed", Number(e.currentTarget.value))}
            >
              {[...new Set([...SPEEDS, c.speed])]
                .sort((a, b) => a - b)
                .map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => setAdminToken(null)}>
            Leave admin
          </button>
        </div>
      ) : (
        info.hello?.replayControls && <AdminLogin />
      )}
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </section>
  );
}

function AdminLogin() {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  if (!open)
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="admin-open">
        Admin…
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) setAdminToken(value.trim());
  };
  return (
    <form className="admin-form" onSubmit={submit}>
      <label>
        <span className="sr-only">Admin token</span>
        <input
          type="password"
          autoComplete="off"
          placeholder="admin token"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          data-testid="admin-token"
        />
      </label>
      <button type="submit" className="btn">
        Unlock controls
      </button>
    </form>
  );
}
