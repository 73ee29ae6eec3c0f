/**
 * Where to draw a train between two server updates. The server places each
 * train (lat, lon, progress between the station it last made and the next
 * one, at engine time t) and gives the ETA it used; the browser only carries
 * that motion on along the line's shape until the next update, so trains
 * glide instead of jumping. A train at a station or stalled stays put.
 */
import type { TrainView } from "../transit/contract";

export type LatLon = readonly [number, number];

export interface Shape {
  points: LatLon[];
  /** Cumulative length at each point, in local metres. */
  cum: Float64Array;
}

interface Projection {
  shape: number;
  measure: number;
  distM: number;
}

const M_PER_DEG_LAT = 111_320;

/** Equirectangular metres, good enough within a city. */
function planar(a: LatLon, b: LatLon): number {
  const kx = Math.cos(((a[0] + b[0]) / 2) * (Math.PI / 180)) * M_PER_DEG_LAT;
  const dx = (b[1] - a[1]) * kx;
  const dy = (b[0] - a[0]) * M_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

function toShape(points: LatLon[]): Shape {
  const cum = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) cum[i] = cum[i - 1] + planar(points[i - 1], points[i]);
  return { points, cum };
}

/** Nearest point of a shape to p: its measure along the shape and its distance. */
function project(shape: Shape, p: LatLon): { measure: number; distM: number } {
  let best = { measure: 0, distM: Number.POSITIVE_INFINITY };
  const kx = Math.cos(p[0] * (Math.PI / 180)) * M_PER_DEG_LAT;
  for (let i = 0; i + 1 < shape.points.length; i++) {
    const a = shape.points[i];
    const b = shape.points[i + 1];
    const ax = (a[1] - p[1]) * kx;
    const ay = (a[0] - p[0]) * M_PER_DEG_LAT;
    const bx = (b[1] - p[1]) * kx;
    const by = (b[0] - p[0]) * M_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const d = Math.hypot(ax + u * dx, ay + u * dy);
    if (d < best.distM) best = { measure: shape.cum[i] + u * (shape.cum[i + 1] - shape.cum[i]), distM: d };
  }
  return best;
}

/** The point at `measure` along the shape, written into `out`. */
function pointAt(shape: Shape, measure: number, out: [number, number]): [number, number] {
  const { cum, points } = shape;
  const total = cum[cum.length - 1];
  const end = measure <= 0 ? points[0] : measure >= total ? points[points.length - 1] : null;
  if (end) {
    out[0] = end[0];
    out[1] = end[1];
    return out;
  }
  let lo = 0;
  let hi = cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= measure) lo = mid;
    else hi = mid;
  }
  const span = cum[hi] - cum[lo];
  const u = span === 0 ? 0 : (measure - cum[lo]) / span;
  const a = points[lo];
  const b = points[hi];
  out[0] = a[0] + u * (b[0] - a[0]);
  out[1] = a[1] + u * (b[1] - a[1]);
  return out;
}

/** A station further than this from a shape is not on it. */
const ON_SHAPE_M = 250;

export interface RouteGeometryInput {
  id: string;
  shapes: Array<Array<[number, number]>>;
}

/** The lines' shapes with each station's place on them, to move trains along the track. */
export class TrackGeometry {
  private readonly shapes = new Map<string, Shape[]>();
  private readonly projections = new Map<string, Projection[]>();

  constructor(
    routes: readonly RouteGeometryInput[],
    private readonly stationPos: (id: string) => LatLon | undefined,
  ) {
    for (const r of routes)
      this.shapes.set(
        r.id,
        r.shapes.filter((s) => s.length >= 2).map((s) => toShape(s)),
      );
  }

  private projectionsOf(route: string, stationId: string): Projection[] {
    const key = `${route}|${stationId}`;
    let out = this.projections.get(key);
    if (out) return out;
    out = [];
    const pos = this.stationPos(stationId);
    const shapes = this.shapes.get(route) ?? [];
    if (pos)
      shapes.forEach((s, i) => {
        const p = project(s, pos);
        if (p.distM <= ON_SHAPE_M) out!.push({ shape: i, ...p });
      });
    this.projections.set(key, out);
    return out;
  }

  /**
   * The stretch of the route's track from station `from` to station `to`, to
   * place points on with pointOnLeg; a straight line when no shape holds both.
   * Resolved once per train update, not per animation frame.
   */
  leg(route: string, from: string, to: string): Leg | null {
    const a = this.stationPos(from);
    const b = this.stationPos(to);
    if (!a || !b) {
      const only = a ?? b;
      return only ? { straight: [only, only] } : null;
    }
    const pa = this.projectionsOf(route, from);
    const pb = this.projectionsOf(route, to);
    let best: { shape: number; m0: number; m1: number } | null = null;
    for (const x of pa)
      for (const y of pb)
        if (x.shape === y.shape) {
          const len = Math.abs(y.measure - x.measure);
          // The shortest stretch joining both: a loop line could hold them twice.
          if (!best || len < Math.abs(best.m1 - best.m0))
            best = { shape: x.shape, m0: x.measure, m1: y.measure };
        }
    if (!best) return { straight: [a, b] };
    return { shape: this.shapes.get(route)![best.shape], m0: best.m0, m1: best.m1 };
  }

  /** The point `fraction` (0..1) of the way from station `from` to station `to` along the route's track. */
  between(route: string, from: string, to: string, fraction: number): LatLon | null {
    const leg = this.leg(route, from, to);
    return leg ? pointOnLeg(leg, fraction, [0, 0]) : null;
  }
}

/** A stretch of track between two stations, or a straight line where no shape holds both. */
export type Leg = { shape: Shape; m0: number; m1: number } | { straight: readonly [LatLon, LatLon] };

/** The point `fraction` (0..1) of the way along a leg, written into `out`. */
export function pointOnLeg(leg: Leg, fraction: number, out: [number, number]): [number, number] {
  const f = Math.max(0, Math.min(1, fraction));
  if ("straight" in leg) {
    const [a, b] = leg.straight;
    out[0] = a[0] + f * (b[0] - a[0]);
    out[1] = a[1] + f * (b[1] - a[1]);
    return out;
  }
  return pointAt(leg.shape, leg.m0 + f * (leg.m1 - leg.m0), out);
}

/**
 * How far between its last and next station a train is at engine time `now`,
 * given the server's placement made at engine time `placedAt`: it moves on
 * linearly to reach the next station at its ETA, and never past it.
 */
export function progressAt(train: TrainView, placedAt: number, now: number): number {
  if (train.atStation) return 0;
  if (train.stalled || train.nextEta === null || !train.nextStationId) return train.progress;
  const span = train.nextEta - placedAt;
  if (span <= 0) return 1;
  const u = Math.max(0, Math.min(1, (now - placedAt) / span));
  return train.progress + (1 - train.progress) * u;
}

/** The leg a train moves along now, or null when it stays where the server put it. */
export function trainLeg(geo: TrackGeometry, train: TrainView): Leg | null {
  if (train.atStation || train.stalled || !train.lastStationId || !train.nextStationId) return null;
  return geo.leg(train.route, train.lastStationId, train.nextStationId);
}

/**
 * The train's position at engine time `now`, written into `out`: the
 * server's own when it cannot be carried on. `leg` is trainLeg(geo, train).
 */
export function placeTrain(
  train: TrainView,
  leg: Leg | null,
  placedAt: number,
  now: number,
  out: [number, number],
): [number, number] {
  const f = leg ? progressAt(train, placedAt, now) : train.progress;
  if (!leg || f === train.progress) {
    out[0] = train.lat;
    out[1] = train.lon;
    return out;
  }
  return pointOnLeg(leg, f, out);
}

/** The train's position at engine time `now`: the server's own when it cannot be carried on. */
export function trainPosition(geo: TrackGeometry, train: TrainView, placedAt: number, now: number): LatLon {
  return placeTrain(train, trainLeg(geo, train), placedAt, now, [0, 0]);
}
