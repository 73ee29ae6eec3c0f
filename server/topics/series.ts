/**
 * charts:<metric>[@k=v,...]: the day's points of one metric. The baseline is
 * "n points sent" per column; a delta carries the points appended since, so a
 * client never gets a point twice or misses one while its seq is unbroken.
 */

import type { Slot } from "../live-state";
import type { SeriesPoint } from "../protocol";
import { type Column, columnEnd, type SeriesStore } from "../series-store";
import type { Advance, Topic } from "./topic";

/** "charts:subway.delay_mean_15m@route=A,direction=N" -> metric and key selector. */
export function parseChartTopic(topic: string): { metric: string; selector: Record<string, string> } {
  const body = topic.slice("charts:".length);
  const at = body.indexOf("@");
  if (at < 0) return { metric: body, selector: {} };
  const selector: Record<string, string> = {};
  for (const pair of body.slice(at + 1).split(",")) {
    const eq = pair.indexOf("=");
    selector[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { metric: body.slice(0, at), selector };
}

/** Points [from, to) (absolute indices) of a column, as SeriesPoints. */
function pushPoints(out: SeriesPoint[], c: Column, from: number, to: number): void {
  for (let i = Math.max(from, c.base); i < to; i++)
    out.push({ t: c.t[i - c.base], key: c.key, value: c.v[i - c.base] });
}

/** Time order across keys (stable: keys keep their order within one time). */
const byTime = (ps: SeriesPoint[]) => ps.sort((a, b) => a.t - b.t);

export class SeriesTopic implements Topic {
  private sent = new Map<string, number>();
  private sentVersion = -1;
  private baseT = 0;
  readonly metric: string;
  private readonly selector: Record<string, string>;

  constructor(
    readonly name: string,
    private readonly store: SeriesStore,
    private readonly slot: Slot<number>,
  ) {
    const p = parseChartTopic(name);
    this.metric = p.metric;
    this.selector = p.selector;
  }

  t(): number {
    return this.baseT;
  }

  pendingSince(): number | null {
    return this.slot.pendingSince;
  }

  changedAt(): number | null {
    return this.slot.changedAt;
  }

  private cols(): Column[] {
    return this.store.columns(this.metric, this.selector);
  }

  snapshot(): SeriesPoint[] {
    const out: SeriesPoint[] = [];
    for (const c of this.cols()) {
      const end = this.sent.get(c.keyId);
      if (end !== undefined) pushPoints(out, c, c.base, end);
    }
    return byTime(out);
  }

  rebase(): void {
    this.sent = new Map(this.cols().map((c) => [c.keyId, columnEnd(c)]));
    this.sentVersion = this.store.version;
    this.baseT = this.slot.t;
  }

  advance(): Advance {
    if (this.sentVersion === this.store.version) return null;
    this.sentVersion = this.store.version;
    this.baseT = this.slot.t;
    const out: SeriesPoint[] = [];
    for (const c of this.cols()) {
      const from = this.sent.get(c.keyId) ?? c.base;
      const end = columnEnd(c);
      if (end <= from) continue;
      pushPoints(out, c, from, end);
      this.sent.set(c.keyId, end);
    }
    if (out.length === 0) return null;
    return { kind: "delta", data: byTime(out) };
  }
}
