/**
 * Engine time is milliseconds since the Unix epoch, as a plain number: exact
 * in a JS double for any date we care about, unlike nanoseconds.
 */
export type Time = number;

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export function isoTime(t: Time): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
}
