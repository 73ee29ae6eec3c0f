/**
 * Trip statuses grouped by route, kept feed by feed: a snapshot regroups
 * only its own feed. A route's statuses come out in the order of the flat
 * list (feed by feed, then as the feed lists them), which is the order the
 * metrics that sum over them were defined on.
 */
import type { TripStatus } from "./types";

export class StatusesByRoute {
  private readonly byFeed = new Map<string, Map<string, TripStatus[]>>();

  /** Regroups the feeds that changed; returns the routes they ran before or run now. */
  update(changed: readonly string[], statusesOf: (feed: string) => readonly TripStatus[]): Set<string> {
    const routes = new Set<string>();
    for (const f of changed) {
      for (const r of this.byFeed.get(f)?.keys() ?? []) routes.add(r);
      const grouped = new Map<string, TripStatus[]>();
      for (const s of statusesOf(f)) {
        const list = grouped.get(s.trip.route);
        if (list) list.push(s);
        else grouped.set(s.trip.route, [s]);
      }
      for (const r of grouped.keys()) routes.add(r);
      this.byFeed.set(f, grouped);
    }
    return routes;
  }

  /** The route's statuses per feed, feeds in the order given. */
  lists(route: string, feeds: readonly string[]): TripStatus[][] {
    const out: TripStatus[][] = [];
    for (const f of feeds) {
      const list = this.byFeed.get(f)?.get(route);
      if (list) out.push(list);
    }
    return out;
  }

  /** The route's statuses, feeds in the order given. */
  of(route: string, feeds: readonly string[]): TripStatus[] {
    const lists = this.lists(route, feeds);
    return lists.length === 1 ? lists[0] : lists.flat();
  }
}
