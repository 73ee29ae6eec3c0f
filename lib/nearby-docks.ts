"use client";
/** The Citi Bike docks near a point, nearest first, live (the server filters them: the bikes:near topic). */
import type { BikeStationLive } from "../server/protocol";
import { distanceM } from "../transit/network/geometry";
import { useTopic } from "./live/hooks";
import type { BikeStationStatic, NetworkIndex } from "./network";

export const NEAR_RADIUS_M = 600;

export interface NearbyDock {
  live: BikeStationLive;
  info: BikeStationStatic;
  /** Straight-line metres from the point. */
  distance: number;
}

export function useNearbyDocks(
  lat: number,
  lon: number,
  network: NetworkIndex | null,
  limit: number,
): { docks: NearbyDock[]; listed: number; waiting: boolean } {
  const state = useTopic<BikeStationLive[]>(
    `bikes:near:${lat.toFixed(5)},${lon.toFixed(5)},${NEAR_RADIUS_M}`,
  );
  const live = state?.data ?? [];
  // No bike data behind the topic yet (its engine time is 0: a catch-up holds the messages), or docks the
  // network does not list yet: that is not "none near".
  const waiting = !state || state.t <= 0 || !network || network.bikeById.size === 0;
  const docks = live
    .map((b) => {
      const info = network?.bikeById.get(b.id);
      return info ? { live: b, info, distance: distanceM(lat, lon, info.lat, info.lon) } : null;
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit);
  return { docks, listed: live.length, waiting };
}
