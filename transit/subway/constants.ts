/** The thresholds of METRICS.md, and the few choices of our own (marked). */
import { MINUTE, SECOND } from "../../engine";

/** A trip is delayed at this delay or more. */
export const DELAYED_SEC = 5 * 60;
/** A train whose vehicle timestamp lags its feed's timestamp by more than this is stalled. */
export const STALLED_LAG_MS = 90 * SECOND;
/** The ETA used to place a train is never earlier than now + this. */
export const ETA_FLOOR_MS = 60 * SECOND;
/**
 * A trip that leaves its feed within this of its last stop's predicted
 * arrival has arrived there (ours): otherwise that arrival is lost and the
 * terminal shows a gap twice the real one.
 */
export const TERMINAL_GRACE_MS = 60 * SECOND;
/** Typical travel time: the last this many observed runs of a station pair... */
export const TRAVEL_RUNS_KEPT = 20;
/** ...each at least this long (shorter ones are feed artefacts)... */
export const MIN_RUN_SEC = 20;
/** ...trimmed by this share at each end... */
export const TRAVEL_TRIM_SHARE = 0.1;
/** ...and trusted from this many runs on (ours); below, predictions, then the schedule. */
export const MIN_RUNS_FOR_TYPICAL = 3;
/** A long gap is a headway this much over the scheduled one. */
export const LONG_GAP_OVER_SEC = 2 * 60;
/** Bunching and gap ratios of actual to scheduled headway. */
export const BUNCHED_RATIO = 0.5;
export const GAP_RATIO = 1.5;
/** Wait assessment: headways at most scheduled x this. */
export const WAIT_ASSESSMENT_FACTOR = 1.25;
/** Runtime and any 3-7 station section are slow at this much over schedule. */
export const SLOW_OVER_SEC = 5 * 60;
export const SLOW_SECTION_MIN_STATIONS = 3;
export const SLOW_SECTION_MAX_STATIONS = 7;
/** Headway metrics are over this window. */
export const HEADWAY_WINDOW_MS = 60 * MINUTE;
/** Prediction accuracy is over this window (ours). */
export const PREDICTION_WINDOW_MS = 60 * MINUTE;
/**
 * Stops made are turned into headways once this old (ours): a later
 * snapshot can still report an earlier arrival at the same station, and
 * headways need arrivals in time order.
 */
export const HEADWAY_SETTLE_MS = 2 * MINUTE;
/** A station's last arrival is forgotten after this (ours): the next one starts the count afresh. */
export const HEADWAY_MAX_GAP_MS = 3 * 60 * MINUTE;
/**
 * Long gaps count toward the line's status when they closed this recently
 * (ours): the status tells riders what waits look like now, and 20 minutes
 * is a few rush-hour trains, or one night train, after the gap.
 */
export const STATUS_GAP_RECENCY_MS = 20 * MINUTE;
/** A feed's trips are dropped when its last snapshot is this old (ours; the feed is "No data" long before). */
export const TRIP_TIMEOUT_MS = 10 * MINUTE;
/** A service change is reported when at least this many trains run it (all trains when fewer run; ours). */
export const MIN_TRAINS_FOR_CHANGE = 2;
/** Arrivals listed per station and direction (ours). */
export const ARRIVALS_PER_DIRECTION = 12;
/** Arrivals predicted more than this in the past are no longer listed (ours). */
export const ARRIVAL_PAST_MS = 60 * SECOND;
/** Delay windows (METRICS.md: "e.g. 15 and 60 minutes"). */
export const DELAY_WINDOWS_MS = { "15m": 15 * MINUTE, "60m": 60 * MINUTE } as const;
/**
 * A line direction is missing its trains when it had none for this long while trips are due on it
 * (ours): a lone shuttle between its runs, or a train a little late to leave, is not a suspension.
 */
export const MISSING_AFTER_MS = 5 * MINUTE;
/**
 * Missing trains stay missing while trips are due within this of now (ours), so that a suspended
 * line whose trips leave gaps in the schedule does not flip to "Not scheduled" between them; a line
 * with no train now that had one this recently is between trains (its service as scheduled).
 */
export const BETWEEN_TRAINS_MS = 15 * MINUTE;
