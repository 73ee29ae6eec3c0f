/**
 * The identifiers the MTA's feeds carry, in their formats:
 * - trip id "053700_B..S65R": origin time in hundredths of a minute after
 *   midnight (6 digits), "_", route, dot padding, direction, path code;
 * - static GTFS trip id: a schedule prefix, then the realtime trip id;
 * - NYCT train id "1B 0857 BPK/BBC": line prefix, origin time (HHMM, "+"
 *   for the half minute), origin/destination codes.
 */
import type { Line, Network, Pattern } from "../network/types";
import type { Direction } from "./types";

/** Three-letter codes of the terminals, as train ids show them. */
const TERMINAL_CODES: Record<string, string> = {
  "101": "242",
  "142": "SFT",
  "201": "241",
  "247": "FLA",
  "301": "148",
  "257": "NLT",
  "127": "TSQ",
  "401": "WDL",
  "250": "UTI",
  "501": "DYR",
  "213": "180",
  "601": "PEL",
  "640": "BBR",
  "701": "MST",
  "726": "34H",
  "901": "GCS",
  "902": "TSS",
  A02: "207",
  H11: "FAR",
  A65: "LEF",
  A09: "168",
  A55: "EUC",
  G05: "JAM",
  E01: "WTC",
  H04: "BCH",
  H15: "RPK",
  S01: "FRA",
  D26: "PPK",
  D03: "BPK",
  D13: "145",
  D40: "BBC",
  D01: "205",
  D43: "CON",
  F01: "179",
  G08: "71A",
  M01: "MET",
  M11: "MYR",
  G22: "CRS",
  G28: "NAS",
  F27: "CHU",
  M23: "BRD",
  L01: "8AV",
  L29: "RPY",
  R01: "DIT",
  Q05: "96S",
  R45: "95S",
  R27: "WHL",
  S31: "STG",
  S09: "TNV",
};

export function terminalCode(net: Network, stationId: string): string {
  const known = TERMINAL_CODES[stationId];
  if (known) return known;
  const name = net.stations.get(stationId)?.name ?? stationId;
  return name
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, "X");
}

/** "6X" trips run as route "6" in trip ids (the MTA's quirk); the other routes as themselves. */
function tripRoutePart(routeId: string): string {
  return routeId === "6X" ? "6" : routeId;
}

export function tripIdOf(start: number, pattern: Pattern, direction: Direction): string {
  const hundredths = String(Math.round((start / 60) * 100)).padStart(6, "0");
  const route = tripRoutePart(pattern.routeId);
  const dots = route.length === 1 ? ".." : route === "GS" || route === "FS" ? "." : "..";
  return `${hundredths}_${route}${dots}${direction}${pattern.pathCode}`;
}

export const GTFS_TRIP_PREFIX = "DMO25GEN-1000-Weekday-00_";

export function gtfsTripIdOf(tripId: string): string {
  return GTFS_TRIP_PREFIX + tripId;
}

export function shapeIdOf(pattern: Pattern, direction: Direction): string {
  const route = tripRoutePart(pattern.routeId);
  return `${route}..${direction}${pattern.pathCode}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "HH:MM:SS" of seconds after midnight; hours past 24 stay as they are (GTFS style). */
export function clockOf(seconds: number): string {
  const s = Math.round(seconds);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

export function trainIdOf(line: Line, start: number, origin: string, destination: string): string {
  const minutes = Math.floor(start / 60);
  const hhmm = pad2(Math.floor(minutes / 60) % 24) + pad2(minutes % 60);
  const half = start % 60 >= 30 ? "+" : " ";
  // IRT ids put a space between the time and the terminals ("01 1413+ SFT/242"); lettered ones do not.
  const gap = line.division === "A" ? " " : "";
  return `${line.trainPrefix} ${hhmm}${half}${gap}${origin}/${destination}`;
}
