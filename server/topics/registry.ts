/**
 * Topic names to topic objects: which slot a topic reads, its key field,
 * its filter. The names are validated by the protocol's pattern first.
 */
import type { FeedHealth } from "../../adapters/health/health";
import type { GraphJson } from "../../engine";
import type {
  AlertView,
  BikeStationView,
  BikeTotals,
  ClockView,
  LineStatus,
  OutageView,
  StationArrivals,
  TrainView,
} from "../../transit/contract";
import { METRIC_NAMES } from "../../transit/contract";
import { distanceM } from "../../transit/network/geometry";
import { noArrivals } from "../../transit/subway/arrivals";
import type { LiveState, Slot } from "../live-state";
import { ITEM_KEYS } from "../outputs";
import type { BikeStationLive } from "../protocol";
import { ClockTopic } from "./clock";
import { bikeLive, compactTrain, identity } from "./compact";
import { GraphTopic } from "./graph";
import { KeyedTopic, KeyedView } from "./keyed";
import { parseChartTopic, SeriesTopic } from "./series";
import type { Topic } from "./topic";
import { ValueTopic } from "./value";

export interface EngineView {
  clock(): ClockView;
  graph(): GraphJson | null;
  engineTime(): number;
}

/** Bikes near a point: radius at most this (m). */
export const MAX_NEAR_RADIUS_M = 5000;

export class TopicRegistry {
  private readonly views: {
    status: KeyedView<LineStatus, LineStatus>;
    trains: KeyedView<TrainView, TrainView>;
    bikes: KeyedView<BikeStationView, BikeStationLive>;
    alerts: KeyedView<AlertView, AlertView>;
    outages: KeyedView<OutageView, OutageView>;
    health: KeyedView<FeedHealth, FeedHealth>;
  };

  constructor(
    private readonly state: LiveState,
    private readonly engine: EngineView,
  ) {
    this.views = {
      status: new KeyedView(state.lineStatus, ITEM_KEYS.lineStatus, identity),
      trains: new KeyedView(state.trains, ITEM_KEYS.trains, compactTrain),
      bikes: new KeyedView(state.bikeStations, ITEM_KEYS.bikeStations, bikeLive),
      alerts: new KeyedView(state.alerts, ITEM_KEYS.alerts, identity),
      outages: new KeyedView(state.outages, ITEM_KEYS.outages, identity),
      health: new KeyedView(state.health, ITEM_KEYS.health, identity),
    };
  }

  /** Why a (pattern-valid) topic cannot be served, or null. */
  check(topic: string): string | null {
    if (topic.startsWith("charts:")) {
      const { metric } = parseChartTopic(topic);
      if (!(METRIC_NAMES as readonly string[]).includes(metric)) return `unknown metric '${metric}'`;
    }
    if (topic.startsWith("bikes:near:")) {
      const [lat, lon, r] = topic.slice("bikes:near:".length).split(",").map(Number);
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return "latitude or longitude out of range";
      if (r > MAX_NEAR_RADIUS_M) return `radius over ${MAX_NEAR_RADIUS_M} m`;
    }
    return null;
  }

  create(topic: string): Topic {
    const v = this.views;
    const s = this.state;
    if (topic === "status") return new KeyedTopic(topic, v.status, null, ["asOf"]);
    if (topic === "trains") return new KeyedTopic(topic, v.trains);
    if (topic.startsWith("trains:")) {
      const route = topic.slice("trains:".length);
      return new KeyedTopic(topic, v.trains, (t) => t.route === route);
    }
    if (topic === "bikes") return new KeyedTopic(topic, v.bikes);
    if (topic.startsWith("bikes:region:")) {
      const region = topic.slice("bikes:region:".length);
      return new KeyedTopic(topic, v.bikes, (b) => b.regionId === region);
    }
    if (topic.startsWith("bikes:near:")) {
      const [lat, lon, r] = topic.slice("bikes:near:".length).split(",").map(Number);
      return new KeyedTopic(topic, v.bikes, (b) => distanceM(lat, lon, b.lat, b.lon) <= r);
    }
    if (topic === "alerts") return new KeyedTopic(topic, v.alerts);
    if (topic === "outages") return new KeyedTopic(topic, v.outages);
    if (topic === "health") return new KeyedTopic(topic, v.health);
    if (topic === "bike-totals")
      return new ValueTopic<BikeTotals>(
        topic,
        slotSource(s.bikeTotals, (x) => x),
      );
    if (topic.startsWith("arrivals:")) {
      const station = topic.slice("arrivals:".length);
      // null: not known yet (the client says it is waiting); an empty board: no train listed there, the same
      // object while it stays so (the topic sends a value that changed).
      let none: StationArrivals | null = null;
      const board = (m: ReadonlyMap<string, StationArrivals>) => {
        const b = m.get(station);
        if (b || !s.arrivalsOfEveryStation) {
          none = null;
          return b ?? null;
        }
        none ??= noArrivals(station, s.arrivals.t);
        return none;
      };
      return new ValueTopic<StationArrivals>(topic, slotSource(s.arrivals, board));
    }
    if (topic === "clock") return new ClockTopic(() => this.engine.clock());
    if (topic === "graph")
      return new GraphTopic(
        () => this.engine.graph(),
        () => this.engine.engineTime(),
      );
    if (topic.startsWith("charts:")) return new SeriesTopic(topic, s.series, s.metricsSlot);
    throw new Error(`no such topic '${topic}'`);
  }
}

function slotSource<S, T>(slot: Slot<S>, pick: (v: S) => T | null) {
  return {
    version: () => slot.version,
    value: () => (slot.value === undefined ? null : pick(slot.value)),
    t: () => slot.t,
    pendingSince: () => slot.pendingSince,
    changedAt: () => slot.changedAt,
  };
}
