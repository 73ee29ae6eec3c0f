import { describe, expect, it } from "vitest";
import { distanceM } from "../geo";
import { buildNetwork } from ".";
import type { Line, Network, Pattern } from "./types";

const net: Network = buildNetwork();
const line = (id: string): Line => net.lines.find((l) => l.id === id)!;
const stationName = (id: string) => net.stations.get(id)!.name;
const stopping = (p: Pattern) => p.stops.filter((s) => s.stops).map((s) => s.stationId);
const middayPattern = (l: Line) => l.patterns.find((p) => p.hours.some(([a, b]) => 12 >= a && 12 < b))!;

// The MTA's published colours, written out here rather than read from the network.
const COLOURS: Record<string, string> = {
  "1": "EE352E",
  "2": "EE352E",
  "3": "EE352E",
  "4": "00933C",
  "5": "00933C",
  "6": "00933C",
  "7": "B933AD",
  A: "0039A6",
  C: "0039A6",
  E: "0039A6",
  B: "FF6319",
  D: "FF6319",
  F: "FF6319",
  M: "FF6319",
  G: "6CBE45",
  J: "996633",
  Z: "996633",
  L: "A7A9AC",
  N: "FCCC0A",
  Q: "FCCC0A",
  R: "FCCC0A",
  W: "FCCC0A",
  GS: "808183",
  FS: "808183",
  H: "808183",
  SI: "1D2F6F",
};

describe("demo network", () => {
  it("has every line with its MTA colour, and dark text only on the yellow lines", () => {
    expect(net.lines.map((l) => l.id).sort()).toEqual(Object.keys(COLOURS).sort());
    for (const l of net.lines) {
      expect(l.color, l.id).toBe(COLOURS[l.id]);
      expect(l.textColor, l.id).toBe(COLOURS[l.id] === "FCCC0A" ? "000000" : "FFFFFF");
    }
  });

  it("runs each line between its real termini", () => {
    const ends = (id: string) => {
      const s = stopping(middayPattern(line(id)));
      return [stationName(s[0]), stationName(s.at(-1)!)];
    };
    expect(ends("1")).toEqual(["Van Cortlandt Park-242 St", "South Ferry"]);
    expect(ends("2")).toEqual(["Wakefield-241 St", "Flatbush Av-Brooklyn College"]);
    expect(ends("4")).toEqual(["Woodlawn", "Crown Hts-Utica Av"]);
    expect(ends("6")).toEqual(["Pelham Bay Park", "Brooklyn Bridge-City Hall"]);
    expect(ends("7")).toEqual(["Flushing-Main St", "34 St-Hudson Yards"]);
    expect(ends("A")[0]).toBe("Inwood-207 St");
    expect(line("A").patterns.map((p) => stationName(stopping(p).at(-1)!))).toContain("Far Rockaway-Mott Av");
    expect(line("A").patterns.map((p) => stationName(stopping(p).at(-1)!))).toContain(
      "Ozone Park-Lefferts Blvd",
    );
    expect(ends("E")).toEqual(["Jamaica Center-Parsons/Archer", "World Trade Center"]);
    expect(ends("F")).toEqual(["Jamaica-179 St", "Coney Island-Stillwell Av"]);
    expect(ends("G")).toEqual(["Court Sq", "Church Av"]);
    expect(ends("L")).toEqual(["8 Av", "Canarsie-Rockaway Pkwy"]);
    expect(ends("J")).toEqual(["Jamaica Center-Parsons/Archer", "Broad St"]);
    expect(ends("N")).toEqual(["Astoria-Ditmars Blvd", "Coney Island-Stillwell Av"]);
    expect(ends("R")).toEqual(["Forest Hills-71 Av", "Bay Ridge-95 St"]);
    expect(ends("SI")).toEqual(["St George", "Tottenville"]);
    expect(ends("GS")).toEqual(["Grand Central-42 St", "Times Sq-42 St"]);
  });

  it("has realistic station counts (the 7 local 22 stops, the A over 35, the A at night over 55)", () => {
    expect(stopping(line("7").patterns[0])).toHaveLength(22);
    expect(stopping(line("A").patterns[0]).length).toBeGreaterThan(35);
    expect(stopping(line("A").patterns.find((p) => p.id === "A-night")!).length).toBeGreaterThan(55);
    expect(net.stations.size).toBeGreaterThan(450);
  });

  it("shares one complex between the lines of the big transfer stations", () => {
    const complexOf = (id: string) => net.stations.get(id)!.complexId;
    const sameComplex = (ids: string[]) => new Set(ids.map(complexOf)).size;
    expect(sameComplex(["127", "725", "902", "R16", "A27"])).toBe(1); // Times Sq
    expect(sameComplex(["635", "L03", "R20"])).toBe(1); // 14 St-Union Sq
    expect(sameComplex(["235", "D24", "R31"])).toBe(1); // Atlantic Av
    expect(sameComplex(["710", "G14"])).toBe(1); // Jackson Hts
    expect(sameComplex(["631", "723", "901"])).toBe(1); // Grand Central
    expect(complexOf("127")).not.toBe(complexOf("631"));
    // The 1, 2 and 3 stop at the same station (stop id 127), the 7 at its own (725).
    for (const id of ["1", "2", "3"]) expect(stopping(middayPattern(line(id)))).toContain("127");
    expect(stopping(middayPattern(line("7")))).toContain("725");
  });

  it("uses MTA-style parent stop ids", () => {
    for (const id of net.stations.keys()) expect(id).toMatch(/^[1-9A-Z]\d{2}$/);
  });

  it("runs the express past local stations (the 2 skips 79 St, the 1 stops there)", () => {
    const two = middayPattern(line("2")).stops;
    expect(two.find((s) => s.stationId === "122")?.stops).toBe(false);
    expect(two.find((s) => s.stationId === "123")?.stops).toBe(true);
    expect(stopping(middayPattern(line("1")))).toContain("122");
  });

  it("draws recognisable geography: no jumps between neighbours, Broadway west of Lexington Av", () => {
    for (const l of net.lines) {
      for (const p of l.patterns) {
        for (let i = 1; i < p.stops.length; i++) {
          const a = net.stations.get(p.stops[i - 1].stationId)!;
          const b = net.stations.get(p.stops[i].stationId)!;
          // The longest real gap is over Jamaica Bay (Howard Beach to Broad Channel, ~6 km).
          expect(distanceM(a.lat, a.lon, b.lat, b.lon), `${p.id} ${a.id}->${b.id}`).toBeLessThan(7000);
        }
      }
    }
    const six = stopping(middayPattern(line("6"))).map((id) => net.stations.get(id)!);
    for (const id of ["125", "123", "120"]) {
      const s = net.stations.get(id)!;
      const nearest = six.reduce((best, x) =>
        Math.abs(x.lat - s.lat) < Math.abs(best.lat - s.lat) ? x : best,
      );
      expect(s.lon, id).toBeLessThan(nearest.lon);
    }
    // Every station is in New York City.
    for (const s of net.stations.values()) {
      expect(s.lat).toBeGreaterThan(40.49);
      expect(s.lat).toBeLessThan(40.92);
      expect(s.lon).toBeGreaterThan(-74.26);
      expect(s.lon).toBeLessThan(-73.7);
    }
  });

  it("gives each pattern of a route its own path code", () => {
    const seen = new Set<string>();
    for (const l of net.lines) {
      for (const p of l.patterns) {
        const key = `${p.routeId}|${p.pathCode}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});
