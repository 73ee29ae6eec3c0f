/**
 * The demo day as the recorder would have received it, frame by frame in
 * time order: the eight subway feeds every 30 s (each polled a moment after
 * the other), the alerts feed every minute, Citi Bike's station status every
 * minute (its ttl) after the discovery, station information and regions
 * once, and the elevator outages every 5 minutes.
 */
import type { SubwayFeedId } from "../../adapters/feeds";
import type { RecordedPayload } from "../../adapters/recording/types";
import { alertsMessage } from "./alerts-feed";
import { BikeDay } from "./bikes/dynamics";
import {
  discoveryJson,
  StationStatusDocument,
  stationInformationJson,
  systemRegionsJson,
} from "./bikes/gbfs-json";
import { epochS } from "./clock";
import { encodeAlerts } from "./encode";
import { FEED_STYLES } from "./feed-style";
import { outagesAt } from "./outages";
import { SubwayFeed } from "./subway-feed";
import type { EntityObject } from "./trip-entities";
import { tripDescriptor } from "./trip-entities";
import type { DemoWorld } from "./world";

export const SUBWAY_POLL_S = 30;
export const ALERTS_POLL_S = 60;
export const GBFS_POLL_S = 60;
export const OUTAGES_POLL_S = 300;
const DAY_S = 86_400;

export interface DaySlice {
  /** Seconds after midnight; default 0. */
  fromS?: number;
  /** Seconds after midnight, exclusive; default 86 400. */
  toS?: number;
  /** Only these feeds (default all); tests use it to look at one feed cheaply. */
  feeds?: readonly string[];
  /** Called once per simulated hour written. */
  onProgress?: (doneS: number, fromS: number, toS: number) => void;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The IRT feed carries a bare "Train delayed" alert on a held train's trip, as the real one does. */
function trainDelayedAlerts(world: DemoWorld, feed: SubwayFeedId, t: number): EntityObject[] {
  const out: EntityObject[] = [];
  if (feed !== "subway-1234567s") return out;
  for (const ti of world.heldTrips.values()) {
    const trip = world.trips[ti];
    if (trip.trip.line.feed !== feed || !trip.held || t < trip.held.from || t >= trip.held.until) continue;
    const style = FEED_STYLES.find((s) => s.feed === feed)!;
    out.push({
      id: `${String(990000 + ti).padStart(6, "0")}`,
      alert: {
        informedEntity: [{ trip: tripDescriptor(trip, style, world.clock, true) }],
        headerText: { translation: [{ text: "Train delayed" }] },
      },
    });
  }
  return out;
}

export function* demoDayFrames(world: DemoWorld, slice: DaySlice = {}): Generator<RecordedPayload> {
  const fromS = slice.fromS ?? 0;
  const toS = slice.toS ?? DAY_S;
  const clock = world.clock;
  const wanted = (feed: string) => !slice.feeds || slice.feeds.includes(feed);
  const ms = (daySeconds: number) => clock.midnightMs + Math.round(daySeconds * 1000);
  // Each feed keeps its place in the polling order (and so its timing) when others are left out.
  const subway = FEED_STYLES.map((style, order) => ({
    order,
    feed: wanted(style.feed)
      ? new SubwayFeed(
          style,
          world.trips.filter((t) => t.trip.line.feed === style.feed),
          clock,
        )
      : undefined,
  }));
  const bikes = new BikeDay(world.bikeStations, world.seed);
  const status = new StationStatusDocument(bikes, (s) => epochS(clock, s));
  const first = Math.ceil(fromS / SUBWAY_POLL_S) * SUBWAY_POLL_S;

  // GBFS documents that change rarely: fetched once at the start.
  const gbfsStart = epochS(clock, first);
  if (wanted("gbfs-discovery")) {
    yield {
      feed: "gbfs-discovery",
      receivedAt: ms(first + 0.2),
      status: 200,
      body: utf8(discoveryJson(gbfsStart)),
    };
  }
  if (wanted("gbfs-station-information")) {
    const body = utf8(stationInformationJson(world.bikeStations, gbfsStart));
    yield { feed: "gbfs-station-information", receivedAt: ms(first + 0.4), status: 200, body };
  }
  if (wanted("gbfs-system-regions")) {
    yield {
      feed: "gbfs-system-regions",
      receivedAt: ms(first + 0.6),
      status: 200,
      body: utf8(systemRegionsJson(gbfsStart)),
    };
  }

  let nextProgress = Math.floor(first / 3600) * 3600 + 3600;
  for (let t = first; t < toS; t += SUBWAY_POLL_S) {
    for (const { order, feed } of subway) {
      if (!feed) continue;
      // Polls go out one after the other; each feed was built a few seconds before it is fetched.
      const receivedAt = t + 1 + order * 0.35;
      const headerTime = t - 2 - (order % 3);
      const { body } = feed.snapshot(t, headerTime, trainDelayedAlerts(world, feed.style.feed, t));
      yield { feed: feed.style.feed, receivedAt: ms(receivedAt), status: 200, body };
    }
    if (t % ALERTS_POLL_S === 0 && wanted("alerts-subway")) {
      const body = encodeAlerts(alertsMessage(world.alerts, t, t - 20, clock));
      yield { feed: "alerts-subway", receivedAt: ms(t + 5), status: 200, body };
    }
    if (t % GBFS_POLL_S === 0 && wanted("gbfs-station-status")) {
      bikes.advanceTo(t / 60);
      yield {
        feed: "gbfs-station-status",
        receivedAt: ms(t + 15),
        status: 200,
        body: utf8(status.json(epochS(clock, t + 10))),
      };
    }
    if (t % OUTAGES_POLL_S === 0 && wanted("outages")) {
      const body = utf8(JSON.stringify(outagesAt(world.outages, t, clock)));
      yield { feed: "outages", receivedAt: ms(t + 20), status: 200, body };
    }
    if (t + SUBWAY_POLL_S >= nextProgress || t + SUBWAY_POLL_S >= toS) {
      slice.onProgress?.(Math.min(t + SUBWAY_POLL_S, toS), fromS, toS);
      nextProgress += 3600;
    }
  }
}
