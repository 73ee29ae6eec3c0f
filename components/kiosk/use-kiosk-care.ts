"use client";
/** What a screen left on for weeks needs: a wake lock, and a small pixel shift now and then. */
import { useEffect, useState } from "react";

/** Offsets cycled through against burn-in: a few pixels, never far enough to notice. */
const SHIFTS: Array<[number, number]> = [
  [0, 0],
  [3, 1],
  [1, 3],
  [-2, 2],
  [-3, -1],
  [-1, -3],
  [2, -2],
];

export function usePixelShift(everyMin: number): [number, number] {
  const [i, setI] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setI((n) => (n + 1) % SHIFTS.length), everyMin * 60_000);
    return () => clearInterval(id);
  }, [everyMin]);
  return SHIFTS[i];
}

interface WakeLockLike {
  release(): Promise<void>;
  addEventListener(type: "release", l: () => void): void;
}

/** Keep the screen on; asked again whenever the page becomes visible (browsers drop the lock on hide). */
export function useWakeLock(): "held" | "unavailable" | "pending" {
  const [state, setState] = useState<"held" | "unavailable" | "pending">("pending");
  useEffect(() => {
    const nav = navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<WakeLockLike> } };
    if (!nav.wakeLock) {
      setState("unavailable");
      return;
    }
    let lock: WakeLockLike | null = null;
    let alive = true;
    const ask = () => {
      if (document.visibilityState !== "visible") return;
      nav.wakeLock!.request("screen").then(
        (l) => {
          if (!alive) {
            void l.release();
            return;
          }
          lock = l;
          setState("held");
          l.addEventListener("release", () => alive && setState("pending"));
        },
        () => alive && setState("unavailable"),
      );
    };
    ask();
    document.addEventListener("visibilitychange", ask);
    return () => {
      alive = false;
      document.removeEventListener("visibilitychange", ask);
      void lock?.release();
    };
  }, []);
  return state;
}
