/** One measured figure of a bench suite. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  /** "cycles/s", "events/s", "x" (a ratio), "ns/tick", ... */
  unit: string;
  /** How it was measured, or the goal it is held to. */
  note?: string;
}

/** A bench suite: a file bench/<name>.bench.ts exporting this as `run`. */
export type BenchSuite = () => Promise<BenchRow[]>;
