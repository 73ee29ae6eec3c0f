/** Elevator and escalator outages (MTA nyct_ene feeds), normalized: times are epoch MILLISECONDS. */
export interface Outage {
  station: string;
  borough: string | null;
  /** trainno split on "/": the lines serving the station. */
  lines: string[];
  equipmentId: string;
  /** The feed's code: "EL" elevator, "ES" escalator (kept as given for anything else). */
  equipmentType: string;
  kind: "elevator" | "escalator" | "other";
  serving: string | null;
  /** null when the feed says neither Y nor N. */
  ada: boolean | null;
  outageStart: number | null;
  /** estimatedreturntoservice, read as New York local time. */
  estimatedReturn: number | null;
  reason: string | null;
  isUpcoming: boolean | null;
  isMaintenance: boolean | null;
}

export interface OutagesSnapshot {
  feed: string;
  url?: string;
  receivedAt: number;
  outages: Outage[];
  /** Records left out: not an object, no station or equipment id, or a date that does not parse. */
  dropped: number;
}
