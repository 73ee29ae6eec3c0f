/**
 * Whether each line direction has the trains its schedule says it should,
 * decided once a minute from the trains running and the trips due
 * (METRICS.md's "No service" and the "no trains" service change):
 * - running: a train runs;
 * - between: none now, one ran in the last BETWEEN_TRAINS_MS (a shuttle at
 *   its terminal, the last train of the day just in);
 * - missing: trips due and no train for MISSING_AFTER_MS, held while trips
 *   stay due within BETWEEN_TRAINS_MS (the gaps of a sparse schedule);
 * - off: none running, none due, none lately.
 * The schedule alone would flag a lone shuttle's idle direction, or a line
 * in the minutes before its first train leaves; trains alone would call a
 * line with no service "Not scheduled".
 */
import { lineKey, type TransitNetwork } from "../network";
import { BETWEEN_TRAINS_MS, MISSING_AFTER_MS } from "./constants";
import type { LineCounts } from "./line-counts";

export type LineServiceKind = "running" | "between" | "missing" | "off";

export interface LineService {
  kind: LineServiceKind;
  /** Trips due now (missing only; 0 otherwise). */
  due: number;
}

const RUNNING: LineService = Object.freeze({ kind: "running", due: 0 });
const BETWEEN: LineService = Object.freeze({ kind: "between", due: 0 });
const OFF: LineService = Object.freeze({ kind: "off", due: 0 });
/** Unknown lines: nothing known runs or is due. */
export const NO_SERVICE_KNOWN = OFF;

interface Watch {
  /** Engine time of the last minute a train ran; null for never. */
  lastRan: number | null;
  missing: boolean;
  last: LineService;
}

export class LineServiceWatch {
  private readonly byLine = new Map<string, Watch>();

  constructor(private readonly net: Pick<TransitNetwork, "tripsDue" | "anyTripDueWithin">) {}

  /** Every line of `counts`, by lineKey; an unchanged line keeps its object. */
  update(counts: ReadonlyMap<string, LineCounts>, t: number): ReadonlyMap<string, LineService> {
    const out = new Map<string, LineService>();
    for (const c of counts.values()) {
      const key = lineKey(c.route, c.direction);
      let w = this.byLine.get(key);
      if (!w) this.byLine.set(key, (w = { lastRan: null, missing: false, last: OFF }));
      out.set(key, (w.last = this.judge(w, c, t)));
    }
    return out;
  }

  private judge(w: Watch, c: LineCounts, t: number): LineService {
    if (c.running > 0) {
      w.lastRan = t;
      w.missing = false;
      return RUNNING;
    }
    const idleMs = w.lastRan === null ? Number.POSITIVE_INFINITY : t - w.lastRan;
    const due = this.net.tripsDue(c.route, c.direction, t);
    if (due > 0 && idleMs >= MISSING_AFTER_MS) w.missing = true;
    else if (w.missing && !this.net.anyTripDueWithin(c.route, c.direction, t, BETWEEN_TRAINS_MS))
      w.missing = false;
    if (w.missing) return w.last.kind === "missing" && w.last.due === due ? w.last : { kind: "missing", due };
    return idleMs < BETWEEN_TRAINS_MS ? BETWEEN : OFF;
  }
}
