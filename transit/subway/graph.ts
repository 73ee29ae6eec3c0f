/**
 * subwayGraph: decoded subway snapshots (the eight feeds interleaved) + the
 * static network + a clock -> every subway metric of METRICS.md, the trains
 * for the map, arrivals per station and each line's status.
 */
import type { SubwayFeedSnapshot } from "../../adapters/subway";
import type { Series } from "../../engine";
import type { LineStatus, MetricTick, StationArrivals, TrainView } from "../contract";
import type { TransitNetwork } from "../network";
import { gapAheadNode } from "./gap-ahead";
import {
  delayWindowsGraph,
  headwaysNode,
  lineCountsNode,
  nextTrainWaitNode,
  predictionErrorNode,
  runtimeNode,
  serviceChangesNode,
} from "./line-nodes";
import { metricsNode, statusNode } from "./output-nodes";
import {
  arrivalsNode,
  cancelledNode,
  trackTripsNode,
  trainsNode,
  travelTimesNode,
  tripStatusesNode,
} from "./trip-nodes";

export interface SubwayGraphInputs {
  snapshots: Series<SubwayFeedSnapshot>;
  network: TransitNetwork;
  /** A 60 s timer: windows expire, delays grow and statuses change on it. */
  clock: Series<unknown>;
  /** Route ids whose feed is more than 5 min old: status "No data". */
  staleFeeds?: Series<ReadonlySet<string>>;
  /** Active alerts per route, for LineStatus.activeAlerts. */
  alertsByRoute?: Series<ReadonlyMap<string, number>>;
}

export interface SubwayGraph {
  metrics: Series<MetricTick[]>;
  trains: Series<TrainView[]>;
  arrivals: Series<ReadonlyMap<string, StationArrivals>>;
  lineStatus: Series<LineStatus[]>;
}

export function subwayGraph(inp: SubwayGraphInputs): SubwayGraph {
  const { network: net, clock } = inp;
  const tracked = trackTripsNode(inp.snapshots, clock, net);
  const travel = travelTimesNode(tracked, net);
  const trips = tripStatusesNode(tracked, travel, clock, net);
  const cancelled = cancelledNode(tracked, net);

  const counts = lineCountsNode(trips);
  const delays = delayWindowsGraph(counts, clock);
  const headways = headwaysNode(tracked, clock, net);
  const runtimes = runtimeNode(travel, tracked, clock, net);
  const changes = serviceChangesNode(tracked, clock, net);
  const waits = nextTrainWaitNode(trips, net);
  const predictionErrors = predictionErrorNode(tracked, clock);
  // The map's trains want the gaps on every snapshot; the metric, on the clock only (a headless export
  // has no trains): two boards, so that one need not compute the other's ticks.
  const gaps = gapAheadNode(tracked, trips, net);
  const gapsOnClock = gapAheadNode(tracked, trips, net, clock);
  const lineStatus = statusNode(
    {
      clock,
      counts,
      headways,
      runtimes,
      changes,
      staleRoutes: inp.staleFeeds,
      alertsByRoute: inp.alertsByRoute,
    },
    net,
  );
  return {
    metrics: metricsNode({
      clock,
      counts,
      delays,
      headways,
      runtimes,
      changes,
      waits,
      predictionErrors,
      statuses: lineStatus,
      gaps: gapsOnClock,
    }),
    trains: trainsNode(trips, net, gaps),
    arrivals: arrivalsNode(trips, cancelled, net),
    lineStatus,
  };
}
