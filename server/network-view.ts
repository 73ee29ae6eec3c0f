/**
 * /api/network: the static network (routes, shapes, stations) plus the bike
 * stations' static fields, which arrive with the GBFS feed. Its ETag changes
 * only when one of those changes; the server then tells clients (`network`).
 */
import { createHash } from "node:crypto";
import type { NetworkView } from "../transit/contract";
import type { TransitNetwork } from "../transit/network";
import { networkView } from "../transit/network/view";
import type { LiveState } from "./live-state";

export class NetworkViewCache {
  private base: Omit<NetworkView, "bikeStations">;
  private bikesVersion = -1;
  private bikesKey = "";
  private body = "";
  etag = "";

  constructor(
    network: TransitNetwork | null,
    private readonly state: LiveState,
  ) {
    const v = network ? networkView(network) : { routes: [], stations: [], bikeStations: [] };
    this.base = { routes: v.routes, stations: v.stations };
    this.refresh();
  }

  /** Recompute if the bike stations' static fields changed; true when the ETag changed. */
  refresh(): boolean {
    const slot = this.state.bikeStations;
    if (slot.version === this.bikesVersion && this.body) return false;
    this.bikesVersion = slot.version;
    const bikeStations = (slot.value ?? []).map((b) => ({
      id: b.id,
      name: b.name,
      lat: b.lat,
      lon: b.lon,
      capacity: b.capacity,
      regionId: b.regionId,
    }));
    const key = JSON.stringify(bikeStations);
    if (key === this.bikesKey && this.body) return false;
    // Once some stations are known, keep them through a reset (a new run) rather than flash an empty map.
    if (bikeStations.length === 0 && this.bikesKey) return false;
    this.bikesKey = key;
    const view: NetworkView = { ...this.base, bikeStations };
    this.body = JSON.stringify(view);
    this.etag = `"${createHash("sha1").update(this.body).digest("base64url").slice(0, 20)}"`;
    return true;
  }

  json(): string {
    return this.body;
  }
}
