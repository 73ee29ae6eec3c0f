export { decodeOutages } from "./decode";
export { newYorkLocalToEpochMs, parseMtaLocalTime } from "./ny-time";
export type { Outage, OutagesSnapshot } from "./types";
