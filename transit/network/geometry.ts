/**
 * Plane geometry on lat/lon, good enough at city scale: distances with the
 * equirectangular approximation (error well under 0.1 % across New York),
 * polylines as interleaved lat, lon Float64Arrays.
 */
import type { Polyline } from "./types";

const EARTH_M = 6_371_000;
const RAD = Math.PI / 180;

export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = (lat2 - lat1) * RAD;
  return Math.sqrt(x * x + y * y) * EARTH_M;
}

/** Degrees clockwise from north, from the first point toward the second; null when they coincide. */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number | null {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = lat2 - lat1;
  if (x === 0 && y === 0) return null;
  const deg = Math.atan2(x, y) / RAD;
  return (deg + 360) % 360;
}

export function pointCount(p: Polyline): number {
  return p.length / 2;
}

/** Cumulative distance (m) at each point. */
export function cumulative(p: Polyline): Float64Array {
  const n = pointCount(p);
  const out = new Float64Array(n);
  for (let i = 1; i < n; i++)
    out[i] = out[i - 1] + distanceM(p[2 * i - 2], p[2 * i - 1], p[2 * i], p[2 * i + 1]);
  return out;
}

export interface PointOnLine {
  lat: number;
  lon: number;
  bearing: number | null;
}

/** The point a fraction (0..1) of the way along the polyline, with the bearing of the piece it lies on. */
export function pointAlong(p: Polyline, fraction: number): PointOnLine {
  return pointAlongMeasured(p, cumulative(p), fraction);
}

/** pointAlong with the polyline's cumulative distances given (computed once for a line drawn on often). */
export function pointAlongMeasured(p: Polyline, cum: Float64Array, fraction: number): PointOnLine {
  const n = pointCount(p);
  if (n === 0) return { lat: Number.NaN, lon: Number.NaN, bearing: null };
  if (n === 1) return { lat: p[0], lon: p[1], bearing: null };
  const total = cum[n - 1];
  const f = Math.min(1, Math.max(0, fraction));
  if (total === 0) return { lat: p[0], lon: p[1], bearing: null };
  const target = f * total;
  let i = 1;
  while (i < n - 1 && cum[i] < target) i++;
  const piece = cum[i] - cum[i - 1];
  const t = piece > 0 ? (target - cum[i - 1]) / piece : 0;
  const lat0 = p[2 * i - 2];
  const lon0 = p[2 * i - 1];
  const lat1 = p[2 * i];
  const lon1 = p[2 * i + 1];
  return {
    lat: lat0 + (lat1 - lat0) * t,
    lon: lon0 + (lon1 - lon0) * t,
    bearing: bearingDeg(lat0, lon0, lat1, lon1),
  };
}

/**
 * Where each of `points` (in travel order) falls along the polyline, as a
 * distance from its start; searched forward from the previous point's place
 * so that a line passing near itself does not send a station back.
 */
export function projectInOrder(p: Polyline, points: ReadonlyArray<readonly [number, number]>): number[] {
  const n = pointCount(p);
  const cum = cumulative(p);
  const out: number[] = [];
  let from = 0; // piece index to start from
  let fromT = 0;
  for (const [lat, lon] of points) {
    let best = Number.POSITIVE_INFINITY;
    let bestPiece = from;
    let bestT = fromT;
    for (let i = from; i < n - 1; i++) {
      const [t, d] = nearestOnPiece(p, i, lat, lon, i === from ? fromT : 0);
      if (d < best) {
        best = d;
        bestPiece = i;
        bestT = t;
      }
    }
    if (n === 1) out.push(0);
    else {
      out.push(cum[bestPiece] + bestT * (cum[bestPiece + 1] - cum[bestPiece]));
      from = bestPiece;
      fromT = bestT;
    }
  }
  return out;
}

/** [t in minT..1 along piece i, distance in m] of the point of piece i nearest to (lat, lon). */
function nearestOnPiece(p: Polyline, i: number, lat: number, lon: number, minT: number): [number, number] {
  const k = Math.cos(lat * RAD);
  const ax = p[2 * i + 1] * k;
  const ay = p[2 * i];
  const bx = p[2 * i + 3] * k;
  const by = p[2 * i + 2];
  const px = lon * k;
  const py = lat;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(minT, ((px - ax) * dx + (py - ay) * dy) / len2)) : minT;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return [t, Math.sqrt(qx * qx + qy * qy) * RAD * EARTH_M];
}

/** The part of the polyline between two distances from its start (m0 <= m1), end points included. */
export function slice(p: Polyline, m0: number, m1: number): Polyline {
  const n = pointCount(p);
  const cum = cumulative(p);
  const out: number[] = [];
  const at = (m: number) => {
    let i = 1;
    while (i < n - 1 && cum[i] < m) i++;
    const piece = cum[i] - cum[i - 1];
    const t = piece > 0 ? Math.min(1, Math.max(0, (m - cum[i - 1]) / piece)) : 0;
    return [p[2 * i - 2] + (p[2 * i] - p[2 * i - 2]) * t, p[2 * i - 1] + (p[2 * i + 1] - p[2 * i - 1]) * t];
  };
  if (n < 2) return Float64Array.from(p);
  out.push(...at(m0));
  for (let i = 0; i < n; i++) if (cum[i] > m0 && cum[i] < m1) out.push(p[2 * i], p[2 * i + 1]);
  out.push(...at(m1));
  return Float64Array.from(out);
}

/** The same polyline run backwards. */
export function reversed(p: Polyline): Polyline {
  const n = pointCount(p);
  const out = new Float64Array(p.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = p[2 * (n - 1 - i)];
    out[2 * i + 1] = p[2 * (n - 1 - i) + 1];
  }
  return out;
}
