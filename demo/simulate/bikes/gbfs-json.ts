/**
 * The Citi Bike GBFS 2.3 documents of the demo day, as the real system
 * publishes them (key order and flags as in recorded Citi Bike feeds):
 * gbfs.json, station_information, system_regions and station_status. The
 * status document is rebuilt every minute from per-station fragments, only
 * the stations that changed being re-serialized.
 */
import { DEFAULT_BASE_URLS } from "../../../adapters/feeds";
import type { BikeDay } from "./dynamics";
import { type BikeStation, REGIONS } from "./stations";

const VERSION = "2.3";
const TTL_S = 60;
/** GBFS's marker for a station that has never reported. */
const NEVER_REPORTED = 86400;

function envelope(dataJson: string, lastUpdated: number): string {
  return `{"data":${dataJson},"last_updated":${lastUpdated},"ttl":${TTL_S},"version":"${VERSION}"}`;
}

export function discoveryJson(lastUpdated: number): string {
  const feeds = [
    "system_information",
    "station_information",
    "station_status",
    "system_regions",
    "vehicle_types",
  ].map((name) => ({ name, url: `${DEFAULT_BASE_URLS.gbfs}en/${name}.json` }));
  return envelope(JSON.stringify({ en: { feeds } }), lastUpdated);
}

export function stationInformationJson(stations: readonly BikeStation[], lastUpdated: number): string {
  const list = stations.map((s) => ({
    station_type: "classic",
    has_kiosk: true,
    eightd_has_key_dispenser: false,
    ...(s.regionId ? { region_id: s.regionId } : {}),
    electric_bike_surcharge_waiver: false,
    name: s.name,
    short_name: s.shortName,
    capacity: s.capacity,
    lon: s.lon,
    external_id: s.id,
    rental_methods: ["KEY", "CREDITCARD"],
    station_id: s.id,
    lat: s.lat,
    eightd_station_services: [],
  }));
  return envelope(JSON.stringify({ stations: list }), lastUpdated);
}

export function systemRegionsJson(lastUpdated: number): string {
  return envelope(
    JSON.stringify({ regions: REGIONS.map((r) => ({ region_id: r.id, name: r.name })) }),
    lastUpdated,
  );
}

export class StationStatusDocument {
  private readonly fragments: string[];

  constructor(
    private readonly day: BikeDay,
    private readonly epochS: (daySeconds: number) => number,
  ) {
    this.fragments = day.stations.map(() => "");
  }

  json(lastUpdated: number): string {
    for (const i of this.day.takeChanged()) this.fragments[i] = this.fragment(i);
    return `{"data":{"stations":[${this.fragments.join(",")}]},"last_updated":${lastUpdated},"ttl":${TTL_S},"version":"${VERSION}"}`;
  }

  private fragment(i: number): string {
    const s = this.day.stations[i];
    const st = this.day.state[i];
    if (s.silent) {
      return `{"is_returning":0,"num_bikes_disabled":0,"legacy_id":"${s.legacyId}","is_installed":0,"eightd_has_available_keys":false,"is_renting":0,"num_docks_disabled":0,"last_reported":${NEVER_REPORTED},"num_ebikes_available":0,"num_bikes_available":0,"station_id":"${s.id}","num_docks_available":0}`;
    }
    const open = s.outOfService ? 0 : 1;
    const bikes = st.classic + st.ebikes;
    const docks = s.capacity - bikes - st.disabledBikes - st.disabledDocks;
    return `{"is_returning":${open},"num_bikes_disabled":${st.disabledBikes},"legacy_id":"${s.legacyId}","is_installed":1,"eightd_has_available_keys":false,"is_renting":${open},"num_docks_disabled":${st.disabledDocks},"num_scooters_unavailable":0,"num_scooters_available":0,"last_reported":${this.epochS(st.lastReported)},"num_ebikes_available":${st.ebikes},"num_bikes_available":${bikes},"station_id":"${s.id}","num_docks_available":${docks}}`;
  }
}
