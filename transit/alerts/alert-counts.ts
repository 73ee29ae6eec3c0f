/** Counts over the active alerts: system-wide, per agency, per route, per station. */
import type { AlertView } from "../contract";

export interface AlertCounts {
  total: number;
  planned: number;
  unplanned: number;
}

export function countAlerts(alerts: readonly AlertView[]): AlertCounts {
  let planned = 0;
  for (const a of alerts) if (a.planned) planned++;
  return { total: alerts.length, planned, unplanned: alerts.length - planned };
}

/** Per agency; alerts no agency claims count only system-wide. Keys sorted. */
export function countAlertsByAgency(alerts: readonly AlertView[]): Map<string, AlertCounts> {
  const groups = new Map<string, AlertView[]>();
  for (const a of alerts) if (a.agency) pushTo(groups, a.agency, a);
  return new Map([...groups.keys()].sort().map((k) => [k, countAlerts(groups.get(k) as AlertView[])]));
}

/** Route key -> number of active alerts naming it. Keys sorted. */
export function alertsPerRoute(alerts: readonly AlertView[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const a of alerts) for (const r of a.routes) n.set(r, (n.get(r) ?? 0) + 1);
  return sortedMap(n);
}

/** Parent station id -> ids of the active alerts naming it (sorted). Keys sorted. */
export function alertsPerStation(alerts: readonly AlertView[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const a of alerts) for (const s of a.stationIds) pushTo(m, s, a.id);
  for (const ids of m.values()) ids.sort();
  return sortedMap(m);
}

function sortedMap<V>(m: Map<string, V>): Map<string, V> {
  return new Map([...m.keys()].sort().map((k) => [k, m.get(k) as V]));
}

function pushTo<V>(m: Map<string, V[]>, key: string, v: V): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}
