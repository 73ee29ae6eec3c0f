/**
 * Elevator and escalator outages of the demo day, in the flat-array shape of
 * the MTA's nyct_ene.json: the equipment of the step-free stations, some
 * already broken at midnight (since days ago), a few breaking during the day,
 * a few coming back, and planned maintenance announced ahead of the night.
 */

import { zonedFields } from "../../util/time-zone";
import type { Borough, Network, Station } from "../network/types";
import type { DayClock } from "./clock";
import { intBetween, type Rng, stream, uniform } from "./prng";

const H = 3600;
const DAY = 24 * H;

export interface Equipment {
  id: string;
  type: "EL" | "ES";
  station: Station;
  serving: string;
  trainno: string;
}

export interface Outage {
  equipment: Equipment;
  /** Seconds after the day's midnight (negative: before the day). */
  start: number;
  /** Back in service (may be after the day). */
  end: number;
  /** What the feed promises. */
  estimatedReturn: number;
  reason: string;
  maintenance: boolean;
  /** Announced this long before it starts (planned work), else 0. */
  announcedBefore: number;
}

/** The flat record of nyct_ene.json. */
export interface OutageRecord {
  station: string;
  borough: string;
  trainno: string;
  equipment: string;
  equipmenttype: "EL" | "ES";
  serving: string;
  ADA: "Y" | "N";
  outagedate: string;
  estimatedreturntoservice: string;
  reason: string;
  isupcomingoutage: "Y" | "N";
  ismaintenanceoutage: "Y" | "N";
}

const BOROUGH_CODES: Record<Borough, string> = { M: "MN", Bx: "BX", Bk: "BK", Q: "QNS", SI: "SI" };
const SERVING = [
  "Street to mezzanine for service in both directions",
  "Mezzanine to northbound platform",
  "Mezzanine to southbound platform",
  "Mezzanine to island platform for service in both directions",
];
const REASONS = ["Repair", "Repair", "Repair", "Capital Replacement", "Inspection"];

function routesAt(net: Network, station: Station): string {
  const routes = new Set<string>();
  for (const line of net.lines) {
    for (const p of line.patterns)
      if (p.stops.some((s) => s.stops && s.stationId === station.id)) routes.add(line.id);
  }
  return [...routes].join("/");
}

export function buildEquipment(net: Network, rng: Rng): Equipment[] {
  const out: Equipment[] = [];
  let n = 100;
  for (const s of net.stations.values()) {
    if (!s.ada) continue;
    const trainno = routesAt(net, s);
    const elevators = intBetween(rng, 1, 3);
    for (let k = 0; k < elevators; k++) {
      out.push({ id: `EL${++n}`, type: "EL", station: s, serving: SERVING[k % SERVING.length], trainno });
    }
    if ((net.complexes.get(s.complexId)?.stationIds.length ?? 1) >= 3) {
      out.push({ id: `ES${++n}`, type: "ES", station: s, serving: "Mezzanine to street", trainno });
    }
  }
  return out;
}

export function buildOutages(net: Network, seed: number): Outage[] {
  const rng = stream(seed, "outages");
  const equipment = buildEquipment(net, rng);
  const pool = [...equipment];
  const take = () => pool.splice(Math.floor(rng() * pool.length), 1)[0];
  const out: Outage[] = [];
  // Broken since before the day: some back today, some not for days.
  for (let k = 0; k < 28; k++) {
    const start = -uniform(rng, 2 * H, 6 * DAY);
    const end = rng() < 0.4 ? uniform(rng, 2 * H, 22 * H) : uniform(rng, 1.2 * DAY, 9 * DAY);
    const late = rng() < 0.3 ? uniform(rng, H, 4 * H) : 0;
    out.push({
      equipment: take(),
      start,
      end: end + late,
      estimatedReturn: end,
      reason: REASONS[k % REASONS.length],
      maintenance: false,
      announcedBefore: 0,
    });
  }
  // Breaking down during the day.
  for (let k = 0; k < 12; k++) {
    const start = uniform(rng, 5 * H, 22 * H);
    const estimatedReturn = start + uniform(rng, 2 * H, 10 * H);
    const end = estimatedReturn + (rng() < 0.5 ? uniform(rng, -H, H) : uniform(rng, 2 * H, DAY));
    out.push({
      equipment: take(),
      start,
      end,
      estimatedReturn,
      reason: "Repair",
      maintenance: false,
      announcedBefore: 0,
    });
  }
  // Planned overnight maintenance, announced the afternoon before.
  for (let k = 0; k < 4; k++) {
    const start = uniform(rng, 22 * H, 23.5 * H);
    const end = start + uniform(rng, 5 * H, 7 * H);
    out.push({
      equipment: take(),
      start,
      end,
      estimatedReturn: end,
      reason: "Preventive Maintenance",
      maintenance: true,
      announcedBefore: 10 * H,
    });
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "MM/DD/YYYY hh:mm:ss AM", local time, as the MTA writes it. */
export function eneDateText(clock: DayClock, daySeconds: number): string {
  const f = zonedFields(clock.midnightMs + Math.round(daySeconds) * 1000, clock.timeZone);
  // A 12-hour clock: 00:xx is 12:xx AM, 12:xx is 12:xx PM.
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const period = f.hour < 12 ? "AM" : "PM";
  return `${pad2(f.month)}/${pad2(f.day)}/${f.year} ${pad2(hour12)}:${pad2(f.minute)}:${pad2(f.second)} ${period}`;
}

export function outagesAt(outages: readonly Outage[], t: number, clock: DayClock): OutageRecord[] {
  const out: OutageRecord[] = [];
  for (const o of outages) {
    const upcoming = t < o.start && t >= o.start - o.announcedBefore;
    if (!upcoming && !(t >= o.start && t < o.end)) continue;
    const e = o.equipment;
    out.push({
      station: e.station.name,
      borough: BOROUGH_CODES[e.station.borough],
      trainno: e.trainno,
      equipment: e.id,
      equipmenttype: e.type,
      serving: e.serving,
      ADA: e.type === "EL" ? "Y" : "N",
      outagedate: eneDateText(clock, o.start),
      // Past its promise and still out: the feed keeps moving the promise out.
      estimatedreturntoservice: eneDateText(clock, o.estimatedReturn > t ? o.estimatedReturn : t + 2 * H),
      reason: o.reason,
      isupcomingoutage: upcoming ? "Y" : "N",
      ismaintenanceoutage: o.maintenance ? "Y" : "N",
    });
  }
  return out;
}
