/**
 * What every decoder is told about the bytes it decodes: which feed, where
 * they came from and when they arrived. It ends up in errors and snapshots.
 */
export interface DecodeContext {
  feed: string;
  url?: string;
  /** Epoch ms when the body arrived; defaults to Date.now(). */
  receivedAt?: number;
}

export interface FreshnessOptions {
  /** A feed whose own timestamp is older than this (relative to receivedAt) is 'stale'. Default 1 h. */
  maxAgeMs?: number;
}

export const DEFAULT_MAX_AGE_MS = 60 * 60 * 1000;

export function receivedAtOf(ctx: DecodeContext): number {
  return ctx.receivedAt ?? Date.now();
}
