"use client";
import Link from "next/link";
import { useTopic } from "../lib/live/hooks";
import type { NetworkIndex } from "../lib/network";
import type { LineStatus } from "../transit/contract";
import { LineBullet } from "./LineBullet";
import { StatusWord } from "./StatusWord";

interface Props {
  network: NetworkIndex | null;
  /** Only these routes (kiosk ?lines=); all when empty. */
  lines?: string[];
  variant?: "dashboard" | "kiosk";
}

export interface BoardRow {
  route: string;
  status: LineStatus | undefined;
}

/** Every line of the network in its order, with the server's status (or none yet). */
export function boardRows(
  network: NetworkIndex | null,
  statuses: LineStatus[],
  lines: string[] = [],
): BoardRow[] {
  const byRoute = new Map(statuses.map((s) => [s.route, s]));
  const ids = network ? network.routes.map((r) => r.id) : statuses.map((s) => s.route);
  for (const s of statuses) if (!ids.includes(s.route)) ids.push(s.route);
  const wanted = lines.length > 0 ? ids.filter((id) => lines.includes(id)) : ids;
  return wanted.map((route) => ({ route, status: byRoute.get(route) }));
}

export function useLineStatuses(): LineStatus[] {
  return useTopic<LineStatus[]>("status")?.data ?? [];
}

export function StatusBoard({ network, lines = [], variant = "dashboard" }: Props) {
  const statuses = useLineStatuses();
  const rows = boardRows(network, statuses, lines);
  if (variant === "kiosk")
    return (
      <ul
        className={`kiosk-status${rows.length <= 6 ? " few" : rows.length > 15 ? " many" : ""}`}
        data-testid="status-board"
      >
        {rows.map(({ route, status }) => (
          <li key={route} data-route={route}>
            <LineBullet route={route} info={network?.routeById.get(route)} />
            <span className="status-text">
              <StatusWord status={status?.status ?? "No data"} />
              {status && status.reasons.length > 0 && (
                <span className="status-reasons">{status.reasons[0]}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="status-board" data-testid="status-board" aria-label="Line status">
      {rows.map(({ route, status }) => (
        <li key={route} data-route={route}>
          <Link className="status-row" href={`/line/${encodeURIComponent(route)}`}>
            <LineBullet route={route} info={network?.routeById.get(route)} />
            <span className="status-text">
              <StatusWord status={status?.status ?? "No data"} />
              <span className="status-reasons">
                {status
                  ? status.reasons.length > 0
                    ? status.reasons.join(" · ")
                    : `${status.trainsRunning} trains running`
                  : "waiting for the server"}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
