export { isActiveAt, parentStationId, routesOf, stationsOf, toAlertView } from "./alert-view";
export { type AlertsGraph, type AlertsGraphInputs, alertsGraph } from "./graph";
export type { StationsByName } from "./outage-view";
export { sanitizeAlertHtml } from "./sanitize";
