export { decodeAlertsFeed, decodeAlertsJson } from "./decode";
export type { ActivePeriod, AlertsSnapshot, InformedEntity, ServiceAlert } from "./types";
