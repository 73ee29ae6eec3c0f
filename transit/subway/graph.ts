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
import type { LineCounts } from "./line-counts";
import {
  delayWindowsGraph,
  headwaysNode,
  lineCountsNode,
  lineServiceNode,
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
  const headways = headwaysNode(tracked, clock, net);
  const runtimes = runtimeNode(travel, tracked, clock, net);
  const predictionErrors = predictionErrorNode(tracked, clock);
  // The metrics are per minute: computed from the trips as of each clock tick, they cost no work per
  // snapshot (and a headless export, which has no live views, does none). On the clock both give the same.
  const tripsOnClock = tripStatusesNode(tracked, travel, clock, net, { onClockOnly: true });
  const counts = lineCountsNode(tripsOnClock);
  // Decided once a minute, for the live board and the metrics alike.
  const service = lineServiceNode(counts, net);
  const changes = serviceChangesNode(tracked, service, clock, net);
  const statusOf = (counts: Series<ReadonlyMap<string, LineCounts>>, onClockOnly: boolean) =>
    statusNode(
      {
        clock,
        counts,
        headways,
        runtimes,
        changes,
        service,
        staleRoutes: inp.staleFeeds,
        alertsByRoute: inp.alertsByRoute,
      },
      net,
      { onClockOnly },
    );

  // The live views follow every snapshot: the map's trains, the arrivals, the lines' status board.
  const trips = tripStatusesNode(tracked, travel, clock, net);
  const lineStatus = statusOf(lineCountsNode(trips), false);

  const metrics = metricsNode({
    clock,
    counts,
    delays: delayWindowsGraph(counts, clock),
    headways,
    runtimes,
    changes,
    waits: nextTrainWaitNode(tripsOnClock, net),
    predictionErrors,
    statuses: statusOf(counts, true),
    gaps: gapAheadNode(tracked, tripsOnClock, net, { onClockOnly: true }),
  });

  return {
    metrics,
    trains: trainsNode(trips, net, gapAheadNode(tracked, trips, net)),
    arrivals: arrivalsNode(trips, cancelledNode(tracked, net), net),
    lineStatus,
  };
}
