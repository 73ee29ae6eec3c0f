"use client";
/**
 * `/kiosk`: a wall screen. No interaction, dark, large type; panels rotate.
 * It never shows a blank or frozen screen: offline, it keeps the last good
 * screen marked with the data's age, then the "no data" screen (part of the
 * bundle, so it shows with the server gone); it reconnects by itself (socket.io
 * backoff) and reloads when the server announces a new build.
 */
import { useEffect, useState } from "react";
import { ago, clockHm, clockTime } from "../../lib/format";
import type { KioskConfig, KioskPanel } from "../../lib/kiosk-config";
import { keepKioskOffline } from "../../lib/kiosk-offline";
import { configureConnection } from "../../lib/live/connection";
import {
  dataTimeAt,
  useCatchUpTarget,
  useClock,
  useConnectionInfo,
  useDataAsOf,
  useNow,
} from "../../lib/live/hooks";
import { useNetwork } from "../../lib/network";
import { preloadMap } from "../map/LazyMap";
import { freshness } from "./freshness";
import { AlertsPanel, ArrivalsPanel, BikesPanel, MapPanel, StatusPanel } from "./KioskPanels";
import { usePixelShift, useWakeLock } from "./use-kiosk-care";

// Before the first use of the connection: reload on a new build, back off up to 10 s.
configureConnection({
  backoffMaxMs: 10_000,
  onNewBuild: () => window.location.reload(),
});

const PANEL_NAMES: Record<KioskPanel, string> = {
  status: "Line status",
  map: "Map",
  bikes: "Citi Bike",
  alerts: "Alerts",
  arrivals: "Arrivals",
};

export function Kiosk({ config, tileUrl }: { config: KioskConfig; tileUrl: string | null }) {
  const { network } = useNetwork();
  const info = useConnectionInfo();
  // Its clock shows the data's own time; the footer says when that trails a catch-up.
  const catchUpTo = useCatchUpTarget();
  const clock = useClock();
  const now = useNow(1000);
  const [startedAt] = useState(() => Date.now());
  const [index, setIndex] = useState(0);
  const shift = usePixelShift(config.shiftMin);
  const wake = useWakeLock();
  const panels = config.panels;

  useEffect(() => {
    // Fetch the map's code now, while the server is there.
    if (panels.includes("map")) void preloadMap();
  }, [panels]);
  useEffect(() => {
    // Once its code (lazy chunks too) is in: keep a copy, so a restart while the server is down shows "no data".
    const id = setTimeout(() => void keepKioskOffline().catch(() => {}), 4000);
    return () => clearTimeout(id);
  }, []);
  useEffect(() => {
    if (panels.length < 2) return;
    const id = setInterval(() => setIndex((i) => (i + 1) % panels.length), config.rotateSec * 1000);
    return () => clearInterval(id);
  }, [panels.length, config.rotateSec]);

  const fresh = freshness({
    now: now || startedAt,
    connected: info.state === "connected",
    lastMessageAt: info.lastMessageAt,
    lostAt: info.lostAt,
    startedAt,
    staleSec: config.staleSec,
    noDataSec: config.noDataSec,
  });
  // The clock shows the time the data is as of, carried forward between messages.
  const dataNow = dataTimeAt(useDataAsOf(), clock, now);
  const current = panels[index % panels.length];
  const lines = config.lines;
  const stationName = config.station ? network?.stationById.get(config.station)?.name : null;

  return (
    <div
      className="kiosk"
      style={{ transform: `translate(${shift[0]}px, ${shift[1]}px)` }}
      data-testid="kiosk"
      data-state={fresh.kind}
      data-shift={shift.join(",")}
      data-wake-lock={wake}
    >
      <header className="kiosk-top">
        <span className="kiosk-title">{stationName ? stationName : "NYC subway & Citi Bike"}</span>
        <span className="kiosk-clock" data-testid="kiosk-clock">
          {dataNow !== null ? clockTime(dataNow).slice(0, 5) : now ? clockTime(now).slice(0, 5) : ""}
        </span>
      </header>
      <main className="kiosk-body">
        {fresh.kind === "nodata" ? (
          <div className="kiosk-nodata" data-testid="kiosk-nodata" role="status">
            <div className="big">{fresh.connecting ? "Connecting…" : "No live data"}</div>
            <div className="sub">
              {fresh.connecting
                ? "Waiting for the transit server."
                : fresh.ageSec !== null
                  ? `The last update is ${ago(now, info.lastMessageAt)}, too old to show.`
                  : "The transit server cannot be reached."}
            </div>
            {!fresh.connecting && (
              <div className="sub">This screen comes back by itself when the server answers.</div>
            )}
          </div>
        ) : (
          <>
            {fresh.kind === "stale" && (
              <div className="kiosk-stale" data-testid="kiosk-stale" role="status">
                Offline · last update {ago(now, info.lastMessageAt)}
              </div>
            )}
            {panels.map((p) => (
              <section
                key={p}
                data-testid="kiosk-panel"
                data-panel={p}
                aria-hidden={p !== current}
                style={{
                  position: "absolute",
                  inset: 0,
                  padding: "0 1em",
                  visibility: p === current ? "visible" : "hidden",
                }}
              >
                {p === "status" && <StatusPanel network={network} lines={lines} />}
                {p === "map" && <MapPanel network={network} lines={lines} tileUrl={tileUrl} />}
                {p === "bikes" && <BikesPanel network={network} station={config.station} />}
                {p === "alerts" && <AlertsPanel network={network} lines={lines} />}
                {p === "arrivals" && config.station && (
                  <ArrivalsPanel network={network} station={config.station} />
                )}
              </section>
            ))}
          </>
        )}
      </main>
      <footer className="kiosk-foot">
        <span className="kiosk-dots" aria-hidden="true">
          {panels.map((p) => (
            <span key={p} className={p === current ? "kiosk-dot on" : "kiosk-dot"} />
          ))}
        </span>
        <span data-testid="kiosk-current" data-panel={current}>
          {PANEL_NAMES[current]}
        </span>
        <span data-testid="kiosk-state">
          {info.hello?.mode === "demo" ? "Demo day · " : info.hello?.mode === "replay" ? "Replay · " : ""}
          {info.state !== "connected"
            ? "reconnecting"
            : catchUpTo !== null
              ? `catching up to ${clockHm(catchUpTo)}…`
              : "live"}
        </span>
      </footer>
    </div>
  );
}
