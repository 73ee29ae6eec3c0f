/**
 * Line geometry per stop pattern: the pattern's shape from shapes.txt when
 * its trips name one, else straight lines through its stations. Each
 * consecutive station pair gets the stretch of that polyline between the two
 * stations, which is what a train between them is drawn along.
 */
import type { Shape } from "../../adapters/gtfs-static";
import { projectInOrder, slice } from "./geometry";
import type { NetworkStation, Polyline, StopPattern } from "./types";

/** A pattern's polyline. */
export function patternPolyline(
  pattern: StopPattern,
  shapes: ReadonlyMap<string, Shape>,
  stations: ReadonlyMap<string, NetworkStation>,
): Polyline {
  const shape = pattern.shapeId ? shapes.get(pattern.shapeId) : undefined;
  if (shape && shape.points.length >= 4) return shape.points;
  return straightThrough(pattern.stations, stations);
}

export function straightThrough(
  ids: readonly string[],
  stations: ReadonlyMap<string, NetworkStation>,
): Polyline {
  const pts: number[] = [];
  for (const id of ids) {
    const s = stations.get(id);
    if (s && Number.isFinite(s.lat) && Number.isFinite(s.lon)) pts.push(s.lat, s.lon);
  }
  return Float64Array.from(pts);
}

/**
 * Adds `from>to` -> stretch of polyline for each consecutive pair of the
 * pattern (the first pattern to give a pair keeps it: patterns come main first).
 */
export function addSegments(
  into: Map<string, Polyline>,
  pattern: StopPattern,
  line: Polyline,
  stations: ReadonlyMap<string, NetworkStation>,
): void {
  const ids = pattern.stations.filter((id) => stations.has(id));
  if (ids.length < 2 || line.length < 4) return;
  const at = projectInOrder(
    line,
    ids.map((id) => [stations.get(id)!.lat, stations.get(id)!.lon] as const),
  );
  for (let i = 1; i < ids.length; i++) {
    const key = `${ids[i - 1]}>${ids[i]}`;
    if (into.has(key)) continue;
    into.set(
      key,
      at[i] > at[i - 1] ? slice(line, at[i - 1], at[i]) : straightThrough([ids[i - 1], ids[i]], stations),
    );
  }
}
