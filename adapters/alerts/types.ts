/**
 * Service alerts from the MTA's GTFS-realtime alerts feed with the Mercury
 * extension, normalized: times are epoch MILLISECONDS. Texts are kept raw:
 * `html` is the feed's "en-html" translation and MUST be sanitized before it
 * reaches a page (that happens downstream, not here).
 */
export interface InformedEntity {
  agencyId?: string;
  routeId?: string;
  stopId?: string;
  /** Mercury sort_order: agency, route and a priority number, colon-separated ("MTASBWY:A:20"). */
  sortOrder?: string;
}

export interface ActivePeriod {
  /** 0 when the feed leaves the start open ("since always"). */
  start: number;
  end?: number;
}

export interface ServiceAlert {
  id: string;
  /** Mercury alert_type ("Delays", "Planned - Part Suspended", ...); null without the extension. */
  alertType: string | null;
  createdAt: number | null;
  updatedAt: number | null;
  activePeriods: ActivePeriod[];
  informed: InformedEntity[];
  header: { text: string; html?: string };
  description: { text?: string; html?: string };
  humanReadablePeriod?: string;
  /** alert_type starts with "Planned". */
  planned: boolean;
  /** The first informed agency id (else the agency part of a sort_order); null when none says. */
  agency: string | null;
}

export interface AlertsSnapshot {
  feed: string;
  url?: string;
  receivedAt: number;
  /** header.timestamp, ms. */
  timestamp: number;
  gtfsRealtimeVersion: string;
  mercuryVersion: string | null;
  alerts: ServiceAlert[];
  /** Entities left out: malformed, no alert, or an alert without any header text. */
  dropped: number;
}
