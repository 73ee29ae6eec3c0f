/**
 * What the MTA's systems would know about a trip at one instant: where the
 * train is (at a station or on its way to the next), when it last reported
 * its position, and the predictions it would publish. Predictions are made
 * the simple way the real feeds behave: the timetable shifted by the delay
 * seen at the last stop, pushed out while a train is overdue (so a held
 * train's predictions grow every poll and its position report goes stale).
 */
import type { OperatedStop, OperatedTrip } from "./instances";

/** Position reports while moving arrive about this often (track circuits). */
const REPORT_EVERY_S = 45;
/** How far ahead an overdue train is predicted to move. */
const OVERDUE_STEP_S = 30;
/** A train is at its origin and assigned this long before departure. */
const ASSIGN_BEFORE_S = 300;

export type TripPhase = "pending" | "stopped" | "moving";

export interface TripView {
  phase: TripPhase;
  /** Trip has a train (false for trips due to start later). */
  assigned: boolean;
  /** Stop index the train is at (stopped) or heading to (moving, pending = 0). */
  at: number;
  /** Predicted time at stop `at` (departure when stopped or pending, arrival when moving), rounded seconds. */
  base: number;
  /** Actual arrival at stop `at` when stopped there. */
  arrivedAt?: number;
  /** Last position report, seconds after midnight. */
  reportedAt: number;
  /** The stops the feeds list (`at` indexes them): the timetable's until an unplanned change is announced. */
  listed: readonly OperatedStop[];
}

/**
 * The index of the last stop the trip reached by time t, or -1 before its
 * departure. `hint` is the previous answer (times only move forward).
 */
export function stopReached(trip: OperatedTrip, t: number, hint: number): number {
  let k = Math.max(-1, hint);
  const stops = trip.stops;
  if (k < 0 && t >= stops[0].dep) k = 0;
  if (k < 0) return -1;
  while (k + 1 < stops.length && stops[k + 1].arr <= t) k++;
  return k;
}

export function finished(trip: OperatedTrip, t: number): boolean {
  return t >= trip.stops.at(-1)!.arr;
}

/** Before an unplanned change is announced, the timetable's stops, while the train is on the stretch both share. */
function listedStops(trip: OperatedTrip, t: number, at: number): readonly OperatedStop[] {
  const u = trip.unannounced;
  if (!u || t >= u.at) return trip.stops;
  return u.planned[at]?.stationId === trip.stops[at].stationId ? u.planned : trip.stops;
}

export function viewAt(trip: OperatedTrip, t: number, reached: number): TripView {
  const view = position(trip, t, reached);
  return { ...view, listed: listedStops(trip, t, view.at) };
}

function position(trip: OperatedTrip, t: number, reached: number): Omit<TripView, "listed"> {
  const stops = trip.stops;
  if (reached < 0) {
    const origin = stops[0];
    // Not yet gone: the published departure, or "in a moment" once it is late.
    const base = Math.round(
      t > origin.nominal - OVERDUE_STEP_S ? Math.max(origin.nominal, t + OVERDUE_STEP_S) : origin.nominal,
    );
    const assignedAt = origin.nominal - ASSIGN_BEFORE_S;
    const assigned = t >= assignedAt;
    // A train waiting at its terminal keeps reporting.
    const reportedAt = assigned
      ? assignedAt + Math.floor((t - assignedAt) / REPORT_EVERY_S) * REPORT_EVERY_S
      : assignedAt;
    return { phase: "pending", assigned, at: 0, base, reportedAt };
  }
  const here = stops[reached];
  if (t < here.dep) {
    // Standing at a station: it should leave after its dwell; if it has not, soon.
    const due = here.arr + here.dwell;
    const base = Math.round(t < due ? due : t + OVERDUE_STEP_S);
    return {
      phase: "stopped",
      assigned: true,
      at: reached,
      base,
      arrivedAt: Math.round(here.arr),
      reportedAt: Math.round(here.arr),
    };
  }
  const next = stops[reached + 1];
  const due = here.dep + next.run;
  const base = Math.round(t < due ? due : t + OVERDUE_STEP_S);
  // Reports stop coming while a train stands in the tunnel past its running time.
  const movedUntil = Math.min(t, due);
  const reportedAt = Math.round(
    here.dep + Math.floor((movedUntil - here.dep) / REPORT_EVERY_S) * REPORT_EVERY_S,
  );
  return { phase: "moving", assigned: true, at: reached + 1, base, reportedAt };
}

/**
 * Predicted departure from listed stop j >= view.at (the arrival, at the
 * last stop): the view's departure shifted along the timetable, whose times
 * are departures. A moving train's base is its arrival at the stop ahead: it
 * leaves after its dwell there.
 */
export function predictedAt(view: TripView, j: number): number {
  const here = view.listed[view.at];
  const departure = view.phase === "moving" ? view.base + Math.round(here.dwell) : view.base;
  return departure + Math.round(view.listed[j].nominal - here.nominal);
}

/** Predicted arrival at listed stop j: its departure less the dwell there. */
export function predictedArrival(view: TripView, j: number): number {
  return predictedAt(view, j) - Math.round(view.listed[j].dwell);
}
