import { describe, expect, it } from "vitest";
import { branchesOff, lineBranches } from "./branches";
import { buildTransitNetwork } from "./build";
import { loadTinyGtfs, type TinyTrip } from "./testing";

describe("branchesOff", () => {
  it("finds a branch that ends on its own, named by the station it leaves from", () => {
    // Trunk T1..T4 then the main routing's L1, L2; the other routing leaves after T4 for R1..R3.
    const main = ["T1", "T2", "T3", "T4", "L1", "L2"];
    expect(branchesOff(main, [["T1", "T2", "T3", "T4", "R1", "R2", "R3"]])).toEqual([
      { from: "T4", rejoins: null, stations: ["R1", "R2", "R3"] },
    ]);
  });

  it("finds a stretch that rejoins the main routing, and one that starts before it", () => {
    const main = ["T1", "T2", "T3", "T4"];
    expect(
      branchesOff(main, [
        ["X1", "X2", "T2", "V1", "V2", "T4"],
        ["X1", "X2", "T1"],
      ]),
    ).toEqual([
      { from: null, rejoins: "T2", stations: ["X1", "X2"] },
      { from: "T2", rejoins: "T4", stations: ["V1", "V2"] },
    ]);
  });

  it("lists a station once however many routings serve it, the longest branch first, and nothing for a routing within the main one", () => {
    const main = ["T1", "T2", "T3"];
    expect(
      branchesOff(main, [
        ["T1", "T2"],
        ["T1", "R1", "R2"],
        ["T1", "R1", "R2", "R3"],
      ]),
    ).toEqual([{ from: "T1", rejoins: null, stations: ["R1", "R2", "R3"] }]);
  });
});

describe("lineBranches on a network with an A-like split", () => {
  // Trunk N1..N3, then the Lefferts-like branch L1, L2 and the Rockaway-like branch R1..R3, about as many
  // trips each; a night local by the express-bypassed X1, 1 trip in 10: not regular.
  const stations = ["N1", "N2", "N3", "L1", "L2", "R1", "R2", "R3", "X1"];
  const trips: TinyTrip[] = [];
  const run = (id: string, direction: "N" | "S", stops: string[], start: number) =>
    trips.push({ id, route: "A", direction, stops: stops.map((s, i) => [s, start + i * 120]) });
  for (let k = 0; k < 10; k++) {
    const start = 6 * 3600 + k * 600;
    run(`L${k}S`, "S", ["N1", "N2", "N3", "L1", "L2"], start);
    run(`L${k}N`, "N", ["L2", "L1", "N3", "N2", "N1"], start);
    // The Rockaway branch has one trip more northbound: the main routing differs by direction, as the A's.
    run(`R${k}S`, "S", ["N1", "N2", "N3", "R1", "R2", "R3"], start + 300);
    run(`R${k}N`, "N", ["R3", "R2", "R1", "N3", "N2", "N1"], start + 300);
  }
  run("RxN", "N", ["R3", "R2", "R1", "N3", "N2", "N1"], 20 * 3600);
  run("LxS", "S", ["N1", "N2", "N3", "L1", "L2"], 20 * 3600);
  run("NightS", "S", ["N1", "X1", "N2", "N3", "L1", "L2"], 2 * 3600);

  it("lists the other branch after the main routing southbound, and leaves the rare routing out", async () => {
    const gtfs = await loadTinyGtfs({
      stations: stations.map((id, i) => ({ id, name: `${id} St`, lat: 40.8 - i * 0.01, lon: -73.9 })),
      routes: [{ id: "A" }],
      trips,
    });
    const net = buildTransitNetwork(gtfs, "20250101");
    expect(net.mainPattern("A", "S")?.stations).toEqual(["N1", "N2", "N3", "L1", "L2"]);
    expect(net.mainPattern("A", "N")?.stations).toEqual(["R3", "R2", "R1", "N3", "N2", "N1"]);
    expect(lineBranches(net, "A")).toEqual([{ from: "N3", rejoins: null, stations: ["R1", "R2", "R3"] }]);
  });
});
