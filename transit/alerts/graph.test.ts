import { describe, expect, it } from "vitest";
import type { AlertsSnapshot, ServiceAlert } from "../../adapters/alerts/types";
import type { Outage, OutagesSnapshot } from "../../adapters/outages/types";
import { MINUTE, output, pullInput, run, timer } from "../../engine";
import type { AlertView, MetricTick, OutageView } from "../contract";
import { alertsGraph } from "./graph";

const T0 = Date.UTC(2025, 9, 2, 14, 0); // 10:00 New York
const at = (min: number) => T0 + min * MINUTE;

function alert(id: string, over: Partial<ServiceAlert>): ServiceAlert {
  return {
    id,
    alertType: "Delays",
    createdAt: null,
    updatedAt: null,
    activePeriods: [],
    informed: [],
    header: { text: `header ${id}` },
    description: {},
    planned: false,
    agency: "MTASBWY",
    ...over,
  };
}

/** A: planned, 10:00-10:10, route A and stop A15N. B: open start, no end, route from sort_order only. C: a bus alert. D: starts 10:20. */
const ALERTS: ServiceAlert[] = [
  alert("D", {
    activePeriods: [{ start: at(20), end: at(40) }],
    informed: [{ agencyId: "MTASBWY", routeId: "A" }],
  }),
  alert("A", {
    alertType: "Planned - Part Suspended",
    planned: true,
    activePeriods: [{ start: at(-60), end: at(10) }],
    informed: [
      { agencyId: "MTASBWY", routeId: "A", sortOrder: "MTASBWY:A:20" },
      { agencyId: "MTASBWY", stopId: "A15N", sortOrder: "MTASBWY:A15:20" },
      { agencyId: "MTASBWY", stopId: "A15S" },
    ],
    header: {
      text: "No [A] trains",
      html: '<p>No <b>[A]</b> trains</p><img src=x onerror="window.__pwned=1">',
    },
    description: { text: "Take the [D]", html: "<script>window.__pwned=1</script><i>Take the [D]</i>" },
  }),
  alert("B", {
    activePeriods: [{ start: 0 }],
    informed: [{ sortOrder: "MTASBWY:F:10" }, { stopId: "F12S" }],
  }),
  alert("C", {
    agency: "MTA NYCT",
    activePeriods: [{ start: at(-5) }],
    informed: [{ agencyId: "MTA NYCT", routeId: "M15" }],
  }),
];

const alertsSnap = (alerts: ServiceAlert[]): AlertsSnapshot => ({
  feed: "subway-alerts",
  receivedAt: T0,
  timestamp: T0,
  gtfsRealtimeVersion: "1.0",
  mercuryVersion: "1.0",
  alerts,
  dropped: 0,
});

function outage(equipmentId: string, over: Partial<Outage>): Outage {
  return {
    station: "59 St-Columbus Circle",
    borough: "MN",
    lines: ["A", "B", "C", "D", "1"],
    equipmentId,
    equipmentType: "EL",
    kind: "elevator",
    serving: null,
    ada: true,
    outageStart: at(-120),
    estimatedReturn: at(600),
    reason: "Repair",
    isUpcoming: false,
    isMaintenance: false,
    ...over,
  };
}

/** EL1 ADA elevator; ES2 escalator listed twice; EL3 upcoming (left out); EL4 non-ADA elevator from 10:15. */
const OUTAGES: OutagesSnapshot = {
  feed: "nyct-ene",
  receivedAt: T0,
  dropped: 0,
  outages: [
    outage("ES2", { equipmentType: "ES", kind: "escalator", ada: false, outageStart: at(-30) }),
    outage("EL1", {}),
    outage("ES2", { equipmentType: "ES", kind: "escalator", ada: false, outageStart: at(-90) }),
    outage("EL3", { isUpcoming: true, outageStart: at(-1) }),
    outage("EL4", { station: "Unknown Plaza", ada: false, outageStart: at(15) }),
  ],
};

const stationsByName = (name: string, _lines: readonly string[]) =>
  name === "59 St-Columbus Circle" ? ["125", "A24"] : [];

function runAlerts(alerts: ServiceAlert[] = ALERTS, opts: { hash?: boolean } = {}) {
  return run(
    () => {
      const g = alertsGraph({
        alerts: pullInput("alerts", [[T0, alertsSnap(alerts)]]),
        outages: pullInput("outages", [[T0, OUTAGES]]),
        clock: timer(MINUTE),
        stationsByName,
      });
      output("metrics", g.metrics);
      output("alerts", g.alerts);
      output("outages", g.outages);
      output("byRoute", g.alertsByRoute);
      output("byStation", g.alertsByStation);
    },
    { start: T0, end: at(30), ...opts },
  );
}

const r = runAlerts();
const ticksAt = (t: number) => (r.outputs.metrics.find(([time]) => time === t)?.[1] ?? []) as MetricTick[];
const metric = (t: number, name: string, key: Record<string, string> = {}) =>
  ticksAt(t).find((m) => m.metric === name && JSON.stringify(m.key) === JSON.stringify(key))?.value;
const ids = (v: unknown) => (v as AlertView[]).map((a) => a.id);

describe("alertsGraph", () => {
  it("emits the active list when it changes: expiry and start happen on the clock alone", () => {
    // 10:00 A B C active; 10:10 A's end passes (half-open); 10:20 D starts.
    expect(r.outputs.alerts.map(([t, v]) => [t, ids(v)])).toEqual([
      [at(0), ["A", "B", "C"]],
      [at(10), ["B", "C"]],
      [at(20), ["B", "C", "D"]],
    ]);
  });

  it("counts total / planned / unplanned, system-wide and per agency, on every evaluation", () => {
    expect(metric(at(0), "alerts.active")).toEqual({ total: 3, planned: 1, unplanned: 2 });
    expect(metric(at(5), "alerts.active")).toEqual({ total: 3, planned: 1, unplanned: 2 });
    expect(metric(at(10), "alerts.active")).toEqual({ total: 2, planned: 0, unplanned: 2 });
    expect(metric(at(0), "alerts.active", { agency: "MTASBWY" })).toEqual({
      total: 2,
      planned: 1,
      unplanned: 1,
    });
    expect(metric(at(0), "alerts.active", { agency: "MTA NYCT" })).toEqual({
      total: 1,
      planned: 0,
      unplanned: 1,
    });
    // one evaluation at 10:00 (data) and one per minute after: 31 rows of alerts.active {}
    expect(r.outputs.metrics.length).toBe(31);
  });

  it("counts alerts per route, from route ids and sort_order, with zero rows after an alert ends", () => {
    expect(r.outputs.byRoute[0][1]).toEqual(
      new Map([
        ["A", 1],
        ["F", 1],
        ["MTA NYCT:M15", 1],
      ]),
    );
    expect(metric(at(0), "alerts.by_route", { route: "A" })).toBe(1);
    expect(metric(at(12), "alerts.by_route", { route: "A" })).toBe(0);
    expect(metric(at(25), "alerts.by_route", { route: "A" })).toBe(1); // D
    expect(metric(at(0), "alerts.by_route", { agency: "MTA NYCT", route: "M15" })).toBe(1);
  });

  it("maps stop ids to parent stations (N/S stripped), sorted", () => {
    expect(r.outputs.byStation[0][1]).toEqual(
      new Map([
        ["A15", ["A"]],
        ["F12", ["B"]],
      ]),
    );
    const a = (r.outputs.alerts[0][1] as AlertView[])[0];
    expect(a).toMatchObject({
      id: "A",
      routes: ["A"],
      stationIds: ["A15"],
      planned: true,
      humanPeriod: null,
    });
    expect(a.activePeriods).toEqual([{ start: at(-60), end: at(10) }]);
  });

  it("sanitizes both HTML texts and keeps the plain text", () => {
    const a = (r.outputs.alerts[0][1] as AlertView[])[0];
    expect(a.headerText).toBe("No [A] trains");
    expect(a.headerHtml).toBe("<p>No <b>[A]</b> trains</p>");
    expect(a.descriptionHtml).toBe("<i>Take the [D]</i>");
    const b = (r.outputs.alerts[0][1] as AlertView[])[1];
    expect([b.headerHtml, b.descriptionText, b.descriptionHtml]).toEqual([null, null, null]);
  });

  it("lists outages in effect, one per equipment, with counts and resolved stations", () => {
    const first = r.outputs.outages[0][1] as OutageView[];
    expect(first.map((o) => o.equipmentId)).toEqual(["EL1", "ES2"]);
    expect(first[1].since).toBe(at(-90)); // the earlier of the two ES2 records
    expect(first[0].stationIds).toEqual(["125", "A24"]);
    expect(metric(at(0), "elevators.outages")).toEqual({ elevators: 1, escalators: 1, ada: 1 });
    // EL4 starts at 10:15, on the clock
    expect(r.outputs.outages.map(([t]) => t)).toEqual([at(0), at(15)]);
    expect(metric(at(15), "elevators.outages")).toEqual({ elevators: 2, escalators: 1, ada: 1 });
    expect(
      (r.outputs.outages[1][1] as OutageView[]).find((o) => o.equipmentId === "EL4")?.stationIds,
    ).toEqual([]);
  });

  it("is deterministic: the same hash twice, and the same outputs whatever the feed's order", () => {
    const h1 = runAlerts(ALERTS, { hash: true }).hash;
    const h2 = runAlerts([...ALERTS].reverse(), { hash: true }).hash;
    expect(h1).toMatch(/^[0-9a-f]{16}$/);
    expect(h2).toBe(h1);
  });
});
