/**
 * Hand-made static GTFS for tests: a few stations, routes and trips written
 * as real GTFS text files to a temporary folder and read back with the real
 * loader, so tests exercise the same path as production.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStaticGtfs, type StaticGtfs } from "../../adapters/gtfs-static";

export interface TinyStation {
  id: string;
  name?: string;
  lat: number;
  lon: number;
}

export interface TinyTrip {
  /** trips.txt id; the realtime id is its tail after the last "-" (e.g. "WKD-048000_A..S"). */
  id: string;
  route: string;
  /** Platform suffixes follow the direction. */
  direction: "N" | "S";
  /** [station id, seconds after the day's origin]; departure = arrival. */
  stops: Array<[string, number]>;
  shapeId?: string;
  service?: string;
}

export interface TinyGtfsSpec {
  stations: TinyStation[];
  routes: Array<{ id: string; color?: string; textColor?: string; longName?: string }>;
  trips: TinyTrip[];
  shapes?: Record<string, Array<[number, number]>>;
  /** Weekday service from this date (YYYYMMDD) for a year; default 20250101. */
  startDate?: string;
}

const clock = (sec: number) => {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = Math.floor(sec % 60);
  return [h, m, s].map((x) => String(x).padStart(2, "0")).join(":");
};

export function tinyGtfsFiles(spec: TinyGtfsSpec): Record<string, string> {
  const start = spec.startDate ?? "20250101";
  const end = String(Number(start) + 10000);
  const stops = ["stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station"];
  for (const s of spec.stations) {
    const name = s.name ?? `Station ${s.id}`;
    stops.push(`${s.id},${name},${s.lat},${s.lon},1,`);
    for (const d of ["N", "S"]) stops.push(`${s.id}${d},${name},${s.lat},${s.lon},0,${s.id}`);
  }
  const files: Record<string, string> = {
    "agency.txt":
      "agency_id,agency_name,agency_url,agency_timezone\nMTA NYCT,MTA New York City Transit,http://www.mta.info,America/New_York\n",
    "stops.txt": stops.join("\n"),
    "routes.txt": [
      "route_id,agency_id,route_short_name,route_long_name,route_type,route_color,route_text_color",
      ...spec.routes.map(
        (r) =>
          `${r.id},MTA NYCT,${r.id},${r.longName ?? `Line ${r.id}`},1,${r.color ?? ""},${r.textColor ?? ""}`,
      ),
    ].join("\n"),
    "trips.txt": [
      "route_id,trip_id,service_id,trip_headsign,direction_id,shape_id",
      ...spec.trips.map(
        (t) =>
          `${t.route},${t.id},${t.service ?? "Weekday"},,${t.direction === "N" ? 0 : 1},${t.shapeId ?? ""}`,
      ),
    ].join("\n"),
    "stop_times.txt": [
      "trip_id,arrival_time,departure_time,stop_id,stop_sequence",
      ...spec.trips.flatMap((t) =>
        t.stops.map(([s, sec], i) => `${t.id},${clock(sec)},${clock(sec)},${s}${t.direction},${i + 1}`),
      ),
    ].join("\n"),
    "calendar.txt": [
      "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
      `Weekday,1,1,1,1,1,0,0,${start},${end}`,
      `Weekend,0,0,0,0,0,1,1,${start},${end}`,
    ].join("\n"),
  };
  if (spec.shapes) {
    const rows = ["shape_id,shape_pt_sequence,shape_pt_lat,shape_pt_lon"];
    for (const [id, pts] of Object.entries(spec.shapes))
      pts.forEach(([lat, lon], i) => {
        rows.push(`${id},${i + 1},${lat},${lon}`);
      });
    files["shapes.txt"] = rows.join("\n");
  }
  return files;
}

/** Writes the files to a temporary folder, loads them with loadStaticGtfs, removes the folder. */
export async function loadTinyGtfs(spec: TinyGtfsSpec): Promise<StaticGtfs> {
  const dir = mkdtempSync(join(tmpdir(), "tiny-gtfs-"));
  try {
    for (const [name, text] of Object.entries(tinyGtfsFiles(spec))) writeFileSync(join(dir, name), text);
    const r = await loadStaticGtfs(dir);
    if (!r.ok) throw r.error;
    return r.value;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
