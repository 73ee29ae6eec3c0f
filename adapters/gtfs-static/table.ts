/**
 * Table sinks: turn the rows of one GTFS file into records. The first row is
 * the header; columns are found by name (files may order or add columns as
 * they like). Bad rows are skipped with a warning that names file and line;
 * a missing required column fails the load.
 */
import type { z } from "zod";
import { FeedError } from "../errors";
import { type CsvRow, headerNames } from "./csv";

export const FEED = "gtfs-static";
const MAX_WARNINGS = 200;

/** Warnings of one load, capped so a broken file cannot flood memory. */
export class LoadWarnings {
  readonly list: string[] = [];
  dropped = 0;

  add(msg: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(msg);
    else this.dropped++;
  }

  all(): string[] {
    return this.dropped ? [...this.list, `... and ${this.dropped} more warnings`] : this.list;
  }
}

/** Receives every row of a file, the header included. */
export interface TableSink {
  onRow(row: CsvRow): void;
  /** Called once the file has been read completely. */
  finish?(): void;
}

export function missingColumn(file: string, column: string): FeedError {
  return new FeedError("invalid", `${file}: required column "${column}" is missing`, { feed: FEED });
}

/** Index of each wanted column in the header; -1 for absent optional ones. */
export function columnIndexes<K extends string>(
  file: string,
  header: string[],
  required: readonly K[],
  optional: readonly K[] = [],
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of required) {
    out[name] = header.indexOf(name);
    if (out[name] < 0) throw missingColumn(file, name);
  }
  for (const name of optional) out[name] = header.indexOf(name);
  return out;
}

/** A sink that hands each data row to `onData` with the column indexes found in the header. */
export function rawTable<K extends string>(
  file: string,
  required: readonly K[],
  optional: readonly K[],
  onData: (row: CsvRow, col: Record<K, number>) => void,
  finish?: () => void,
): TableSink {
  let col: Record<K, number> | undefined;
  return {
    onRow(row) {
      if (!col) col = columnIndexes(file, headerNames(row), required, optional);
      else onData(row, col);
    },
    finish,
  };
}

/** Keys of a zod object schema that must be present (not optional). */
function requiredKeys(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
    .map(([k]) => k);
}

/**
 * A sink that builds {column: text} per row (empty cells left out, so
 * optional columns read as undefined), validates it with `schema`, and hands
 * valid records on. For the small tables; stop_times and shapes use rawTable.
 * `rename` maps header names to schema keys (for files whose headers vary).
 */
export function recordTable<S extends z.ZodObject>(
  file: string,
  schema: S,
  warnings: LoadWarnings,
  onRecord: (rec: z.output<S>) => void,
  rename: (header: string) => string = (h) => h,
): TableSink {
  let header: string[] | undefined;
  return {
    onRow(row) {
      if (!header) {
        header = headerNames(row).map(rename);
        for (const k of requiredKeys(schema)) if (!header.includes(k)) throw missingColumn(file, k);
        return;
      }
      const rec: Record<string, string> = {};
      for (let i = 0; i < header.length && i < row.count; i++) {
        if (!row.isEmpty(i)) rec[header[i]] = row.text(i).trim();
      }
      const parsed = schema.safeParse(rec);
      if (parsed.success) onRecord(parsed.data);
      else {
        const issue = parsed.error.issues[0];
        warnings.add(
          `${file} line ${row.line}: ${issue.path.join(".") || "row"}: ${issue.message}; row skipped`,
        );
      }
    },
  };
}
