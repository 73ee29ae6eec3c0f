/**
 * A day of bike flows, minute by minute: each station rents and takes back
 * bikes at Poisson rates that follow the city's day (quiet nights, two rush
 * peaks) and lean one way in the rush: residential stations empty in the
 * morning and fill in the evening, job centres the opposite. Rebalancing
 * vans now and then reset a station that has run empty or full off-peak.
 */
import { poisson, type Rng, stream } from "../prng";
import type { BikeStation } from "./stations";

/** Trips per dock per minute at the day's average. */
const BASE_RATE = 0.0035;

/** How busy the hour is, relative to the day's average. */
const DIURNAL = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.3, 0.6, 1.4, 1.8, 1.5, 0.8, 0.8, 0.9, 0.9, 0.8, 0.9, 1.3, 1.7, 1.8, 1.3, 0.9,
  0.7, 0.5, 0.3,
];

/** Which way the flow leans: + means riders leave residential stations (morning), - they come back. */
function lean(hour: number): number {
  if (hour >= 7 && hour < 10) return 0.3;
  if (hour >= 16 && hour < 20) return -0.25;
  return 0;
}

/** Rentals and returns a station sees per minute on average in an hour of the day. */
export function flowRates(s: BikeStation, hour: number): { rentals: number; returns: number } {
  const rate = s.capacity * (BASE_RATE * DIURNAL[hour % 24]);
  const l = lean(hour % 24);
  return { rentals: rate * (1 + s.residential * l), returns: rate * (1 - s.residential * l) };
}

/** Bikes a station gains per hour on average (negative: it drains), before it runs empty or full. */
export function expectedNetFlowPerHour(s: BikeStation, hour: number): number {
  const { rentals, returns } = flowRates(s, hour);
  return 60 * (returns - rentals);
}

export interface StationState {
  classic: number;
  ebikes: number;
  disabledBikes: number;
  disabledDocks: number;
  /** Seconds after midnight of the last report. */
  lastReported: number;
}

export class BikeDay {
  readonly state: StationState[];
  private minute = 0;
  private readonly rng: Rng;
  /** Station indexes whose numbers changed since the last call to takeChanged(). */
  private changed = new Set<number>();

  constructor(
    readonly stations: readonly BikeStation[],
    seed: number,
  ) {
    this.rng = stream(seed, "bike-flows");
    this.state = stations.map((s) => {
      const fill = s.residential > 0.5 ? 0.65 : s.residential < 0 ? 0.3 : 0.5;
      const disabledDocks = this.rng() < 0.05 ? 1 + Math.floor(this.rng() * 2) : 0;
      const disabledBikes = this.rng() < 0.2 ? 1 + Math.floor(this.rng() * 3) : 0;
      const room = s.capacity - disabledDocks - disabledBikes;
      const total = Math.max(0, Math.min(room, Math.round(room * (fill + (this.rng() - 0.5) * 0.3))));
      const ebikes = Math.round(total * 0.15 * this.rng() * 2);
      return {
        classic: total - Math.min(ebikes, total),
        ebikes: Math.min(ebikes, total),
        disabledBikes,
        disabledDocks,
        lastReported: -Math.floor(this.rng() * 300),
      };
    });
    this.changed = new Set(stations.keys());
  }

  /** Runs the flows up to (not including) the given minute of the day. */
  advanceTo(minute: number): void {
    for (; this.minute < minute; this.minute++) this.step(this.minute);
  }

  takeChanged(): Set<number> {
    const c = this.changed;
    this.changed = new Set();
    return c;
  }

  private step(minute: number): void {
    const hour = Math.floor(minute / 60) % 24;
    const t = minute * 60;
    const offPeak = (hour >= 10 && hour < 16) || hour >= 20;
    for (let i = 0; i < this.stations.length; i++) {
      const s = this.stations[i];
      if (s.silent || s.outOfService) continue;
      const st = this.state[i];
      const mean = flowRates(s, hour);
      const docks = s.capacity - st.classic - st.ebikes - st.disabledBikes - st.disabledDocks;
      let rentals = Math.min(st.classic + st.ebikes, poisson(this.rng, mean.rentals));
      const returns = Math.min(docks + rentals, poisson(this.rng, mean.returns));
      let moved = rentals > 0 || returns > 0;
      while (rentals-- > 0) {
        // Riders pick e-bikes first when there are some.
        const total = st.classic + st.ebikes;
        if (st.ebikes > 0 && this.rng() < Math.min(1, (2 * st.ebikes) / total)) st.ebikes--;
        else st.classic--;
      }
      for (let k = 0; k < returns; k++) {
        if (this.rng() < 0.2) st.ebikes++;
        else st.classic++;
      }
      const room = s.capacity - st.disabledBikes - st.disabledDocks;
      const total = st.classic + st.ebikes;
      if (offPeak && (total < 0.1 * room || total > 0.9 * room) && this.rng() < 0.004) {
        // A rebalancing van brings it back to about half full.
        const target = Math.round(room * 0.5);
        st.classic = Math.max(0, target - st.ebikes);
        moved = true;
      }
      if (moved) {
        st.lastReported = t + Math.floor(this.rng() * 60);
        this.changed.add(i);
      } else if (t - st.lastReported > 300) {
        // Stations check in every few minutes even when nothing moves.
        st.lastReported = t + Math.floor(this.rng() * 60);
        this.changed.add(i);
      }
    }
  }
}
