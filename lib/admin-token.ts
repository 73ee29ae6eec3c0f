"use client";
/**
 * The admin token for replay controls: typed in by the user, kept for the
 * tab's session only (sessionStorage), never in the URL or a cookie.
 */
import { useSyncExternalStore } from "react";

const KEY = "nyc-transit.admin-token";
const listeners = new Set<() => void>();

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode): the session simply stays non-admin
  }
  for (const l of listeners) l();
}

export function useAdminToken(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readAdminToken,
    () => null,
  );
}
