import { describe, expect, it } from "vitest";
import type { Arrival } from "../transit/contract";
import { arrivalCountdown, arrivalHeading, noArrivalsText } from "./arrival-text";

const names: Record<string, string> = { D43: "Coney Island-Stillwell Av", R01: "Astoria-Ditmars Blvd" };
const name = (id: string) => names[id];
const now = Date.UTC(2025, 9, 2, 12, 0);

const arrival = (over: Partial<Arrival>): Arrival => ({
  tripKey: "t",
  route: "N",
  direction: "N",
  time: now + 5 * 60_000,
  stalled: false,
  cancelled: false,
  delaySec: 0,
  destinationStationId: "R01",
  terminates: false,
  ...over,
});

describe("arrival heading", () => {
  it("names the last stop, or says the train terminates at the station listing it", () => {
    expect(arrivalHeading(arrival({}), name)).toBe("Astoria-Ditmars Blvd");
    expect(
      arrivalHeading(arrival({ direction: "S", destinationStationId: "D43", terminates: true }), name),
    ).toBe("Terminates here");
  });

  it("falls back to the direction when the last stop is unknown", () => {
    expect(arrivalHeading(arrival({ destinationStationId: null }), name)).toBe("Northbound");
    expect(arrivalHeading(arrival({ direction: "S", destinationStationId: "X99" }), name)).toBe("Southbound");
  });
});

describe("arrival countdown", () => {
  it("counts down a running train in whole minutes", () => {
    expect(arrivalCountdown(arrival({}), now)).toEqual({ kind: "eta", text: "5 min" });
    expect(arrivalCountdown(arrival({ time: now + 20_000 }), now)).toEqual({ kind: "eta", text: "now" });
    expect(arrivalCountdown(arrival({}), null)).toEqual({ kind: "eta", text: "–" });
  });

  it("never counts down a held or cancelled train", () => {
    expect(arrivalCountdown(arrival({ stalled: true, time: null }), now)).toEqual({
      kind: "held",
      text: "held",
    });
    expect(arrivalCountdown(arrival({ cancelled: true, time: null }), now)).toEqual({
      kind: "cancelled",
      text: "cancelled",
    });
  });
});

describe("a direction with no row", () => {
  it("waits while the station's board has not come, and says no train is expected on an empty one", () => {
    expect(noArrivalsText(null)).toMatch(/waiting/i);
    expect(noArrivalsText([])).toBe("No trains expected.");
  });
});
