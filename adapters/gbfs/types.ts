/** Citi Bike GBFS responses, normalized: times are epoch MILLISECONDS, ttl stays in seconds. */
export interface GbfsResponseInfo {
  feed: string;
  url?: string;
  receivedAt: number;
  /** last_updated, ms. */
  lastUpdated: number;
  /** Seconds: poll no faster than this. */
  ttl: number;
  /** GBFS version when the response states it (older Citi Bike responses do not). */
  version: string | null;
  /** Records left out because they failed validation. */
  dropped: number;
}

export interface GbfsDiscovery extends GbfsResponseInfo {
  /** The language whose feed list was taken ("en" preferred), null for GBFS 3's language-free list. */
  language: string | null;
  /** Feed name -> URL ("station_status" -> "https://.../station_status.json"). */
  feeds: Record<string, string>;
}

export interface StationInformation {
  stationId: string;
  name: string;
  shortName?: string;
  lat: number;
  lon: number;
  /** Missing for some stations. */
  regionId?: string;
  capacity?: number;
}

export interface StationStatus {
  stationId: string;
  numBikesAvailable: number;
  /** 0 when the field is absent (systems without e-bikes may omit it). */
  numEbikesAvailable: number;
  numBikesDisabled: number;
  numDocksAvailable: number;
  numDocksDisabled: number;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
  /** ms; null when the station never reported (the feed's sentinel last_reported = 86400). */
  lastReported: number | null;
}

export interface SystemRegion {
  regionId: string;
  name: string;
}

export interface StationInformationSnapshot extends GbfsResponseInfo {
  stations: StationInformation[];
}

export interface StationStatusSnapshot extends GbfsResponseInfo {
  stations: StationStatus[];
}

export interface SystemRegionsSnapshot extends GbfsResponseInfo {
  regions: SystemRegion[];
}
