export {
  decodeGbfsDiscovery,
  decodeStationInformation,
  decodeStationStatus,
  decodeSystemRegions,
} from "./decode";
export type {
  GbfsDiscovery,
  GbfsResponseInfo,
  StationInformation,
  StationInformationSnapshot,
  StationStatus,
  StationStatusSnapshot,
  SystemRegion,
  SystemRegionsSnapshot,
} from "./types";
