/**
 * The kiosk is configured by its URL only (it has no keyboard):
 * /kiosk?panels=status,map,bikes,alerts&lines=A,C,E&station=127&rotate=20
 * plus, for installers: stale=<s> (seconds offline before the screen is
 * marked stale, default 10), nodata=<s> (age of the last data at which the
 * screen gives way to the "no data" screen, default 300) and shift=<min>
 * (minutes between burn-in pixel shifts, default 3).
 */

export const KIOSK_PANELS = ["status", "map", "bikes", "alerts", "arrivals"] as const;
export type KioskPanel = (typeof KIOSK_PANELS)[number];

export interface KioskConfig {
  panels: KioskPanel[];
  lines: string[];
  station: string | null;
  rotateSec: number;
  staleSec: number;
  noDataSec: number;
  /** Minutes between burn-in pixel shifts. */
  shiftMin: number;
}

const DEFAULT_PANELS: KioskPanel[] = ["status", "map", "bikes", "alerts"];

function bounded(raw: string | null, def: number, min: number, max: number): number {
  if (raw === null || raw.trim() === "") return def;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : def;
}

function list(raw: string | null): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseKioskConfig(params: URLSearchParams): KioskConfig {
  const station = params.get("station")?.trim() ?? "";
  const validStation = /^[A-Za-z0-9]{1,8}$/.test(station) ? station : null;
  const asked = list(params.get("panels")).filter((p): p is KioskPanel =>
    (KIOSK_PANELS as readonly string[]).includes(p),
  );
  let panels = asked.length > 0 ? [...new Set(asked)] : [...DEFAULT_PANELS];
  // A station given without panels means: show its arrivals too.
  if (asked.length === 0 && validStation) panels = ["arrivals", ...panels];
  if (!validStation) panels = panels.filter((p) => p !== "arrivals");
  if (panels.length === 0) panels = [...DEFAULT_PANELS];
  const lines = [
    ...new Set(
      list(params.get("lines"))
        .map((l) => l.toUpperCase())
        .filter((l) => /^[A-Z0-9]{1,4}$/.test(l)),
    ),
  ];
  const staleSec = bounded(params.get("stale"), 10, 1, 3600);
  return {
    panels,
    lines,
    station: validStation,
    rotateSec: bounded(params.get("rotate"), 20, 3, 600),
    staleSec,
    noDataSec: Math.max(staleSec + 1, bounded(params.get("nodata"), 300, 3, 24 * 3600)),
    shiftMin: bounded(params.get("shift"), 3, 0.05, 60),
  };
}
