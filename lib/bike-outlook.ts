/**
 * What a dock is about to do, from the server's predictions (transit/bikes:
 * minutes to empty or to full at its rolling net flow): "empty in ~12 min".
 * Only within the hour: further out the flow will have changed, and a rider
 * at the dock asks about the next few minutes.
 */
import type { BikeStationView } from "../transit/contract";

/** Predictions further out than this are not shown. */
export const OUTLOOK_HORIZON_MIN = 60;
/** Sooner than this, the outlook is a warning: a rider walking to the dock may find it empty (or full). */
export const OUTLOOK_SOON_MIN = 15;

type Outlook = Pick<BikeStationView, "bikes" | "docks" | "minutesToEmpty" | "minutesToFull">;

const within = (min: number | null): min is number => min !== null && min >= 0 && min <= OUTLOOK_HORIZON_MIN;
const about = (min: number) => (min < 1 ? "within a minute" : `in ~${Math.round(min)} min`);

export function bikeOutlook(b: Outlook): { text: string; soon: boolean } | null {
  const say = (what: string, min: number) => ({
    text: `${what} ${about(min)}`,
    soon: min <= OUTLOOK_SOON_MIN,
  });
  if (b.bikes > 0 && within(b.minutesToEmpty)) return say("empty", b.minutesToEmpty);
  if (b.docks > 0 && within(b.minutesToFull)) return say("full", b.minutesToFull);
  return null;
}
