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

/**
 * Resolves a station named in free text (the outage feed's `station`) to
 * parent station ids; several ids when a complex has several (one per line).
 */
export function stationNameResolver(stations: Iterable<NetworkStation>): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const s of stations) {
    const k = normalizeStationName(s.name);
    const ids = byName.get(k);
    if (ids) ids.push(s.id);
    else byName.set(k, [s.id]);
  }
  for (const ids of byName.values()) ids.sort();
  return (name) => byName.get(normalizeStationName(name)) ?? [];
}
