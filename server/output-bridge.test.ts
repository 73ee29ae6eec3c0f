import { describe, expect, it } from "vitest";
import type { Arrival, StationArrivals } from "../transit/contract";
import { LiveState } from "./live-state";
import { OutputApplier, OutputPublisher } from "./output-bridge";
import { TopicRegistry } from "./topics/registry";

const T0 = Date.UTC(2025, 9, 2, 12, 0);

const arrival = (tripKey: string, minutes: number): Arrival => ({
  tripKey,
  route: "A",
  direction: "N",
  time: T0 + minutes * 60_000,
  stalled: false,
  cancelled: false,
  delaySec: 0,
  destinationStationId: "A02",
  terminates: false,
});

const board = (stationId: string, ...north: Arrival[]): StationArrivals => ({
  stationId,
  asOf: T0,
  north,
  south: [],
});

function registryOf(state: LiveState) {
  return new TopicRegistry(state, {
    clock: () => ({ t: 0, mode: "replay", speed: 1, playing: true, range: null }),
    graph: () => null,
    engineTime: () => state.engineTime,
  });
}

/** The topic as a new subscriber gets it, then each later advance's data (undefined: nothing sent). */
function arrivalsTopic(state: LiveState, station: string) {
  const topic = registryOf(state).create(`arrivals:${station}`);
  topic.rebase();
  return {
    first: topic.snapshot() as StationArrivals | null,
    next: () => {
      const r = topic.advance();
      return r?.kind === "delta" ? (r.data as StationArrivals | null) : undefined;
    },
  };
}

describe("station arrivals across the worker boundary", () => {
  /** An engine in a worker: its outputs posted, then applied to the main thread's state. */
  function viaWorker() {
    const state = new LiveState();
    const applier = new OutputApplier(state);
    const publisher = new OutputPublisher(
      (m) => applier.apply(m),
      () => true,
    );
    return { state, publisher };
  }

  it("tells a station not answered for yet (null) from one with no train listed (an empty board)", async () => {
    const { state, publisher } = viaWorker();
    publisher.wantArrivals(["A27"]);
    publisher.value("arrivals", T0, new Map([["A27", board("A27", arrival("a1", 3))]]));

    // C05 is subscribed: until the worker hears of it, its board is unknown, not empty.
    const c05 = arrivalsTopic(state, "C05");
    expect(c05.first).toBeNull();
    publisher.wantArrivals(["A27", "C05"]);
    expect(c05.next()).toBeUndefined(); // posted when the engine yields
    await new Promise(setImmediate);
    const answered = c05.next();
    expect(answered).toMatchObject({ stationId: "C05", north: [], south: [] });

    // Another payload changes A27 only: C05's empty board is the same, nothing is sent for it.
    publisher.value("arrivals", T0 + 30_000, new Map([["A27", board("A27", arrival("a1", 2))]]));
    expect(c05.next()).toBeUndefined();

    // A train comes to be listed at C05, then none again.
    publisher.value(
      "arrivals",
      T0 + 60_000,
      new Map([
        ["A27", board("A27")],
        ["C05", board("C05", arrival("c1", 4))],
      ]),
    );
    expect(c05.next()?.north.map((a) => a.tripKey)).toEqual(["c1"]);
    publisher.value("arrivals", T0 + 90_000, new Map([["A27", board("A27")]]));
    expect(c05.next()).toMatchObject({ stationId: "C05", north: [], south: [] });
  });

  it("sends only the wanted stations", () => {
    const { state, publisher } = viaWorker();
    publisher.wantArrivals(["A27"]);
    publisher.value(
      "arrivals",
      T0,
      new Map([
        ["A27", board("A27", arrival("a1", 3))],
        ["B10", board("B10", arrival("b1", 1))],
      ]),
    );
    expect([...(state.arrivals.value?.keys() ?? [])]).toEqual(["A27"]);
    expect(arrivalsTopic(state, "B10").first).toBeNull();
  });
});

describe("station arrivals from an engine on the main thread", () => {
  it("gives a station missing from the engine's map an empty board, and null before any output", () => {
    const state = new LiveState();
    const before = arrivalsTopic(state, "C05");
    expect(before.first).toBeNull();
    state.value("arrivals", T0, new Map([["A27", board("A27", arrival("a1", 3))]]));
    expect(before.next()).toMatchObject({ stationId: "C05", north: [], south: [] });
    expect(arrivalsTopic(state, "A27").first?.north).toHaveLength(1);
  });
});
