/**
 * The one dashboard graph: decoded feeds in, every metric and view out.
 * Made of sub-graphs (subway, alerts and elevators, bikes, feed health),
 * each contained so that a broken metric can never stop the others.
 */
import { type DecodedFeeds, decodeFeeds } from "../adapters/feed-graph";
import { routesOfFeeds } from "../adapters/feeds";
import type { FeedHealth } from "../adapters/health/health";
import type { RecordedPayload } from "../adapters/recording/types";
import { contain, engineErrors, HOUR, MINUTE, node, type Series, timer } from "../engine";
import { alertsGraph } from "./alerts";
import { bikesGraph } from "./bikes";
import type {
  AlertView,
  BikeStationView,
  BikeTotals,
  LineStatus,
  MetricTick,
  OutageView,
  StationArrivals,
  TrainView,
} from "./contract";
import { containedFailures, healthGraph } from "./health";
import type { TransitNetwork } from "./network";
import { stationNameResolver } from "./station-names";
import { subwayGraph } from "./subway";

export interface DashboardSeries {
  /** Every metric tick of a cycle, in a fixed order (the headless export, the charts). */
  metrics: Series<MetricTick[]>;
  lineStatus: Series<LineStatus[]>;
  trains: Series<TrainView[]>;
  arrivals: Series<ReadonlyMap<string, StationArrivals>>;
  alerts: Series<AlertView[]>;
  outages: Series<OutageView[]>;
  bikeStations: Series<BikeStationView[]>;
  bikeTotals: Series<BikeTotals>;
  health: Series<FeedHealth[]>;
  /** The decoded feeds, for outputs that need them (e.g. bike station positions). */
  feeds: DecodedFeeds;
}

export interface DashboardOptions {
  /** How often windows are re-evaluated on the clock (default 60 s). */
  clockMs?: number;
  /** A feed older than this is stale: lines on it show "No data" (default 5 min). */
  staleAfterMs?: number;
}

export function dashboardGraph(
  payloads: Series<RecordedPayload>,
  network: TransitNetwork,
  opts: DashboardOptions = {},
): DashboardSeries {
  const clock = timer(opts.clockMs ?? MINUTE, true);
  const feeds = decodeFeeds(payloads);

  const health = contain("feeds.health", () =>
    healthGraph({
      events: feeds.health,
      clock,
      staleAfterMs: opts.staleAfterMs ?? 5 * MINUTE,
      // Station information and regions change rarely and may be published once a day.
      staleAfterMsByFeed: { "gbfs-station-information": 26 * HOUR, "gbfs-system-regions": 26 * HOUR },
    }),
  );
  const stationsByName = stationNameResolver(network.stations.values());
  const alerts = contain(
    "alerts",
    () => alertsGraph({ alerts: feeds.alerts, outages: feeds.outages, clock, stationsByName }),
    { onError: "continue" },
  );
  const staleRoutes = node({
    name: "stale_routes",
    inputs: { stale: health.staleFeeds },
    onTick: ({ inputs }) => routesOfFeeds(inputs.stale.value),
  });
  const subway = contain(
    "subway",
    () =>
      subwayGraph({
        snapshots: feeds.subway,
        network,
        clock,
        staleFeeds: staleRoutes,
        alertsByRoute: alerts.alertsByRoute,
      }),
    { onError: "continue" },
  );
  const bikes = contain(
    "bikes",
    () =>
      bikesGraph({
        info: feeds.stationInformation,
        status: feeds.stationStatus,
        regions: feeds.systemRegions,
        clock,
      }),
    { onError: "continue" },
  );
  const failures = containedFailures(engineErrors());

  const parts = [subway.metrics, alerts.metrics, bikes.metrics, health.metrics, failures];
  const metrics = node({
    name: "metrics",
    inputs: Object.fromEntries(parts.map((p, i) => [`m${i}`, p])),
    onTick: () => {
      const out: MetricTick[] = [];
      for (const p of parts) if (p.ticked) for (const m of p.value) out.push(m);
      return out.length > 0 ? out : undefined;
    },
  });

  return {
    metrics,
    lineStatus: subway.lineStatus,
    trains: subway.trains,
    arrivals: subway.arrivals,
    alerts: alerts.alerts,
    outages: alerts.outages,
    bikeStations: bikes.stations,
    bikeTotals: bikes.totals,
    health: health.health,
    feeds,
  };
}
