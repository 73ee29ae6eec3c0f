"use client";
import { clockHm } from "../lib/format";
import type { NetworkIndex } from "../lib/network";
import { safeHtml } from "../lib/safe-html";
import type { AlertView } from "../transit/contract";
import { LineBullet } from "./LineBullet";

interface Props {
  alerts: AlertView[];
  network: NetworkIndex | null;
  /** Hide the long descriptions (kiosk, narrow cards). */
  compact?: boolean;
  emptyText?: string;
}

/** Unplanned first, then by the time they were last updated. */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) => Number(a.planned) - Number(b.planned) || (b.updatedAt ?? 0) - (a.updatedAt ?? 0),
  );
}

export function AlertsList({ alerts, network, compact = false, emptyText = "No active alerts." }: Props) {
  if (alerts.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="alerts" data-testid="alerts">
      {sortAlerts(alerts).map((a) => (
        <li key={a.id} className={`alert${a.planned ? " planned" : ""}`} data-alert-id={a.id}>
          <div className="alert-meta">
            {a.routes.map((r) => (
              <LineBullet key={r} route={r} info={network?.routeById.get(r)} size="sm" />
            ))}
            <span className="alert-type">{a.alertType ?? "Alert"}</span>
            <span className="tag">{a.planned ? "planned" : "unplanned"}</span>
            {a.humanPeriod ? (
              <span>{a.humanPeriod}</span>
            ) : (
              a.updatedAt !== null && <span>updated {clockHm(a.updatedAt)}</span>
            )}
          </div>
          <div className="alert-header">{safeHtml(a.headerHtml, a.headerText)}</div>
          {!compact && (a.descriptionHtml || a.descriptionText) && (
            <details>
              <summary>Details</summary>
              <div className="alert-desc">{safeHtml(a.descriptionHtml, a.descriptionText)}</div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
