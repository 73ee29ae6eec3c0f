/**
 * MetricTicks for alerts and outages. Agencies and routes seen once keep a row
 * (at 0) after their last alert ends, so a chart drops to zero instead of
 * holding its last value; both sets are small and bounded (agencies, routes).
 */
import type { AlertView, MetricTick, OutageView } from "../contract";
import { alertsPerRoute, countAlerts, countAlertsByAgency } from "./alert-counts";
import { SUBWAY_AGENCY } from "./alert-view";
import { countOutages } from "./outage-view";
import { sameItems } from "./view-cache";

/** A tick without its time. */
type Row = Omit<MetricTick, "t">;

export class AlertMetrics {
  private readonly agencies = new Set<string>();
  private readonly routes = new Set<string>();
  /**
   * The rows of the last lists counted: the active lists stay the same items
   * between changes (the clock re-evaluates them every minute), and so do their
   * rows. Keys and values are frozen: the export writes their JSON once.
   */
  private alertRows: { of: readonly AlertView[]; rows: Row[] } | null = null;
  private outageRow: { of: readonly OutageView[]; row: Row } | null = null;

  ticks(t: number, alerts: readonly AlertView[] | null, outages: readonly OutageView[] | null): MetricTick[] {
    const out: MetricTick[] = [];
    if (alerts) {
      if (!this.alertRows || !sameItems(this.alertRows.of, alerts))
        this.alertRows = { of: alerts, rows: this.rowsOf(alerts) };
      for (const r of this.alertRows.rows) out.push({ t, metric: r.metric, key: r.key, value: r.value });
    }
    if (outages) {
      if (!this.outageRow || !sameItems(this.outageRow.of, outages))
        this.outageRow = {
          of: outages,
          row: { metric: "elevators.outages", key: SYSTEM_KEY, value: Object.freeze(countOutages(outages)) },
        };
      const r = this.outageRow.row;
      out.push({ t, metric: r.metric, key: r.key, value: r.value });
    }
    return out;
  }

  private rowsOf(alerts: readonly AlertView[]): Row[] {
    const rows: Row[] = [
      { metric: "alerts.active", key: SYSTEM_KEY, value: Object.freeze(countAlerts(alerts)) },
    ];
    const byAgency = countAlertsByAgency(alerts);
    for (const a of byAgency.keys()) this.agencies.add(a);
    for (const agency of [...this.agencies].sort()) {
      const value = byAgency.get(agency) ?? { total: 0, planned: 0, unplanned: 0 };
      rows.push({ metric: "alerts.active", key: Object.freeze({ agency }), value: Object.freeze(value) });
    }
    const byRoute = alertsPerRoute(alerts);
    for (const r of byRoute.keys()) this.routes.add(r);
    for (const r of [...this.routes].sort())
      rows.push({
        metric: "alerts.by_route",
        key: Object.freeze(routeMetricKey(r)),
        value: byRoute.get(r) ?? 0,
      });
    return rows;
  }
}

const SYSTEM_KEY: Readonly<Record<string, string>> = Object.freeze({});

/** "A" -> { route: "A" }; "MTA NYCT:M15" -> { agency: "MTA NYCT", route: "M15" }. */
function routeMetricKey(key: string): Record<string, string> {
  const i = key.lastIndexOf(":");
  if (i < 0) return { route: key };
  const agency = key.slice(0, i);
  return agency === SUBWAY_AGENCY ? { route: key.slice(i + 1) } : { agency, route: key.slice(i + 1) };
}
