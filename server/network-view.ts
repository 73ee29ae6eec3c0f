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

type BikeStationView = NetworkView["bikeStations"][number];

/** The static part of /api/network: routes (with shapes) and stations. */
export type NetworkBase = Omit<NetworkView, "bikeStations">;

const bases = new WeakMap<TransitNetwork, NetworkBase>();

/** A network's routes and stations, computed once per network (the same object each time). */
export function networkBase(network: TransitNetwork | null): NetworkBase | null {
  if (!network) return null;
  let b = bases.get(network);
  if (!b) {
    const v = networkView(network);
    b = { routes: v.routes, stations: v.stations };
    bases.set(network, b);
  }
  return b;
}

export class NetworkViewCache {
  private network: NetworkBase | null | undefined = undefined;
  private base: Omit<NetworkView, "bikeStations"> = { routes: [], stations: [] };
  private bikes: BikeStationView[] = [];
  private bikesVersion = -1;
  private body = "";
  etag = "";

  /**
   * networkOf: routes and stations of the network in use now (live mode switches it to each new
   * service day), a new object when it changed.
   * onChange: told each new ETag, whoever's refresh() noticed it (the watch timer or a request).
   */
  constructor(
    private readonly networkOf: () => NetworkBase | null,
    private readonly state: LiveState,
    private readonly onChange?: (etag: string) => void,
  ) {
    this.refresh();
  }

  /** Recompute if the network or the bike stations' static fields changed; true when the ETag changed. */
  refresh(): boolean {
    const network = this.networkOf();
    const networkChanged = network !== this.network;
    if (networkChanged) {
      this.network = network;
      this.base = network ?? { routes: [], stations: [] };
    }
    const bikesChanged = this.refreshBikes();
    if (!networkChanged && !bikesChanged) return false;
    const before = this.etag;
    const view: NetworkView = { ...this.base, bikeStations: this.bikes };
    this.body = JSON.stringify(view);
    this.etag = `"${createHash("sha1").update(this.body).digest("base64url").slice(0, 20)}"`;
    if (this.etag === before) return false;
    if (before) this.onChange?.(this.etag);
    return true;
  }

  private refreshBikes(): boolean {
    const slot = this.state.bikeStations;
    if (slot.version === this.bikesVersion) return false;
    this.bikesVersion = slot.version;
    const bikeStations = (slot.value ?? []).map((b) => ({
      id: b.id,
      name: b.name,
      lat: b.lat,
      lon: b.lon,
      capacity: b.capacity,
      regionId: b.regionId,
    }));
    // Compared field by field: the availability changes every poll, these fields hardly ever.
    if (sameStations(bikeStations, this.bikes)) return false;
    // Once some stations are known, keep them through a reset (a new run) rather than flash an empty map.
    if (bikeStations.length === 0 && this.bikes.length > 0) return false;
    this.bikes = bikeStations;
    return true;
  }

  json(): string {
    return this.body;
  }
}

function sameStations(a: readonly BikeStationView[], b: readonly BikeStationView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.id !== y.id ||
      x.name !== y.name ||
      x.lat !== y.lat ||
      x.lon !== y.lon ||
      x.capacity !== y.capacity ||
      x.regionId !== y.regionId
    )
      return false;
  }
  return true;
}
