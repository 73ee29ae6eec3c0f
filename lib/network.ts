"use client";
/**
 * The static network (/api/network: routes with colours and shapes, station
 * order, stations, bike stations), fetched once per tab and indexed.
 */
import { useEffect, useState } from "react";
import type { NetworkView } from "../transit/contract";

export type RouteView = NetworkView["routes"][number];
export type StationView = NetworkView["stations"][number];

export interface NetworkIndex {
  view: NetworkView;
  routes: RouteView[];
  routeById: Map<string, RouteView>;
  stationById: Map<string, StationView>;
}

export function indexNetwork(view: NetworkView): NetworkIndex {
  return {
    view,
    routes: view.routes,
    routeById: new Map(view.routes.map((r) => [r.id, r])),
    stationById: new Map(view.stations.map((s) => [s.id, s])),
  };
}

let pending: Promise<NetworkIndex> | null = null;

export function loadNetwork(): Promise<NetworkIndex> {
  pending ??= fetch("/api/network")
    .then((r) => {
      if (!r.ok) throw new Error(`/api/network answered ${r.status}`);
      return r.json() as Promise<NetworkView>;
    })
    .then(indexNetwork)
    .catch((e) => {
      pending = null; // try again on the next use
      throw e;
    });
  return pending;
}

/** The network, or null while loading; retries every 5 s while the server cannot give it. */
export function useNetwork(): { network: NetworkIndex | null; error: string | null } {
  const [network, setNetwork] = useState<NetworkIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      loadNetwork().then(
        (n) => alive && (setNetwork(n), setError(null)),
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
  }, []);
  return { network, error };
}

/** Route ids in the network's order (the order riders know: 1 2 3 ... A C E ...). */
export function routeOrder(network: NetworkIndex | null): Map<string, number> {
  return new Map((network?.routes ?? []).map((r, i) => [r.id, i]));
}
