"use client";
/**
 * A line as a strip of stations, north at the top, with its trains: a train
 * at a station sits on that station's row; a moving one sits on the row of
 * the station it is nearer to, with an arrow for its direction. Northbound
 * trains on the left of the rail, southbound on the right.
 */
import Link from "next/link";
import { cssColor } from "../../lib/colors";
import type { NetworkIndex, RouteView } from "../../lib/network";
import type { TrainView } from "../../transit/contract";

interface Props {
  route: RouteView;
  network: NetworkIndex;
  trains: TrainView[];
}

/** Stations from north to south: the southbound order, else the northbound one reversed. */
export function northToSouth(route: RouteView): string[] {
  if (route.stations.S.length > 0) return route.stations.S;
  return [...route.stations.N].reverse();
}

/** The station row a train is drawn on. */
export function rowOf(t: TrainView): string | null {
  if (t.atStation || !t.nextStationId) return t.lastStationId;
  if (!t.lastStationId) return t.nextStationId;
  return t.progress < 0.5 ? t.lastStationId : t.nextStationId;
}

function TrainChip({ t }: { t: TrainView }) {
  const late = t.delaySec >= 300;
  const arrow = t.direction === "N" ? "↑" : "↓";
  const state = t.stalled
    ? "held"
    : t.atStation
      ? "at station"
      : late
        ? `${Math.round(t.delaySec / 60)} min late`
        : "moving";
  return (
    <span
      className={`train-chip${late ? " late" : ""}${t.stalled ? " stalled" : ""}`}
      title={`${t.direction === "N" ? "Northbound" : "Southbound"} train${t.trainId ? ` ${t.trainId}` : ""}: ${state}`}
      data-testid="strip-train"
    >
      <span aria-hidden="true">{arrow}</span>
      <span className="sr-only">{t.direction === "N" ? "northbound" : "southbound"}</span>
      {state}
    </span>
  );
}

export function LineStrip({ route, network, trains }: Props) {
  const order = northToSouth(route);
  const byRow = new Map<string, TrainView[]>();
  for (const t of trains) {
    const row = rowOf(t);
    if (!row) continue;
    const list = byRow.get(row);
    if (list) list.push(t);
    else byRow.set(row, [t]);
  }
  return (
    <ol
      className="strip"
      style={{ "--route": cssColor(route.color) } as React.CSSProperties}
      data-testid="line-strip"
    >
      {order.map((id) => {
        const s = network.stationById.get(id);
        const here = byRow.get(id) ?? [];
        return (
          <li key={id} className="strip-row" data-station={id}>
            <span className="strip-trains north">
              {here
                .filter((t) => t.direction === "N")
                .map((t) => (
                  <TrainChip key={t.tripKey} t={t} />
                ))}
            </span>
            <span className="strip-rail" aria-hidden="true">
              <span className="strip-dot" />
            </span>
            <Link href={`/station/${encodeURIComponent(id)}`}>{s?.name ?? id}</Link>
            <span className="strip-trains">
              {here
                .filter((t) => t.direction === "S")
                .map((t) => (
                  <TrainChip key={t.tripKey} t={t} />
                ))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
