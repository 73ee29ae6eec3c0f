"use client";
/** React bindings of the shared live connection. */
import { useCallback, useEffect, useReducer, useState, useSyncExternalStore } from "react";
import type { ClockView } from "../../transit/contract";
import { isCatchingUp } from "../catch-up";
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

/**
 * A topic that re-renders its component at most every `minMs` (charts: a
 * redraw costs far more than a message, and a day's curve needs no 4 Hz).
 */
export function useTopicThrottled<T>(topic: string | null, minMs: number): TopicState<T> | undefined {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!topic) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = Date.now();
      redraw();
    };
    const unsubscribe = connection().subscribe(topic, () => {
      const wait = last + minMs - Date.now();
      if (wait <= 0) fire();
      else timer ??= setTimeout(fire, wait);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [topic, minMs]);
  return topic && typeof window !== "undefined" ? connection().getTopic<T>(topic) : undefined;
}

const SERVER_INFO: ConnectionInfo = {
  state: "connecting",
  hello: null,
  lastMessageAt: 0,
  lostAt: 0,
  attempts: 0,
  lastRefusal: null,
  networkEtag: null,
};

export function useConnectionInfo(): ConnectionInfo {
  return useSyncExternalStore(
    typeof window === "undefined" ? noop : (l) => connection().onInfo(l),
    () => connection().getInfo(),
    () => SERVER_INFO,
  );
}

/** The server's network etag: re-renders only when it changes, not with the rest of the info. */
export function useNetworkEtag(): string | null {
  return useSyncExternalStore(
    typeof window === "undefined" ? noop : (l) => connection().onInfo(l),
    () => connection().getInfo().networkEtag,
    () => null,
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

/**
 * The engine time of a topic's data now: its message time carried forward by
 * the wall time since it arrived, at the clock's speed. Countdowns and train
 * motion use this rather than the clock, so they stay consistent with the
 * data they show even when the engine's outputs lag its clock.
 */
export function dataTimeAt(
  topic: { t: number; receivedAt: number } | undefined,
  clock: TopicState<ClockView> | undefined,
  wallNow: number,
): number | null {
  if (!topic || topic.t <= 0) return engineTimeAt(clock, wallNow);
  const c = clock?.data;
  const speed = c ? (c.playing ? c.speed : 0) : 1;
  return topic.t + Math.min(Math.max(0, wallNow - topic.receivedAt), 60_000) * speed;
}

/**
 * The newest data the page has (line statuses or feed health, which ticks
 * with every feed payload): what "as of" means. The clock topic is the
 * engine's clock, which can run ahead of its outputs when the engine lags.
 */
export function useDataAsOf(): { t: number; receivedAt: number } | undefined {
  const status = useTopic<unknown>("status");
  const health = useTopic<unknown>("health");
  const have = [status, health].filter((x): x is TopicState<unknown> => x !== undefined && x.t > 0);
  if (have.length === 0) return undefined;
  return have.reduce((a, b) => (b.t > a.t ? b : a));
}

export function useClock(): TopicState<ClockView> | undefined {
  return useTopic<ClockView>("clock");
}

/**
 * The engine time the clock is heading for while the data catches up with it (a start mid-day, a
 * seek, a live warm-up: lib/catch-up.ts), else null.
 */
export function useCatchUpTarget(): number | null {
  const clock = useClock();
  const newest = useDataAsOf();
  const clockNow = engineTimeAt(clock, useNow(1000));
  return newest &&
    clock &&
    clockNow !== null &&
    isCatchingUp(clockNow, newest.t, clock.data.speed, clock.data.playing)
    ? clockNow
    : null;
}
