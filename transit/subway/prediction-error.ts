/**
 * Prediction accuracy per line (an idea of METRICS.md): for each stop made,
 * |first ETA seen for it - when it was made|, over the last hour.
 */
import { PREDICTION_WINDOW_MS } from "./constants";
import { TimedColumns } from "./time-queue";
import type { MadeStop } from "./types";

export interface PredictionError {
  meanAbsSec: number;
  count: number;
}

/** A route's errors (s) of the last PREDICTION_WINDOW_MS, by the time each stop was made. */
class ErrorWindow extends TimedColumns {
  readonly abs: number[] = [];

  push(t: number, abs: number): void {
    this.t.push(t);
    this.abs.push(abs);
  }

  protected columns(): unknown[][] {
    return [this.abs];
  }
}

export class PredictionErrors {
  private readonly byRoute = new Map<string, ErrorWindow>();

  add(made: readonly MadeStop[]): void {
    for (const m of made) {
      let q = this.byRoute.get(m.route);
      if (!q) this.byRoute.set(m.route, (q = new ErrorWindow()));
      q.push(m.time, Math.abs(m.time - m.firstEta) / 1000);
    }
  }

  /** Per route with stops made in the window, sorted by route. */
  summary(now: number): Map<string, PredictionError> {
    const out = new Map<string, PredictionError>();
    for (const route of [...this.byRoute.keys()].sort()) {
      const q = this.byRoute.get(route)!;
      q.expire(now, PREDICTION_WINDOW_MS);
      if (q.size === 0) continue;
      let sum = 0;
      for (let i = q.head; i < q.abs.length; i++) sum += q.abs[i];
      out.set(route, { meanAbsSec: sum / q.size, count: q.size });
    }
    return out;
  }
}
