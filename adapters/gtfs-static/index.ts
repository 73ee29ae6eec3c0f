/** Static GTFS: loading (folder or zip), lookups, and the cached download for live mode. */
export { serviceDateNumber } from "./calendar";
export { type FetchedStatic, type FetchStaticOptions, fetchStaticGtfs } from "./fetch";
export { loadStaticGtfs } from "./load";
export { StaticGtfs } from "./model";
export { StopTimesTable } from "./stop-times";
export type * from "./types";
