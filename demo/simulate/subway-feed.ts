/**
 * One subway feed over the day: which trips it lists at each poll, and the
 * encoded FeedMessage. Entities keep their id for the trip's whole life (the
 * real feeds number them per message; any consumer must treat ids as opaque)
 * and their bytes are reused until what they say changes, which keeps a
 * whole day's generation fast.
 */
import type { SubwayFeedMessageObject } from "../../adapters/gtfsrt/objects";
import { type DayClock, epochS } from "./clock";
import { concatBytes, encodeSubwayEntity, encodeSubwayHeader } from "./encode";
import type { FeedStyle } from "./feed-style";
import type { OperatedTrip } from "./instances";
import { type EntityObject, tripUpdateEntity, vehicleEntity } from "./trip-entities";
import { finished, stopReached, type TripView, viewAt } from "./trip-view";

const ASSIGN_BEFORE_S = 300;

interface Listed {
  trip: OperatedTrip;
  seq: number;
  reached: number;
  tuSig: string;
  tuBytes: Uint8Array;
  vSig: string;
  vBytes: Uint8Array | undefined;
}

/** What a consumer can see of a trip at one poll (for the alert writer and tests). */
export interface ListedTrip {
  trip: OperatedTrip;
  view: TripView;
}

export class SubwayFeed {
  private readonly pending: OperatedTrip[];
  private next = 0;
  private active: Listed[] = [];
  private seqCounter = 0;

  constructor(
    readonly style: FeedStyle,
    trips: readonly OperatedTrip[],
    private readonly clock: DayClock,
  ) {
    this.pending = [...trips].sort((a, b) => this.appearsAt(a) - this.appearsAt(b) || a.index - b.index);
  }

  private appearsAt(trip: OperatedTrip): number {
    return trip.stops[0].nominal - Math.max(this.style.horizonS, ASSIGN_BEFORE_S);
  }

  /** Trips listed at time t (seconds after midnight), in entity order. Call with increasing t. */
  advance(t: number): ListedTrip[] {
    while (this.next < this.pending.length && this.appearsAt(this.pending[this.next]) <= t) {
      const trip = this.pending[this.next++];
      if (finished(trip, t)) continue;
      this.active.push({
        trip,
        seq: 0,
        reached: -1,
        tuSig: "",
        tuBytes: new Uint8Array(),
        vSig: "",
        vBytes: undefined,
      });
    }
    this.active = this.active.filter((l) => !finished(l.trip, t));
    const out: ListedTrip[] = [];
    for (const l of this.active) {
      l.reached = stopReached(l.trip, t, l.reached);
      const view = viewAt(l.trip, t, l.reached);
      // Feeds without a look-ahead list a trip only once it has a train.
      if (view.phase === "pending" && !view.assigned && t < l.trip.stops[0].nominal - this.style.horizonS)
        continue;
      if (l.seq === 0) l.seq = ++this.seqCounter;
      out.push({ trip: l.trip, view });
    }
    return out;
  }

  /** The FeedMessage at time t, with the header stamped `headerTime` (seconds after midnight). */
  snapshot(
    t: number,
    headerTime: number,
    extra: readonly EntityObject[] = [],
  ): { body: Uint8Array; listed: ListedTrip[] } {
    const listed = this.advance(t);
    const bySeq = new Map(this.active.map((l) => [l.trip.index, l]));
    const parts: Uint8Array[] = [encodeSubwayHeader(this.header(headerTime))];
    for (const { trip, view } of listed) {
      const l = bySeq.get(trip.index)!;
      const tuSig = `${view.phase}|${view.at}|${view.base}|${view.assigned}|${view.listed === trip.stops}`;
      if (tuSig !== l.tuSig) {
        l.tuSig = tuSig;
        const lastEvent =
          l.reached < 0
            ? trip.stops[0].nominal - ASSIGN_BEFORE_S
            : view.phase === "stopped"
              ? trip.stops[l.reached].arr
              : trip.stops[l.reached].dep;
        l.tuBytes = encodeSubwayEntity(
          tripUpdateEntity(this.style.entityId(2 * l.seq - 1), trip, view, this.style, this.clock, lastEvent),
        );
      }
      const vSig = `${view.phase}|${view.at}|${view.reportedAt}|${view.assigned}`;
      if (vSig !== l.vSig) {
        l.vSig = vSig;
        const v = vehicleEntity(this.style.entityId(2 * l.seq), trip, view, this.style, this.clock);
        l.vBytes = v ? encodeSubwayEntity(v) : undefined;
      }
      parts.push(l.tuBytes);
      if (l.vBytes) parts.push(l.vBytes);
    }
    for (const e of extra) parts.push(encodeSubwayEntity(e));
    return { body: concatBytes(parts), listed };
  }

  private header(headerTime: number): SubwayFeedMessageObject["header"] {
    const now = epochS(this.clock, headerTime);
    const period = this.style.replacementStartNow
      ? { start: now, end: now + this.style.replacementS }
      : { end: now + this.style.replacementS };
    return {
      gtfsRealtimeVersion: "1.0",
      ...(this.style.name === "l" ? { incrementality: "FULL_DATASET" as const } : {}),
      timestamp: now,
      ".transit_realtime.nyctFeedHeader": {
        nyctSubwayVersion: "1.0",
        tripReplacementPeriod: this.style.replacementRoutes.map((routeId) => ({
          routeId,
          replacementPeriod: { ...period },
        })),
      },
    };
  }
}
