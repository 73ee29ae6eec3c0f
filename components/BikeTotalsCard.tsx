"use client";
import { integer, percent } from "../lib/format";
import { useTopic } from "../lib/live/hooks";
import type { BikeTotals } from "../transit/contract";

/** Citi Bike right now, system-wide. */
export function BikeTotalsCard() {
  const totals = useTopic<BikeTotals>("bike-totals")?.data;
  const stats: Array<[string, string]> = totals
    ? [
        ["bikes", integer(totals.bikes)],
        ["e-bikes", integer(totals.ebikes)],
        ["docks free", integer(totals.docks)],
        ["NotSpots", `${integer(totals.notSpots)} (${percent(totals.notSpotShare)})`],
        ["NotSpot-min today", integer(totals.notSpotMinutesToday)],
        ["stations renting", `${integer(totals.stationsRenting)} / ${integer(totals.stationsInstalled)}`],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="bike-totals-h" data-testid="bike-totals">
      <div className="card-head">
        <h2 id="bike-totals-h">Citi Bike now</h2>
        {totals && (
          <span className="muted small">
            {integer(totals.empty)} empty · {integer(totals.full)} full
          </span>
        )}
      </div>
      {totals ? (
        <dl className="stat-grid">
          {stats.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">Waiting for Citi Bike data…</p>
      )}
    </section>
  );
}
