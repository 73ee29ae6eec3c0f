/**
 * The MTA's Stations.csv: GTFS stop id -> station complex, borough, ADA.
 * Its columns were renamed and reordered in 2024 (e.g. "ADA NB" became "ADA
 * Northbound", "GTFS Stop ID" moved to the first column, "CBD" and
 * "Georeference" appeared), so columns are found by name, old or new.
 */
import { z } from "zod";
import { id, int } from "./schemas";
import { type LoadWarnings, recordTable, type TableSink } from "./table";
import type { AdaStatus, MtaStationInfo } from "./types";

/** Header names seen over the years -> one key. */
const ALIASES: Record<string, string> = {
  "gtfs stop id": "gtfs_stop_id",
  "station id": "station_id",
  "complex id": "complex_id",
  borough: "borough",
  "stop name": "stop_name",
  "daytime routes": "daytime_routes",
  ada: "ada",
  "ada northbound": "ada_nb",
  "ada nb": "ada_nb",
  "ada southbound": "ada_sb",
  "ada sb": "ada_sb",
  "north direction label": "north_label",
  "south direction label": "south_label",
};

const yesNo = z.string().transform((s) => s === "1" || s.toUpperCase() === "TRUE" || s.toUpperCase() === "Y");

const stationRow = z.object({
  gtfs_stop_id: id,
  station_id: id,
  complex_id: id,
  borough: z.string().default(""),
  stop_name: z.string().default(""),
  daytime_routes: z.string().default(""),
  ada: int.pipe(z.union([z.literal(0), z.literal(1), z.literal(2)])).default(0),
  ada_nb: yesNo.optional(),
  ada_sb: yesNo.optional(),
  north_label: z.string().optional(),
  south_label: z.string().optional(),
});

export function stationsCsvTable(into: Map<string, MtaStationInfo>, warnings: LoadWarnings): TableSink {
  return recordTable(
    "Stations.csv",
    stationRow,
    warnings,
    (r) => {
      into.set(r.gtfs_stop_id, {
        gtfsStopId: r.gtfs_stop_id,
        stationId: r.station_id,
        complexId: r.complex_id,
        borough: r.borough,
        name: r.stop_name,
        daytimeRoutes: r.daytime_routes.split(/\s+/).filter(Boolean),
        ada: r.ada as AdaStatus,
        adaNorthbound: r.ada_nb,
        adaSouthbound: r.ada_sb,
        northLabel: r.north_label,
        southLabel: r.south_label,
      });
    },
    (h) => ALIASES[h.toLowerCase()] ?? h,
  );
}
