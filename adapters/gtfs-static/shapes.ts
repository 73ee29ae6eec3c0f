/**
 * shapes.txt: line geometry, one point per row. Parsed with rawTable (tens
 * of thousands of rows, numbers only) and packed per shape into one
 * Float64Array of lat, lon pairs in shape_pt_sequence order.
 */
import { type LoadWarnings, rawTable, type TableSink } from "./table";
import type { Shape } from "./types";

const COLUMNS = ["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"] as const;

export function shapesTable(into: Map<string, Shape>, warnings: LoadWarnings): TableSink {
  const points = new Map<string, number[]>(); // seq, lat, lon triples
  return rawTable(
    "shapes.txt",
    COLUMNS,
    [],
    (row, col) => {
      const lat = Number(row.text(col.shape_pt_lat));
      const lon = Number(row.text(col.shape_pt_lon));
      const seq = row.uint(col.shape_pt_sequence);
      const id = row.text(col.shape_id);
      if (
        !id ||
        !Number.isFinite(lat) ||
        !Number.isFinite(lon) ||
        Number.isNaN(seq) ||
        row.isEmpty(col.shape_pt_lat)
      ) {
        warnings.add(`shapes.txt line ${row.line}: bad shape_id, coordinates or sequence; row skipped`);
        return;
      }
      const list = points.get(id);
      if (list) list.push(seq, lat, lon);
      else points.set(id, [seq, lat, lon]);
    },
    () => {
      for (const [id, flat] of points) {
        const order = Array.from({ length: flat.length / 3 }, (_, k) => k).sort(
          (a, b) => flat[a * 3] - flat[b * 3],
        );
        const packed = new Float64Array(order.length * 2);
        order.forEach((k, j) => {
          packed[j * 2] = flat[k * 3 + 1];
          packed[j * 2 + 1] = flat[k * 3 + 2];
        });
        into.set(id, { id, points: packed });
      }
    },
  );
}
