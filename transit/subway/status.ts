/**
 * A line's status (METRICS.md): the first that holds of Delays > Service
 * change > Slow > Long gaps > No service > Good service > Not scheduled;
 * "No data" when the line's feed is stale. Reasons list every condition
 * that holds, most important first.
 */
import type { LineStatus, ServiceChange, StatusKind } from "../contract";
import type { HeadwaySummary } from "./headways";
import type { LineCounts } from "./line-counts";
import type { LineService } from "./line-service";
import type { RuntimeResult } from "./runtime";
import { DIRECTIONS, type Direction } from "./types";

export interface DirectionFacts {
  counts: LineCounts;
  runtime: RuntimeResult | undefined;
  headway: HeadwaySummary | undefined;
  /** Against the schedule: trains running, between trains, missing, or none due. */
  service: LineService;
}

export interface LineFacts {
  route: string;
  now: number;
  stale: boolean;
  activeAlerts: number;
  N: DirectionFacts;
  S: DirectionFacts;
  changes: readonly ServiceChange[];
}

const minutes = (sec: number) => Math.round(sec / 60);
const DIR_WORD: Record<Direction, string> = { N: "northbound", S: "southbound" };

export function lineStatus(f: LineFacts, name: (stationId: string) => string): LineStatus {
  const found: Array<[StatusKind, string[]]> = [];
  const dirs = DIRECTIONS.map((d) => [d, f[d]] as const);
  const running = f.N.counts.running + f.S.counts.running;
  const delayed = f.N.counts.delayed + f.S.counts.delayed;
  const maxDelay = Math.max(
    0,
    ...dirs.map(([, x]) => (Number.isNaN(x.counts.maxDelaySec) ? 0 : x.counts.maxDelaySec)),
  );
  const missing = dirs.filter(([, x]) => x.service.kind === "missing");

  if (delayed > 0)
    found.push([
      "Delays",
      [`${delayed} ${delayed === 1 ? "train" : "trains"} delayed (max ${minutes(maxDelay)} min)`],
    ]);
  if (f.changes.length > 0) found.push(["Service change", f.changes.map((c) => c.description)]);
  const slow = dirs.flatMap(([d, x]) => {
    const r = x.runtime;
    if (!r?.slow) return [];
    const over = minutes(r.actualSec - r.scheduledSec);
    const section = r.slowSection
      ? `, slow between ${name(r.slowSection.from)} and ${name(r.slowSection.to)} (+${minutes(r.slowSection.overSec)} min)`
      : "";
    return [`${DIR_WORD[d]} running ${over >= 0 ? "+" : ""}${over} min over schedule${section}`];
  });
  if (slow.length > 0) found.push(["Slow", slow]);
  const gaps = dirs.flatMap(([d, x]) => {
    const g = x.headway?.recentLongGap;
    // The figures before the station's name: a narrow board cuts the end of the line.
    return g
      ? [
          `${DIR_WORD[d]} gap of ${minutes(g.sec)} min (scheduled ${minutes(g.scheduledSec)}) at ${name(g.stationId)}`,
        ]
      : [];
  });
  if (gaps.length > 0) found.push(["Long gaps", gaps]);
  if (running === 0 && missing.length > 0) {
    const due = missing.reduce((n, [, x]) => n + x.service.due, 0);
    // Held between the trips of a sparse schedule, none may be due this very minute.
    found.push(["No service", [due > 0 ? `no trains running (${due} scheduled now)` : "no trains running"]]);
  }
  if (running > 0) found.push(["Good service", []]);
  else if (missing.length === 0 && dirs.some(([, x]) => x.service.kind === "between"))
    found.push(["Good service", ["no train on the line right now"]]);
  else if (missing.length === 0) found.push(["Not scheduled", []]);

  const status: StatusKind = f.stale ? "No data" : found[0][0];
  const reasons = found.flatMap(([, r]) => r);
  if (f.stale) reasons.unshift("no recent data from this line's feed");
  return {
    route: f.route,
    status,
    reasons,
    trainsRunning: running,
    delayedTrains: delayed,
    maxDelaySec: Math.round(maxDelay),
    activeAlerts: f.activeAlerts,
    asOf: f.now,
  };
}
