"use client";
/**
 * The static network (/api/network: routes with colours and shapes, station
 * order, stations, bike stations), fetched once per tab, indexed, and fetched
 * again when the server announces a new version (its ETag, in the hello and
 * in `network` events: new bike stations appear after the first GBFS poll).
 */
import { useEffect, useState } from "react";
import type { NetworkView } from "../transit/contract";
import { useNetworkEtag } from "./live/hooks";

export type RouteView = NetworkView["routes"][number];
export type StationView = NetworkView["stations"][number];
export type BikeStationStatic = NetworkView["bikeStations"][number];

export interface NetworkIndex {
  view: NetworkView;
  etag: string | null;
  routes: RouteView[];
  routeById: Map<string, RouteView>;
  stationById: Map<string, StationView>;
  bikeById: Map<string, BikeStationStatic>;
}

export function indexNetwork(view: NetworkView, etag: string | null = null): NetworkIndex {
  return {
    view,
    etag,
    routes: view.routes,
    routeById: new Map(view.routes.map((r) => [r.id, r])),
    stationById: new Map(view.stations.map((s) => [s.id, s])),
    bikeById: new Map(view.bikeStations.map((b) => [b.id, b])),
  };
}

let current: Promise<NetworkIndex> | null = null;
let currentEtag: string | null = null;

/** The network; `wantEtag` other than the one held fetches it again. */
export function loadNetwork(wantEtag: string | null = null): Promise<NetworkIndex> {
  if (current && (wantEtag === null || wantEtag === currentEtag)) return current;
  const p = fetch("/api/network", { cache: wantEtag ? "no-cache" : "default" })
    .then(async (r) => {
      if (!r.ok) throw new Error(`/api/network answered ${r.status}`);
      const etag = r.headers.get("etag");
      currentEtag = etag;
      return indexNetwork((await r.json()) as NetworkView, etag);
    })
    .catch((e) => {
      if (current === p) current = null; // try again on the next use
      throw e;
    });
  current = p;
  return p;
}

/** The network, or null while loading; retries every 5 s while the server cannot give it. */
export function useNetwork(): { network: NetworkIndex | null; error: string | null } {
  const [network, setNetwork] = useState<NetworkIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the etag: the rest of the connection info changes every second.
  const networkEtag = useNetworkEtag();
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      loadNetwork(networkEtag).then(
        (n) => {
          if (!alive) return;
          setNetwork((prev) => (prev?.etag === n.etag && prev !== null ? prev : n));
          setError(null);
        },
        (e: Error) => {
          if (!alive) return;
          setError(e.message);
          timer = setTimeout(attempt, 5000);
        },
      );
    attempt();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [networkEtag]);
  return { network, error };
}
