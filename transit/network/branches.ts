/**
 * A line's branches: the stations its regular routings serve that its main
 * routing does not (the A's main routing southbound ends at Lefferts Blvd,
 * half its trains run to Far Rockaway). A line page lists them after the
 * main routing's stations, so that a train there has a row of its own.
 */
import type { TransitNetwork } from "./network";
import type { StopPattern } from "./types";

export interface LineBranch {
  /** The main routing's station the branch leaves from (north of it), null when it has none. */
  from: string | null;
  /** The main routing's station the branch rejoins (south of it), null when the branch ends on its own. */
  rejoins: string | null;
  /** Its stations, north to south. */
  stations: string[];
}

/**
 * A routing runs "regularly" when it has at least this share of the trips of its direction's main routing:
 * the night and weekend variants (a 2 running local at night, 22 trips against 153) stay out, their
 * trains named by their station on the main routing's rows.
 */
export const REGULAR_SHARE = 1 / 3;

/**
 * The runs of stations off `main` along each routing, those with the most stations off it first (a
 * short-turn of a branch then adds nothing); a station goes in the first run that has it. All lists
 * north to south.
 */
export function branchesOff(
  main: readonly string[],
  routings: ReadonlyArray<readonly string[]>,
): LineBranch[] {
  const onMain = new Set(main);
  const placed = new Set(main);
  const out: LineBranch[] = [];
  const offMain = (r: readonly string[]) => r.filter((id) => !onMain.has(id)).length;
  const widest = [...routings].sort((a, b) => offMain(b) - offMain(a));
  for (const stations of widest) {
    let run: LineBranch | null = null;
    let lastOnMain: string | null = null;
    for (const id of stations) {
      if (onMain.has(id)) {
        if (run) run.rejoins = id;
        run = null;
        lastOnMain = id;
      } else if (!placed.has(id)) {
        placed.add(id);
        if (!run) out.push((run = { from: lastOnMain, rejoins: null, stations: [] }));
        run.stations.push(id);
      }
    }
  }
  return out;
}

/** Stations from north to south of a routing. */
const southward = (p: StopPattern) => (p.direction === "S" ? p.stations : [...p.stations].reverse());

/** The line's branches off its main routing as a line page draws it (the southbound one, else the northbound one). */
export function lineBranches(net: TransitNetwork, route: string): LineBranch[] {
  const main = net.mainPattern(route, "S") ?? net.mainPattern(route, "N");
  if (!main) return [];
  const regular = (["S", "N"] as const).flatMap((d) => {
    const all = net.patterns(route, d);
    const most = all[0]?.tripCount ?? 0;
    return all.filter((p) => p !== main && p.tripCount >= most * REGULAR_SHARE);
  });
  return branchesOff(southward(main), regular.map(southward));
}
