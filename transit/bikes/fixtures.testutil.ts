/** Test-only: hand-made GBFS snapshots and a runner for bikesGraph. */
import type {
  StationInformation,
  StationInformationSnapshot,
  StationStatus,
  StationStatusSnapshot,
  SystemRegionsSnapshot,
} from "../../adapters/gbfs/types";
import { MINUTE, output, pullInput, type RunResult, run, timer } from "../../engine";
import type { BikeStationView, BikeTotals, MetricTick } from "../contract";
import { type BikesGraphInputs, bikesGraph } from "./graph";

const envelope = (feed: string, t: number) => ({
  feed,
  receivedAt: t,
  lastUpdated: t,
  ttl: 60,
  version: "2.3",
  dropped: 0,
});

export function status(id: string, t: number, over: Partial<StationStatus> = {}): StationStatus {
  return {
    stationId: id,
    numBikesAvailable: 5,
    numEbikesAvailable: 1,
    numBikesDisabled: 0,
    numDocksAvailable: 10,
    numDocksDisabled: 0,
    isInstalled: true,
    isRenting: true,
    isReturning: true,
    lastReported: t,
    ...over,
  };
}

export function info(id: string, regionId?: string): StationInformation {
  return {
    stationId: id,
    name: `Station ${id}`,
    lat: 40.7,
    lon: -74,
    capacity: 15,
    ...(regionId ? { regionId } : {}),
  };
}

export const statusSnap = (t: number, stations: StationStatus[]): StationStatusSnapshot => ({
  ...envelope("gbfs-station-status", t),
  stations,
});

export const infoSnap = (t: number, stations: StationInformation[]): StationInformationSnapshot => ({
  ...envelope("gbfs-station-information", t),
  stations,
});

export const regionsSnap = (t: number, ids: string[]): SystemRegionsSnapshot => ({
  ...envelope("gbfs-system-regions", t),
  regions: ids.map((regionId) => ({ regionId, name: `Region ${regionId}` })),
});

export interface BikeRun {
  result: RunResult;
  /** The last value of each output at time t (undefined when it did not tick then). */
  stationsAt(t: number): BikeStationView[] | undefined;
  totalsAt(t: number): BikeTotals | undefined;
  regionsAt(t: number): ReadonlyMap<string, BikeTotals> | undefined;
  metricsAt(t: number): MetricTick[] | undefined;
}

export function runBikes(
  opts: {
    start: number;
    end: number;
    info: Array<[number, StationInformationSnapshot]>;
    status: Array<[number, StationStatusSnapshot]>;
    regions?: Array<[number, SystemRegionsSnapshot]>;
    hash?: boolean;
  } & Pick<BikesGraphInputs, "timeZone" | "staleAfterMs" | "netFlow">,
): BikeRun {
  const result = run(
    () => {
      const g = bikesGraph({
        info: pullInput("info", opts.info),
        status: pullInput("status", opts.status),
        ...(opts.regions ? { regions: pullInput("regions", opts.regions) } : {}),
        clock: timer(MINUTE),
        timeZone: opts.timeZone,
        staleAfterMs: opts.staleAfterMs,
        netFlow: opts.netFlow,
      });
      output("stations", g.stations);
      output("totals", g.totals);
      output("regions", g.regionTotals);
      output("metrics", g.metrics);
    },
    { start: opts.start, end: opts.end, hash: opts.hash },
  );
  const lastAt = <T>(name: string, t: number) =>
    result.outputs[name].filter(([time]) => time === t).at(-1)?.[1] as T | undefined;
  return {
    result,
    stationsAt: (t) => lastAt("stations", t),
    totalsAt: (t) => lastAt("totals", t),
    regionsAt: (t) => lastAt("regions", t),
    metricsAt: (t) => lastAt("metrics", t),
  };
}
