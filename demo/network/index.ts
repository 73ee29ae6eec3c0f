/**
 * The demo subway network, assembled from the station table and the line
 * tables and checked once: every pattern station exists, every pattern has
 * at least two stops, and complexes are groups of stations.
 */
import { BDIV_LINES } from "./lines-bdiv";
import { IRT_LINES } from "./lines-irt";
import { STATION_ROWS } from "./stations";
import type { Complex, Line, Network, Station } from "./types";

export type {
  Borough,
  Complex,
  HourlyHeadways,
  HourRange,
  Line,
  Network,
  Pattern,
  PatternStop,
  Station,
} from "./types";

/** Names riders know the big multi-line complexes by (others take their first station's name). */
const COMPLEX_NAMES: Record<string, string> = {
  "611": "Times Sq-42 St / Port Authority",
  "610": "Grand Central-42 St",
  "602": "14 St-Union Sq",
  "617": "Atlantic Av-Barclays Ctr",
  "616": "Jackson Hts-Roosevelt Av / 74 St",
  "628": "Fulton St",
  "624": "WTC / Chambers St / Park Place",
  "623": "Canal St",
  "621": "Broadway Junction",
  "601": "14 St / 6 Av",
};

export function buildNetwork(): Network {
  const stations = new Map<string, Station>();
  for (const [id, name, lat, lon, borough, complexId, ada] of STATION_ROWS) {
    if (stations.has(id)) throw new Error(`network: station ${id} listed twice`);
    stations.set(id, { id, name, lat, lon, borough, complexId, ada: ada === 1 });
  }
  const complexes = new Map<string, Complex>();
  for (const s of stations.values()) {
    const c = complexes.get(s.complexId);
    if (c) c.stationIds.push(s.id);
    else
      complexes.set(s.complexId, {
        id: s.complexId,
        name: COMPLEX_NAMES[s.complexId] ?? s.name,
        stationIds: [s.id],
      });
  }
  const lines: Line[] = [...IRT_LINES, ...BDIV_LINES];
  for (const line of lines) {
    if (line.headways.length !== 24) throw new Error(`network: line ${line.id} needs 24 hourly headways`);
    for (const p of line.patterns) {
      for (const s of p.stops) {
        if (!stations.has(s.stationId))
          throw new Error(`network: pattern ${p.id} uses unknown station ${s.stationId}`);
      }
      if (p.stops.filter((s) => s.stops).length < 2)
        throw new Error(`network: pattern ${p.id} has fewer than two stops`);
      if (!p.stops[0].stops || !p.stops.at(-1)!.stops)
        throw new Error(`network: pattern ${p.id} must stop at both ends`);
    }
  }
  return { stations, complexes, lines };
}

let cached: Network | undefined;

/** The network, built once per process. */
export function demoNetwork(): Network {
  cached ??= buildNetwork();
  return cached;
}
