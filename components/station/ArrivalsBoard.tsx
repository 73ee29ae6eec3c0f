"use client";
/** Arrivals at a station by direction; stalled trains say "held" and cancelled trips are struck, never counted down. */
import { arrivalCountdown, arrivalHeading, noArrivalsText } from "../../lib/arrival-text";
import type { NetworkIndex } from "../../lib/network";
import type { Arrival } from "../../transit/contract";
import { LineBullet } from "../LineBullet";

interface Props {
  title: string;
  /** null: the station's board has not come yet. */
  arrivals: Arrival[] | null;
  network: NetworkIndex | null;
  now: number | null;
  limit?: number;
}

export function ArrivalsList({ title, arrivals, network, now, limit = 8 }: Props) {
  const shown = arrivals?.slice(0, limit) ?? [];
  return (
    <section
      className="card"
      aria-label={`${title} arrivals`}
      data-testid="arrivals"
      data-count={arrivals?.length ?? 0}
      aria-busy={arrivals === null}
    >
      <h2>{title}</h2>
      {shown.length === 0 ? (
        <p className="muted" data-testid="arrivals-empty">
          {noArrivalsText(arrivals)}
        </p>
      ) : (
        <ol className="arrivals">
          {shown.map((a) => {
            const countdown = arrivalCountdown(a, now);
            return (
              <li
                key={a.tripKey}
                data-testid="arrival"
                data-terminates={a.terminates}
                className={a.terminates ? "terminates" : undefined}
              >
                <LineBullet route={a.route} info={network?.routeById.get(a.route)} />
                <span>
                  {arrivalHeading(a, (id) => network?.stationById.get(id)?.name)}
                  {a.delaySec >= 120 && !a.cancelled && (
                    <span className="muted small"> · {Math.round(a.delaySec / 60)} min late</span>
                  )}
                </span>
                <span className={countdown.kind}>{countdown.text}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
