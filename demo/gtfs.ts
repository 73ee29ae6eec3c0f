/**
 * The demo network and timetable as a static GTFS feed, shaped like the
 * MTA's: parent stations with N/S platforms, routes with their colours, one
 * weekday service, trip ids that end with the realtime trip id, shapes drawn
 * through every station a pattern passes, transfers within complexes, and
 * the MTA's Stations.csv alongside (complexes, boroughs, step-free access).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stationsCsv } from "./gtfs-stations-csv";
import type { Line, Network } from "./network/types";
import { clockOf } from "./schedule/codes";
import { inTravelOrder } from "./schedule/running-times";
import type { ScheduledTrip } from "./schedule/types";

export type GtfsFiles = Map<string, string>;

/** A CSV cell: quoted only when it must be. */
function cell(v: string | number | undefined): string {
  if (v === undefined) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: Iterable<(string | number | undefined)[]>): string {
  const out = [header.join(",")];
  for (const r of rows) out.push(r.map(cell).join(","));
  return out.join("\n") + "\n";
}

export interface GtfsOptions {
  /** First and last date of the weekday service, YYYYMMDD. */
  startDate: string;
  endDate: string;
}

function routesOf(net: Network): { routeId: string; line: Line }[] {
  const seen = new Map<string, Line>();
  for (const line of net.lines)
    for (const p of line.patterns) if (!seen.has(p.routeId)) seen.set(p.routeId, line);
  return [...seen].map(([routeId, line]) => ({ routeId, line }));
}

function stopsTxt(net: Network): string {
  const rows: (string | number)[][] = [];
  for (const s of net.stations.values()) {
    const lat = s.lat.toFixed(6);
    const lon = s.lon.toFixed(6);
    rows.push([s.id, s.name, lat, lon, 1, ""]);
    rows.push([`${s.id}N`, s.name, lat, lon, 0, s.id]);
    rows.push([`${s.id}S`, s.name, lat, lon, 0, s.id]);
  }
  return csv(["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station"], rows);
}

function routesTxt(net: Network): string {
  return csv(
    [
      "agency_id",
      "route_id",
      "route_short_name",
      "route_long_name",
      "route_type",
      "route_desc",
      "route_color",
      "route_text_color",
    ],
    routesOf(net).map(({ routeId, line }) => [
      "MTA NYCT",
      routeId,
      routeId,
      line.name,
      routeId === "SI" ? 2 : 1,
      `${line.name} (demo network)`,
      line.color,
      line.textColor,
    ]),
  );
}

function tripsTxt(net: Network, trips: readonly ScheduledTrip[]): string {
  return csv(
    ["route_id", "trip_id", "service_id", "trip_headsign", "direction_id", "shape_id"],
    trips.map((t) => [
      t.routeId,
      t.gtfsTripId,
      "Weekday",
      net.stations.get(t.stops.at(-1)!.stationId)!.name,
      // The MTA numbers north 0 and south 1.
      t.direction === "N" ? 0 : 1,
      t.shapeId,
    ]),
  );
}

function stopTimesTxt(trips: readonly ScheduledTrip[]): string {
  const lines = ["trip_id,stop_id,arrival_time,departure_time,stop_sequence"];
  for (const t of trips) {
    t.stops.forEach((s, i) => {
      const time = clockOf(t.start + s.offset);
      lines.push(`${t.gtfsTripId},${s.stopId},${time},${time},${i + 1}`);
    });
  }
  return lines.join("\n") + "\n";
}

function shapesTxt(net: Network, trips: readonly ScheduledTrip[]): string {
  const done = new Set<string>();
  const rows: (string | number)[][] = [];
  for (const t of trips) {
    if (done.has(t.shapeId)) continue;
    done.add(t.shapeId);
    inTravelOrder(t.pattern.stops, t.direction).forEach((ps, i) => {
      const s = net.stations.get(ps.stationId)!;
      rows.push([t.shapeId, i, s.lat.toFixed(6), s.lon.toFixed(6)]);
    });
  }
  return csv(["shape_id", "shape_pt_sequence", "shape_pt_lat", "shape_pt_lon"], rows);
}

function transfersTxt(net: Network): string {
  const rows: (string | number)[][] = [];
  for (const c of net.complexes.values()) {
    for (const from of c.stationIds) {
      for (const to of c.stationIds) rows.push([from, to, 2, from === to ? 0 : 180]);
    }
  }
  return csv(["from_stop_id", "to_stop_id", "transfer_type", "min_transfer_time"], rows);
}

export function gtfsFiles(net: Network, trips: readonly ScheduledTrip[], opts: GtfsOptions): GtfsFiles {
  const files: GtfsFiles = new Map();
  files.set(
    "agency.txt",
    csv(
      ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"],
      [["MTA NYCT", "MTA New York City Transit (demo)", "http://www.mta.info", "America/New_York", "en", ""]],
    ),
  );
  files.set(
    "calendar.txt",
    csv(
      [
        "service_id",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "start_date",
        "end_date",
      ],
      [["Weekday", 1, 1, 1, 1, 1, 0, 0, opts.startDate, opts.endDate]],
    ),
  );
  files.set("calendar_dates.txt", csv(["service_id", "date", "exception_type"], []));
  files.set("routes.txt", routesTxt(net));
  files.set("stops.txt", stopsTxt(net));
  files.set("trips.txt", tripsTxt(net, trips));
  files.set("stop_times.txt", stopTimesTxt(trips));
  files.set("shapes.txt", shapesTxt(net, trips));
  files.set("transfers.txt", transfersTxt(net));
  files.set("Stations.csv", stationsCsv(net));
  return files;
}

export function writeGtfsFolder(dir: string, files: GtfsFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}
