import { describe, expect, it } from "vitest";
import { decodeAlerts, decodeBase, H, json, M, sliceFrames } from "./testing";
import { buildDemoWorld } from "./world";

const world = buildDemoWorld({ seed: 5, date: "2025-10-02" });
const MERCURY = ".transit_realtime.mercuryAlert";

function alertsAt(t: number): any {
  const [frame] = sliceFrames(world, { fromS: t, toS: t + 30, feeds: ["alerts-subway"] });
  return decodeAlerts(frame.body);
}

const texts = (alert: any, lang: string) =>
  alert.headerText.translation.filter((x: any) => x.language === lang).map((x: any) => x.text);

describe("service alerts", () => {
  const morning = alertsAt(8 * H + 30 * M);
  const early = alertsAt(6 * H);

  it("is a Mercury feed that the base bindings also read", () => {
    expect(morning.header[".transit_realtime.mercuryFeedHeader"].mercuryVersion).toBe("1.0");
    const base = decodeBase(
      sliceFrames(world, { fromS: 8 * H, toS: 8 * H + 30, feeds: ["alerts-subway"] })[0].body,
    );
    expect(base.entity.length).toBeGreaterThan(2);
    for (const e of base.entity) expect(e.alert.headerText.translation.length).toBe(2);
  });

  it("raises a Delays alert for the 4 and 5 during the morning hold, not before", () => {
    const delays = (msg: any) => msg.entity.filter((e: any) => e.alert[MERCURY].alertType === "Delays");
    expect(delays(early)).toHaveLength(0);
    const [d] = delays(morning);
    expect(texts(d.alert, "en")[0]).toMatch(/\[4\] and \[5\] trains/);
    expect(
      d.alert.informedEntity
        .map((x: any) => x.routeId)
        .filter(Boolean)
        .sort(),
    ).toEqual(["4", "5"]);
    expect(d.alert.informedEntity.some((x: any) => x.stopId === "635")).toBe(true);
    // Mercury sort order: agency, route, priority.
    expect(d.alert.informedEntity[0][".transit_realtime.mercuryEntitySelector"].sortOrder).toMatch(
      /^MTASBWY:[45]:\d+$/,
    );
  });

  it("carries planned work and station notices, with en and en-html texts", () => {
    const types = morning.entity.map((e: any) => e.alert[MERCURY].alertType);
    expect(types).toContain("Planned - Part Suspended");
    expect(types).toContain("Station Notice");
    const planned = morning.entity.find(
      (e: any) => e.alert[MERCURY].alertType === "Planned - Part Suspended",
    );
    expect(planned.id).toMatch(/^lmm:planned_work:/);
    expect(planned.alert.activePeriod.length).toBe(2);
    expect(planned.alert[MERCURY].humanReadableActivePeriod.translation[0].text).toMatch(/Late nights/);
    expect(texts(planned.alert, "en-html")[0]).toMatch(/^<p>/);
  });

  it("includes one alert whose HTML would run script if shown unsanitized", () => {
    const hostile = morning.entity.filter((e: any) =>
      texts(e.alert, "en-html").some((h: string) => h.includes("onerror=") && h.includes("<script>")),
    );
    expect(hostile).toHaveLength(1);
    expect(texts(hostile[0].alert, "en-html")[0]).toContain('<img src=x onerror="window.__pwned=1">');
    // The plain text is harmless.
    expect(texts(hostile[0].alert, "en")[0]).not.toMatch(/[<>]/);
  });

  it("words the reroute and the express running local in the afternoon and evening", () => {
    const reroute = alertsAt(14 * H).entity.find((e: any) => e.alert[MERCURY].alertType === "Reroute");
    expect(texts(reroute.alert, "en")[0]).toMatch(/\[F\] trains are running via the \[E\]/);
    const local = alertsAt(19 * H).entity.find((e: any) => e.alert[MERCURY].alertType === "Express to Local");
    expect(texts(local.alert, "en")[0]).toMatch(/\[2\] trains are running local/);
  });
});

describe("elevator and escalator outages", () => {
  const frames = sliceFrames(world, { fromS: 0, toS: 24 * H, feeds: ["outages"] });
  const at = (h: number) => json(frames[Math.round((h * H) / 300)].body) as any[];

  it("is a flat array of nyct_ene records, every 5 minutes", () => {
    expect(frames).toHaveLength(288);
    const list = at(9);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBeGreaterThan(15);
    for (const r of list) {
      expect(Object.keys(r).sort()).toEqual(
        [
          "ADA",
          "borough",
          "equipment",
          "equipmenttype",
          "estimatedreturntoservice",
          "isupcomingoutage",
          "ismaintenanceoutage",
          "outagedate",
          "reason",
          "serving",
          "station",
          "trainno",
        ].sort(),
      );
      expect(r.outagedate).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d [AP]M$/);
      expect(["EL", "ES"]).toContain(r.equipmenttype);
    }
  });

  it("has outages starting and ending during the day, and maintenance announced ahead", () => {
    const ids = (h: number) => new Set(at(h).map((r) => r.equipment));
    const morning = ids(6);
    const evening = ids(20);
    expect([...evening].filter((id) => !morning.has(id)).length).toBeGreaterThan(2);
    expect([...morning].filter((id) => !evening.has(id)).length).toBeGreaterThan(2);
    const upcoming = at(20).filter((r) => r.isupcomingoutage === "Y");
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.every((r) => r.ismaintenanceoutage === "Y")).toBe(true);
  });
});
