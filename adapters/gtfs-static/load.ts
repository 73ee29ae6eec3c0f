/**
 * loadStaticGtfs: a folder or a zip of static GTFS (plus the MTA's
 * Stations.csv when present) into one StaticGtfs. Nothing throws out: the
 * result carries a FeedError naming the file (and line or byte) on failure;
 * bad rows are skipped and listed in `warnings`.
 */
import { statSync } from "node:fs";
import { FeedError, fail, ok, type Result } from "../errors";
import { StaticGtfs } from "./model";
import { agencyRow, calendarDateRow, calendarRow, routeRow, stopRow, transferRow, tripRow } from "./schemas";
import { shapesTable } from "./shapes";
import { readFolder, readZip, type SinkFor } from "./sources";
import { stationsCsvTable } from "./stations-csv";
import { StopTimesBuilder, StopTimesTable } from "./stop-times";
import { FEED, LoadWarnings, recordTable, type TableSink } from "./table";
import type {
  CalendarDate,
  MtaStationInfo,
  Route,
  ServiceCalendar,
  Shape,
  Stop,
  Transfer,
  Trip,
} from "./types";

const REQUIRED = ["stops.txt", "routes.txt", "trips.txt"];

export async function loadStaticGtfs(source: string): Promise<Result<StaticGtfs>> {
  try {
    return ok(await load(source));
  } catch (e) {
    if (e instanceof FeedError) return fail(e);
    return fail(
      new FeedError(
        "parse",
        `cannot read static GTFS ${source}: ${(e as Error).message}`,
        { feed: FEED, url: source },
        { cause: e },
      ),
    );
  }
}

async function load(source: string): Promise<StaticGtfs> {
  const warnings = new LoadWarnings();
  const stops = new Map<string, Stop>();
  const routes = new Map<string, Route>();
  const trips = new Map<string, Trip>();
  const shapes = new Map<string, Shape>();
  const transfers: Transfer[] = [];
  const calendar = new Map<string, ServiceCalendar>();
  const calendarDates: CalendarDate[] = [];
  const mtaStations = new Map<string, MtaStationInfo>();
  const stopTimes = new StopTimesBuilder(warnings);
  let timezone: string | undefined;

  const sinks: Record<string, () => TableSink> = {
    "agency.txt": () =>
      recordTable("agency.txt", agencyRow, warnings, (r) => void (timezone ??= r.agency_timezone)),
    "stops.txt": () =>
      recordTable("stops.txt", stopRow, warnings, (r) =>
        stops.set(r.stop_id, {
          id: r.stop_id,
          name: r.stop_name,
          lat: r.stop_lat ?? Number.NaN,
          lon: r.stop_lon ?? Number.NaN,
          locationType: r.location_type,
          parentStation: r.parent_station,
        }),
      ),
    "routes.txt": () =>
      recordTable("routes.txt", routeRow, warnings, (r) =>
        routes.set(r.route_id, {
          id: r.route_id,
          agencyId: r.agency_id,
          shortName: r.route_short_name,
          longName: r.route_long_name,
          type: r.route_type,
          description: r.route_desc,
          color: r.route_color,
          textColor: r.route_text_color,
        }),
      ),
    "trips.txt": () =>
      recordTable("trips.txt", tripRow, warnings, (r) =>
        trips.set(r.trip_id, {
          id: r.trip_id,
          routeId: r.route_id,
          serviceId: r.service_id,
          headsign: r.trip_headsign,
          directionId: r.direction_id,
          shapeId: r.shape_id,
        }),
      ),
    "stop_times.txt": () => stopTimes.sink(),
    "shapes.txt": () => shapesTable(shapes, warnings),
    "transfers.txt": () =>
      recordTable("transfers.txt", transferRow, warnings, (r) =>
        transfers.push({
          fromStopId: r.from_stop_id,
          toStopId: r.to_stop_id,
          transferType: r.transfer_type,
          minTransferTime: r.min_transfer_time,
        }),
      ),
    "calendar.txt": () =>
      recordTable("calendar.txt", calendarRow, warnings, (r) =>
        calendar.set(r.service_id, {
          serviceId: r.service_id,
          days: [r.monday, r.tuesday, r.wednesday, r.thursday, r.friday, r.saturday, r.sunday],
          startDate: r.start_date,
          endDate: r.end_date,
        }),
      ),
    "calendar_dates.txt": () =>
      recordTable("calendar_dates.txt", calendarDateRow, warnings, (r) =>
        calendarDates.push({ serviceId: r.service_id, date: r.date, exceptionType: r.exception_type }),
      ),
    "stations.csv": () => stationsCsvTable(mtaStations, warnings),
  };
  // Stations.csv has been published with varying capitalisation.
  const sinkFor: SinkFor = (name) => (sinks[name] ?? sinks[name.toLowerCase()])?.();

  const isDir = statSync(source).isDirectory();
  const files = isDir ? readFolder(source, sinkFor) : await readZip(source, sinkFor);
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length > 0) {
    throw new FeedError("invalid", `static GTFS ${source} lacks ${missing.join(", ")}`, {
      feed: FEED,
      url: source,
    });
  }
  return new StaticGtfs({
    stops,
    routes,
    trips,
    stopTimes: files.includes("stop_times.txt") ? stopTimes.build() : StopTimesTable.empty(),
    shapes,
    transfers,
    calendar,
    calendarDates,
    mtaStations,
    timezone,
    files,
    warnings: warnings.all(),
  });
}
