"use client";
/**
 * A line as a strip of stations, north at the top, with its trains on the
 * rows lib/strip-rows.ts places them on, with an arrow for their direction.
 * Northbound trains on the left of the rail, southbound on the right. The
 * main routing's stations come first, then each branch's under a heading.
 */
import Link from "next/link";
import { cssColor } from "../../lib/colors";
import type { NetworkIndex, RouteView } from "../../lib/network";
import { placeOnStrip, type StripSection, stripSections } from "../../lib/strip-rows";
import type { TrainView } from "../../transit/contract";

interface Props {
  route: RouteView;
  network: NetworkIndex;
  trains: TrainView[];
}

/** A train on a row; `offStrip`: the name of its own station when the strip does not list it. */
function TrainChip({ t, offStrip }: { t: TrainView; offStrip: string | null }) {
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
      className={`train-chip${late ? " late" : ""}${t.stalled ? " stalled" : ""}${offStrip ? " off-strip" : ""}`}
      title={`${t.direction === "N" ? "Northbound" : "Southbound"} train${t.trainId ? ` ${t.trainId}` : ""}: ${state}${offStrip ? ` by ${offStrip}, off this line's usual stops` : ""}`}
      data-testid="strip-train"
    >
      <span>
        <span aria-hidden="true">{arrow} </span>
        <span className="sr-only">{t.direction === "N" ? "northbound" : "southbound"} </span>
        {state}
      </span>
      {offStrip && <span className="chip-where">{offStrip}</span>}
    </span>
  );
}

/** "Far Rockaway-Mott Av branch, from Rockaway Blvd"; a stretch that rejoins: "Via Prospect Av, between 36 St and 59 St". */
function branchTitle(branch: NonNullable<StripSection["branch"]>, name: (id: string) => string): string {
  const first = name(branch.stations[0]);
  const last = name(branch.stations[branch.stations.length - 1]);
  if (branch.from && branch.rejoins)
    return `Via ${first}, between ${name(branch.from)} and ${name(branch.rejoins)}`;
  if (branch.from) return `${last} branch, from ${name(branch.from)}`;
  if (branch.rejoins) return `${first} branch, joining at ${name(branch.rejoins)}`;
  return `Also served: ${first} to ${last}`;
}

export function LineStrip({ route, network, trains }: Props) {
  const sections = stripSections(route);
  const onStrip = new Set(sections.flatMap((s) => s.stations));
  const name = (id: string) => network.stationById.get(id)?.name ?? id;
  const byRow = new Map<string, Array<{ t: TrainView; offStrip: string | null }>>();
  for (const t of trains) {
    const place = placeOnStrip(t, onStrip, network.stationById);
    if (!place) continue;
    const offStrip = place.offStrip && name(place.offStrip);
    const list = byRow.get(place.row);
    if (list) list.push({ t, offStrip });
    else byRow.set(place.row, [{ t, offStrip }]);
  }
  const chips = (id: string, direction: "N" | "S") =>
    (byRow.get(id) ?? [])
      .filter(({ t }) => t.direction === direction)
      .map(({ t, offStrip }) => <TrainChip key={t.tripKey} t={t} offStrip={offStrip} />);
  const row = (id: string) => (
    <li key={id} className="strip-row" data-station={id}>
      <span className="strip-trains north">{chips(id, "N")}</span>
      <span className="strip-rail" aria-hidden="true">
        <span className="strip-dot" />
      </span>
      <Link href={`/station/${encodeURIComponent(id)}`}>{name(id)}</Link>
      <span className="strip-trains">{chips(id, "S")}</span>
    </li>
  );
  return (
    <ol
      className="strip"
      style={{ "--route": cssColor(route.color) } as React.CSSProperties}
      data-testid="line-strip"
    >
      {sections.map(({ branch, stations }) => [
        branch && (
          <li key={`branch-${stations[0]}`} className="strip-branch" data-testid="strip-branch">
            {branchTitle(branch, name)}
          </li>
        ),
        ...stations.map(row),
      ])}
    </ol>
  );
}
