/**
 * Each station's state at engine time `now`, with its rate. The rules
 * (METRICS.md, Citi Bike):
 * - stale: last_reported never, or older than staleAfterMs: shown as such,
 *   left out of rates and of the empty / full counts;
 * - not_renting: not installed or not renting;
 * - empty: renting and no bike available; full: no dock available. A station
 *   with neither bikes nor docks is both; its view says "empty".
 */
import type { StationInformation, StationStatus } from "../../adapters/gbfs/types";
import type { BikeStationState, BikeStationView } from "../contract";
import { minutesTo, type StationFlow } from "./net-flow";

/** What the totals count of a station (metrics need nothing else: no rate, no view). */
export interface StationCounts {
  bikes: number;
  ebikes: number;
  docks: number;
  disabled: number;
  installed: boolean;
  renting: boolean;
  state: BikeStationState;
  /** Fresh, installed and renting: counted in empty / full / NotSpots and their share. */
  eligible: boolean;
  empty: boolean;
  full: boolean;
  regionId: string | null;
}

/** A view plus what the totals need; `located` is false for a station missing from station_information. */
export interface ClassifiedStation extends BikeStationView, StationCounts {
  located: boolean;
}

export function isStale(s: StationStatus, now: number, staleAfterMs: number): boolean {
  return s.lastReported === null || now - s.lastReported > staleAfterMs;
}

/** The station's state as of `now`; it is eligible (counted as empty / full) unless not renting or stale. */
function stateOf(s: StationStatus, now: number, staleAfterMs: number): BikeStationState {
  if (!(s.isInstalled && s.isRenting)) return "not_renting";
  if (isStale(s, now, staleAfterMs)) return "stale";
  return s.numBikesAvailable === 0 ? "empty" : s.numDocksAvailable === 0 ? "full" : "ok";
}

const isEligible = (state: BikeStationState) => state !== "not_renting" && state !== "stale";

/** The station's counts and flags are still those of status `s`. */
function sameCounts(c: StationCounts, s: StationStatus): boolean {
  return (
    c.bikes === s.numBikesAvailable &&
    c.ebikes === s.numEbikesAvailable &&
    c.docks === s.numDocksAvailable &&
    c.disabled === s.numBikesDisabled &&
    c.installed === s.isInstalled &&
    c.renting === s.isRenting
  );
}

/** What the totals count of a station as of `now`: `previous` itself when it counts the same. */
export function countStation(
  s: StationStatus,
  info: StationInformation | undefined,
  now: number,
  staleAfterMs: number,
  previous?: StationCounts,
): StationCounts {
  const state = stateOf(s, now, staleAfterMs);
  const regionId = info?.regionId ?? null;
  // The flags follow from the state, the counts and installed / renting.
  if (
    previous !== undefined &&
    previous.state === state &&
    sameCounts(previous, s) &&
    previous.regionId === regionId
  )
    return previous;
  const eligible = isEligible(state);
  return {
    bikes: s.numBikesAvailable,
    ebikes: s.numEbikesAvailable,
    docks: s.numDocksAvailable,
    disabled: s.numBikesDisabled,
    installed: s.isInstalled,
    renting: s.isRenting,
    state,
    eligible,
    empty: eligible && s.numBikesAvailable === 0,
    full: eligible && s.numDocksAvailable === 0,
    regionId,
  };
}

export function classifyStation(
  s: StationStatus,
  info: StationInformation | undefined,
  now: number,
  staleAfterMs: number,
  /** The station's own net flow. */
  flow: StationFlow,
  previous?: ClassifiedStation,
): ClassifiedStation {
  const state = stateOf(s, now, staleAfterMs);
  const eligible = isEligible(state);
  const empty = eligible && s.numBikesAvailable === 0;
  const full = eligible && s.numDocksAvailable === 0;
  // A stale or closed station's history is dropped: its rate restarts once it is back.
  if (!eligible) flow.forget();
  const rate = eligible ? flow.rate(now) : null;
  const eta = minutesTo(rate, s.numBikesAvailable, s.numDocksAvailable);
  const netFlowPerHour = rate === null ? null : round(rate, 3);
  const minutesToEmpty = eta.toEmpty === null ? null : round(eta.toEmpty, 1);
  const minutesToFull = eta.toFull === null ? null : round(eta.toFull, 1);
  // Most stations read the same from one minute to the next: their classification is kept as
  // it was (the same object), which spares building, and later collecting, 1,800 of them a minute.
  if (
    previous !== undefined &&
    previous.id === s.stationId &&
    previous.state === state &&
    sameCounts(previous, s) &&
    previous.lastReported === s.lastReported &&
    Object.is(previous.netFlowPerHour, netFlowPerHour) &&
    Object.is(previous.minutesToEmpty, minutesToEmpty) &&
    Object.is(previous.minutesToFull, minutesToFull) &&
    sameInfo(previous, info)
  )
    return previous;
  return {
    id: s.stationId,
    name: info?.name ?? s.stationId,
    lat: info?.lat ?? 0,
    lon: info?.lon ?? 0,
    regionId: info?.regionId ?? null,
    capacity: info?.capacity ?? null,
    bikes: s.numBikesAvailable,
    ebikes: s.numEbikesAvailable,
    docks: s.numDocksAvailable,
    disabled: s.numBikesDisabled,
    state,
    lastReported: s.lastReported,
    netFlowPerHour,
    minutesToEmpty,
    minutesToFull,
    installed: s.isInstalled,
    renting: s.isRenting,
    eligible,
    empty,
    full,
    located: info !== undefined,
  };
}

/** Whether a classification shows this station_information entry (or the lack of one) as it is. */
function sameInfo(c: ClassifiedStation, info: StationInformation | undefined): boolean {
  if (info === undefined) return !c.located; // then every field came from the station id or defaults
  return (
    c.located &&
    c.name === info.name &&
    c.lat === info.lat &&
    c.lon === info.lon &&
    c.regionId === (info.regionId ?? null) &&
    c.capacity === (info.capacity ?? null)
  );
}

/** Rounded for display and compact exports (deterministic either way). */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The view the browser gets: without the classification helpers. */
export function toStationView(c: ClassifiedStation): BikeStationView {
  const { installed: _i, renting: _r, eligible: _e, empty: _em, full: _f, located: _l, ...view } = c;
  return view;
}
