"use client";
/** React bindings of the shared live connection. */
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { ClockView } from "../../transit/contract";
import { type ConnectionInfo, connection } from "./connection";
import type { TopicState } from "./reduce";

const noop = () => () => {};

/** The live state of a topic; undefined until its snapshot arrives. `null` subscribes to nothing. */
export function useTopic<T>(topic: string | null): TopicState<T> | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => (topic ? connection().subscribe(topic, onChange) : () => {}),
    [topic],
  );
  const get = useCallback(() => (topic ? connection().getTopic<T>(topic) : undefined), [topic]);
  return useSyncExternalStore(subscribe, get, () => undefined);
}

const SERVER_INFO: ConnectionInfo = {
  state: "connecting",
  hello: null,
  lastMessageAt: 0,
  lostAt: 0,
  attempts: 0,
  lastRefusal: null,
};

export function useConnectionInfo(): ConnectionInfo {
  return useSyncExternalStore(
    typeof window === "undefined" ? noop : (l) => connection().onInfo(l),
    () => connection().getInfo(),
    () => SERVER_INFO,
  );
}

/** Wall clock, re-rendering every `everyMs` (for ages and countdowns). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * Engine time now, estimated between clock messages from the last one
 * (time, speed, playing): for display and animation only.
 */
export function engineTimeAt(clock: TopicState<ClockView> | undefined, wallNow: number): number | null {
  if (!clock) return null;
  const c = clock.data;
  if (!c.playing) return c.t;
  const elapsed = Math.max(0, wallNow - clock.receivedAt);
  // Do not run ahead more than a minute of wall time past the last message.
  return c.t + Math.min(elapsed, 60_000) * c.speed;
}

export function useClock(): TopicState<ClockView> | undefined {
  return useTopic<ClockView>("clock");
}
