/** What an arrival row says, the same on the station page and the kiosk. */
import type { Arrival } from "../transit/contract";
import { minutesUntil } from "./format";

/**
 * Where the train goes: its last stop's name; "Terminates here" at that stop
 * itself (a train ending its run is not one to board, and "Coney Island" at
 * Coney Island reads as a mistake); the direction when the name is unknown.
 */
export function arrivalHeading(a: Arrival, stationName: (id: string) => string | undefined): string {
  if (a.terminates) return "Terminates here";
  const name = a.destinationStationId ? stationName(a.destinationStationId) : undefined;
  return name ?? (a.direction === "N" ? "Northbound" : "Southbound");
}

export type CountdownKind = "cancelled" | "held" | "eta";

/** The countdown cell: cancelled and held trains are never counted down. */
export function arrivalCountdown(a: Arrival, now: number | null): { kind: CountdownKind; text: string } {
  if (a.cancelled) return { kind: "cancelled", text: "cancelled" };
  if (a.stalled || a.time === null) return { kind: "held", text: "held" };
  return { kind: "eta", text: now === null ? "–" : minutesUntil(now, a.time) };
}

/**
 * What a direction with no row says: nothing yet from the server (null: the
 * station's board is on its way, after a connection, a seek or a warm-up) is
 * not the same as a board with no train on it.
 */
export function noArrivalsText(list: readonly Arrival[] | null): string {
  return list === null ? "Waiting for arrivals…" : "No trains expected.";
}
