/** A decoded ServiceAlert -> the AlertView the browser renders (sanitized, with routes and stations). */
import type { InformedEntity, ServiceAlert } from "../../adapters/alerts/types";
import type { AlertView } from "../contract";
import { sanitizeAlertHtml } from "./sanitize";

/** The subway's agency id: its routes are keyed bare ("A"); other agencies' as "agency:route". */
export const SUBWAY_AGENCY = "MTASBWY";

/**
 * Platform stop ids are the parent station id plus N or S ("A15N"); parent ids
 * end in a digit, so a trailing N/S after a digit is the direction.
 */
export function parentStationId(stopId: string): string {
  return /\d[NS]$/.test(stopId) ? stopId.slice(0, -1) : stopId;
}

/** "MTASBWY:A:20" -> { agency, middle }: middle is a route, or a stop when the entity names one. */
function splitSortOrder(sortOrder: string | undefined): { agency: string; middle: string } | null {
  const parts = sortOrder?.split(":");
  if (!parts || parts.length < 3 || !parts[1]) return null;
  return { agency: parts[0], middle: parts[1] };
}

export function routeKey(agency: string | null | undefined, route: string): string {
  return !agency || agency === SUBWAY_AGENCY ? route : `${agency}:${route}`;
}

/**
 * Routes an alert informs: route_id, else the route part of a Mercury
 * sort_order on an entity that names neither route nor stop (for a stop
 * entity the sort_order's middle part is the stop, "MTASBWY:A15:20").
 */
export function routesOf(informed: readonly InformedEntity[], fallbackAgency: string | null): string[] {
  const routes = new Set<string>();
  for (const e of informed) {
    const so = splitSortOrder(e.sortOrder);
    const agency = e.agencyId ?? so?.agency ?? fallbackAgency;
    if (e.routeId) routes.add(routeKey(agency, e.routeId));
    else if (!e.stopId && so) routes.add(routeKey(agency, so.middle));
  }
  return [...routes].sort();
}

export function stationsOf(informed: readonly InformedEntity[]): string[] {
  const ids = new Set<string>();
  for (const e of informed) if (e.stopId) ids.add(parentStationId(e.stopId));
  return [...ids].sort();
}

const sanitized = (html: string | undefined) => (html === undefined ? null : sanitizeAlertHtml(html));

export function toAlertView(a: ServiceAlert): AlertView {
  return {
    id: a.id,
    alertType: a.alertType,
    planned: a.planned,
    agency: a.agency,
    routes: routesOf(a.informed, a.agency),
    stationIds: stationsOf(a.informed),
    headerText: a.header.text,
    headerHtml: sanitized(a.header.html),
    descriptionText: a.description.text ?? null,
    descriptionHtml: sanitized(a.description.html),
    activePeriods: a.activePeriods.map((p) => ({ start: p.start, end: p.end ?? null })),
    humanPeriod: a.humanReadablePeriod ?? null,
    updatedAt: a.updatedAt,
  };
}

/**
 * Active at `now`: inside one of its periods, [start, end) with an open start
 * (0) or end (null) unbounded. An alert without periods is active for as long
 * as the feed carries it (GTFS-realtime's rule).
 */
export function isActiveAt(view: Pick<AlertView, "activePeriods">, now: number): boolean {
  if (view.activePeriods.length === 0) return true;
  return view.activePeriods.some((p) => p.start <= now && (p.end === null || now < p.end));
}
