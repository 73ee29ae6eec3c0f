/**
 * Running times from the map: the distance along the stations a train passes,
 * a cruising speed (faster on express runs) and a fixed penalty for each
 * start and stop, plus a dwell that is longer at the big transfer stations.
 * Calibrated so that, e.g., the 1 takes about 40 minutes from 242 St to Times Sq.
 */
import { distanceM } from "../geo";
import type { Line, Network, PatternStop } from "../network/types";
import type { Direction, TimedStop } from "./types";

const START_STOP_PENALTY_S = 20;
/** Track is longer than the straight line between stations. */
const CURVATURE = 1.15;
const LOCAL_SPEED_MS = 12.5;
const EXPRESS_SPEED_MS = 16.5;
const RAILROAD_SPEED_MS = 16;
const DWELL_S = 30;
const BIG_STATION_DWELL_S = 45;
const TIMETABLE_STEP_S = 30;

/** Big transfer stations: complexes of three or more stations. */
function isBigStation(net: Network, stationId: string): boolean {
  const st = net.stations.get(stationId)!;
  return (net.complexes.get(st.complexId)?.stationIds.length ?? 1) >= 3;
}

export function trackName(line: Line, direction: Direction, express: boolean): string {
  if (line.id === "SI") return direction === "S" ? "01" : "02";
  if (line.id === "L") return direction === "S" ? "1" : "2";
  const digit = direction === "S" ? (express ? "2" : "1") : express ? "3" : "4";
  return line.trackPrefix + digit;
}

/**
 * Times along a sequence of pattern stations given in travel order. A stop
 * is on the express track when the train passes a station right before or
 * after it, or when the pattern says so (PatternStop.expressTrack).
 */
export function timeProfile(
  net: Network,
  line: Line,
  seq: readonly PatternStop[],
  direction: Direction,
): TimedStop[] {
  const speed = line.id === "SI" ? RAILROAD_SPEED_MS : LOCAL_SPEED_MS;
  const out: TimedStop[] = [];
  let clock = 0;
  let meters = 0;
  let passed = false;
  let lastPublished = -TIMETABLE_STEP_S;
  for (let i = 0; i < seq.length; i++) {
    const here = seq[i];
    if (i > 0) {
      const a = net.stations.get(seq[i - 1].stationId)!;
      const b = net.stations.get(here.stationId)!;
      meters += distanceM(a.lat, a.lon, b.lat, b.lon) * CURVATURE;
    }
    if (!here.stops) {
      passed = true;
      continue;
    }
    if (out.length > 0)
      clock += START_STOP_PENALTY_S + meters / (passed ? Math.max(speed, EXPRESS_SPEED_MS) : speed);
    const express = here.expressTrack === true || seq[i - 1]?.stops === false || seq[i + 1]?.stops === false;
    const dwell = isBigStation(net, here.stationId) ? BIG_STATION_DWELL_S : DWELL_S;
    const last = i === seq.length - 1;
    const raw = out.length === 0 ? 0 : last ? clock : clock + dwell;
    const offset = Math.max(
      lastPublished + TIMETABLE_STEP_S,
      Math.round(raw / TIMETABLE_STEP_S) * TIMETABLE_STEP_S,
    );
    lastPublished = offset;
    out.push({
      stationId: here.stationId,
      stopId: here.stationId + direction,
      offset,
      runOffset: clock,
      dwell: out.length === 0 || last ? 0 : dwell,
      track: trackName(line, direction, express),
      express,
    });
    if (!last && out.length > 1) clock += dwell;
    meters = 0;
    passed = false;
  }
  return out;
}

/** Pattern stations in travel order: listed north to south, so northbound trips run them backwards. */
export function inTravelOrder(stops: readonly PatternStop[], direction: Direction): PatternStop[] {
  return direction === "S" ? [...stops] : [...stops].reverse();
}
