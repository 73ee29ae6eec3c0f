import type { NetworkStation } from "./network/types";

/** "Times Sq-42 St" and "TIMES SQ - 42 ST" read the same. */
export function normalizeStationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bstreet\b/g, "st")
    .replace(/\bavenue\b/g, "av")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The outage feed's names for lines whose route ids differ: every shuttle is "S", the Staten Island Railway "SIR". */
const FEED_LINE_ROUTES: Record<string, string[]> = { S: ["GS", "FS", "H"], SIR: ["SI"] };

/**
 * Resolves a station named in free text (the outage feed's `station`, with its `trainno` lines) to
 * parent station ids; several ids when a complex has several (one per line). Many names repeat
 * across the city ("86 St" is five stations): with lines given, only the stations one of them
 * stops at; none when no station of the name does and the name is not unique.
 */
export function stationNameResolver(
  stations: Iterable<NetworkStation>,
): (name: string, lines?: readonly string[]) => string[] {
  const byName = new Map<string, NetworkStation[]>();
  for (const s of stations) {
    const k = normalizeStationName(s.name);
    const same = byName.get(k);
    if (same) same.push(s);
    else byName.set(k, [s]);
  }
  for (const same of byName.values()) same.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (name, lines = []) => {
    const same = byName.get(normalizeStationName(name)) ?? [];
    if (lines.length === 0) return same.map((s) => s.id);
    const routes = new Set(lines.flatMap((l) => FEED_LINE_ROUTES[l] ?? [l]));
    const served = same.filter((s) => s.routes.some((r) => routes.has(r)));
    if (served.length > 0) return served.map((s) => s.id);
    return same.length === 1 ? [same[0].id] : [];
  };
}
