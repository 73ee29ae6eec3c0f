/**
 * The day's service alerts, worded the way the MTA words them ("[4]" for a
 * route bullet, plain `en` and HTML `en-html` translations): one per
 * incident, timed from what the simulation actually did (an alert goes up a
 * few minutes after a train is held and comes down after service recovers),
 * plus planned work and station notices, one of which carries hostile HTML
 * (an onerror image and a script) so the dashboard's sanitizing is exercised.
 */
import type { Network } from "../network/types";
import type { Incident } from "./incidents";
import type { OperatedTrip } from "./instances";

const M = 60;
const H = 3600;

export interface AlertText {
  /** Seconds after midnight from which this wording is current (its updated_at). */
  from: number;
  header: string;
  headerHtml: string;
  description?: string;
  descriptionHtml?: string;
}

export interface AlertSpec {
  /** Entity id, as the MTA's: "lmm:alert:…" or "lmm:planned_work:…". */
  id: string;
  alertType: string;
  routeIds: string[];
  stopIds: string[];
  /** When the alert is in the feed, seconds after midnight. */
  shown: [number, number];
  /** active_period ranges; an open end is undefined. */
  active: [number, number | undefined][];
  createdAt: number;
  texts: AlertText[];
  /** Planned work: when it starts to be shown before being active, and the human-readable period. */
  displayBeforeActiveS?: number;
  humanPeriod?: string;
}

/** How riders name a direction: Uptown/Downtown in Manhattan, toward Manhattan on the L. */
function riderDirection(net: Network, stationId: string, direction: "N" | "S"): string {
  if (stationId.startsWith("L")) return direction === "N" ? "Manhattan-bound" : "Canarsie-bound";
  if (net.stations.get(stationId)?.borough === "M") return direction === "N" ? "Uptown" : "Downtown";
  return direction === "N" ? "Northbound" : "Southbound";
}

const bullets = (routes: string[]) => routes.map((r) => `[${r}]`).join(" and ");
const html = (text: string) => `<p>${text}</p>`;

function holdAlert(inc: Incident & { kind: "hold" }, held: OperatedTrip, net: Network, n: number): AlertSpec {
  const h = held.held!;
  const station = net.stations.get(inc.stationId)!.name;
  const which = riderDirection(net, inc.stationId, inc.direction);
  // Trains on the same track share the trouble: the 4 holds the 5 behind it.
  const routes = inc.routeIds.includes("4") ? ["4", "5"] : inc.routeIds;
  const up = h.from + 3 * M;
  const recovered = h.until + 20 * M;
  const delayed = `${which} ${bullets(routes)} trains are delayed ${inc.cause}.`;
  const after = `${which} ${bullets(routes)} trains are running with delays ${inc.cause.replace(/^while we request/, "after we requested")}.`;
  return {
    id: `lmm:alert:${480000 + n}`,
    alertType: "Delays",
    routeIds: routes,
    stopIds: [inc.stationId],
    shown: [up, recovered],
    active: [[up, undefined]],
    createdAt: up,
    texts: [
      { from: up, header: delayed, headerHtml: html(delayed.replace(station, `<b>${station}</b>`)) },
      { from: h.until + 60, header: after, headerHtml: html(after.replace(station, `<b>${station}</b>`)) },
    ],
  };
}

function windowAlert(
  id: string,
  alertType: string,
  routes: string[],
  from: number,
  to: number,
  text: string,
  extraRoutes: string[] = [],
): AlertSpec {
  return {
    id,
    alertType,
    routeIds: [...routes, ...extraRoutes],
    stopIds: [],
    shown: [from - 5 * M, to + 10 * M],
    active: [[from - 5 * M, to + 10 * M]],
    createdAt: from - 5 * M,
    texts: [{ from: from - 5 * M, header: text, headerHtml: html(text) }],
  };
}

export function buildAlertSpecs(
  net: Network,
  incidents: readonly Incident[],
  trips: readonly OperatedTrip[],
  heldTrips: ReadonlyMap<string, number>,
): AlertSpec[] {
  const specs: AlertSpec[] = [];
  let n = 0;
  for (const inc of incidents) {
    n++;
    if (inc.kind === "hold") {
      const ti = heldTrips.get(inc.id);
      if (ti !== undefined) specs.push(holdAlert(inc, trips[ti], net, n));
    } else if (inc.kind === "reroute") {
      const from = net.stations.get(inc.afterStationId)!.name;
      const to = net.stations.get(inc.rejoinStationId)!.name;
      const which = inc.direction === "N" ? "Queens-bound" : "Manhattan-bound";
      const text = `${which} ${bullets(inc.routeIds)} trains are running via the [E] line from ${from} to ${to} ${inc.cause}.`;
      specs.push(
        windowAlert(`lmm:alert:${480000 + n}`, "Reroute", inc.routeIds, inc.from, inc.to, text, ["E"]),
      );
    } else if (inc.kind === "run-local") {
      const from = net.stations.get(inc.fromStationId)!.name;
      const to = net.stations.get(inc.toStationId)!.name;
      const which = riderDirection(net, inc.fromStationId, inc.direction);
      const text = `${which} ${bullets(inc.routeIds)} trains are running local from ${from} to ${to} ${inc.cause}.`;
      specs.push(
        windowAlert(`lmm:alert:${480000 + n}`, "Express to Local", inc.routeIds, inc.from, inc.to, text),
      );
    } else if (inc.kind === "truncate") {
      const names = inc.closedStationIds.map((s) => net.stations.get(s)!.name);
      const header = `No ${bullets(inc.routeIds)} trains between Court Sq and Nassau Av`;
      const description = `${bullets(inc.routeIds)} trains run between Nassau Av and Church Av. Stations not served: ${names.join(", ")}. Free shuttle buses run between Court Sq and Nassau Av.`;
      specs.push({
        id: `lmm:planned_work:${31000 + n}`,
        alertType: "Planned - Part Suspended",
        routeIds: inc.routeIds,
        stopIds: inc.closedStationIds,
        shown: [0, 24 * H],
        active: [
          [-H, 5 * H],
          [23 * H, 29 * H],
        ],
        createdAt: -6 * 24 * H,
        displayBeforeActiveS: 3600,
        humanPeriod: "Late nights, 11 PM to 5 AM, Mon to Fri",
        texts: [
          {
            from: -6 * 24 * H,
            header,
            headerHtml: html(`<b>${header}</b>`),
            description,
            descriptionHtml: html(description),
          },
        ],
      });
    }
  }
  specs.push(stationNotice());
  specs.push({
    id: "lmm:planned_work:31900",
    alertType: "Station Notice",
    routeIds: ["L"],
    stopIds: ["L06"],
    shown: [0, 24 * H],
    active: [[-20 * 24 * H, 40 * 24 * H]],
    createdAt: -20 * 24 * H,
    humanPeriod: "Until further notice",
    texts: [
      {
        from: -20 * 24 * H,
        header: "The Avenue A entrance at 1 Av is closed for repairs",
        headerHtml: html("The <i>Avenue A</i> entrance at <b>1 Av</b> is closed for repairs"),
      },
    ],
  });
  return specs;
}

/** A station notice whose HTML is hostile: the dashboard must sanitize en-html before showing it. */
function stationNotice(): AlertSpec {
  const text = "The 8 Av entrance at 59 St-Columbus Circle is closed; use the Broadway entrance.";
  return {
    id: "lmm:planned_work:31901",
    alertType: "Station Notice",
    routeIds: ["A", "C", "B", "D", "1"],
    stopIds: ["A24", "125"],
    shown: [0, 24 * H],
    active: [[-2 * 24 * H, 3 * 24 * H]],
    createdAt: -2 * 24 * H,
    humanPeriod: "Oct 1 to Oct 4, all times",
    texts: [
      {
        from: -2 * 24 * H,
        header: text,
        headerHtml:
          '<p>The <b>8 Av</b> entrance at 59 St-Columbus Circle is closed; use the Broadway entrance.<img src=x onerror="window.__pwned=1"></p><script>window.__pwned=1</script>',
      },
    ],
  };
}
