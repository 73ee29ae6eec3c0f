/**
 * MetricTicks for alerts and outages. Agencies and routes seen once keep a row
 * (at 0) after their last alert ends, so a chart drops to zero instead of
 * holding its last value; both sets are small and bounded (agencies, routes).
 */
import type { AlertView, MetricTick, OutageView } from "../contract";
import { alertsPerRoute, countAlerts, countAlertsByAgency } from "./alert-counts";
import { SUBWAY_AGENCY } from "./alert-view";
import { countOutages } from "./outage-view";

export class AlertMetrics {
  private readonly agencies = new Set<string>();
  private readonly routes = new Set<string>();

  ticks(t: number, alerts: readonly AlertView[] | null, outages: readonly OutageView[] | null): MetricTick[] {
    const out: MetricTick[] = [];
    if (alerts) {
      out.push({ t, metric: "alerts.active", key: {}, value: countAlerts(alerts) });
      const byAgency = countAlertsByAgency(alerts);
      for (const a of byAgency.keys()) this.agencies.add(a);
      for (const agency of [...this.agencies].sort()) {
        const value = byAgency.get(agency) ?? { total: 0, planned: 0, unplanned: 0 };
        out.push({ t, metric: "alerts.active", key: { agency }, value });
      }
      const byRoute = alertsPerRoute(alerts);
      for (const r of byRoute.keys()) this.routes.add(r);
      for (const r of [...this.routes].sort())
        out.push({ t, metric: "alerts.by_route", key: routeMetricKey(r), value: byRoute.get(r) ?? 0 });
    }
    if (outages) out.push({ t, metric: "elevators.outages", key: {}, value: countOutages(outages) });
    return out;
  }
}

/** "A" -> { route: "A" }; "MTA NYCT:M15" -> { agency: "MTA NYCT", route: "M15" }. */
function routeMetricKey(key: string): Record<string, string> {
  const i = key.lastIndexOf(":");
  if (i < 0) return { route: key };
  const agency = key.slice(0, i);
  return agency === SUBWAY_AGENCY ? { route: key.slice(i + 1) } : { agency, route: key.slice(i + 1) };
}
