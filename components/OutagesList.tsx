"use client";
import { clockHm, dayLabel } from "../lib/format";
import type { NetworkIndex } from "../lib/network";
import type { OutageView } from "../transit/contract";
import { LineBullet } from "./LineBullet";

/** Elevator and escalator outages, elevators (step-free access) first. */
export function OutagesList({
  outages,
  network,
  limit = 12,
}: {
  outages: OutageView[];
  network: NetworkIndex | null;
  limit?: number;
}) {
  if (outages.length === 0) return <p className="muted">No elevator or escalator outages.</p>;
  const sorted = [...outages].sort(
    (a, b) =>
      Number(b.kind === "elevator") - Number(a.kind === "elevator") || a.station.localeCompare(b.station),
  );
  return (
    <ul className="alerts" data-testid="outages">
      {sorted.slice(0, limit).map((o) => (
        <li key={o.equipmentId} className="alert planned">
          <div className="alert-meta">
            {o.lines.map((r) => (
              <LineBullet key={r} route={r} info={network?.routeById.get(r)} size="sm" />
            ))}
            <span className="alert-type">
              {o.kind === "elevator"
                ? "Elevator out"
                : o.kind === "escalator"
                  ? "Escalator out"
                  : "Equipment out"}
            </span>
            {o.ada && <span className="tag">step-free access</span>}
          </div>
          <div>
            <b>{o.station}</b>
            {o.serving ? ` — ${o.serving}` : ""}
          </div>
          <div className="muted small">
            {o.reason ?? "Out of service"}
            {o.estimatedReturn !== null &&
              ` · back ${dayLabel(o.estimatedReturn)} ${clockHm(o.estimatedReturn)}`}
          </div>
        </li>
      ))}
      {sorted.length > limit && <li className="muted small">and {sorted.length - limit} more</li>}
    </ul>
  );
}
