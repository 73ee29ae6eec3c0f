/** protobufjs hands out 64-bit integers as Long objects (or plain numbers when Long is absent). */
export type LongLike = number | { toNumber(): number };

/** Epoch seconds (number or Long) to epoch ms; undefined when absent. */
export function secondsToMs(v: LongLike | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined;
  return (typeof v === "number" ? v : v.toNumber()) * 1000;
}
