/**
 * stop_times.txt kept compact: ~1.5 M rows in the real subway feed, so rows
 * live in typed arrays (trip and stop as indexes into interned id lists,
 * times as seconds) rather than one object per row. Rows are grouped by trip
 * and ordered by stop_sequence once loading ends, so a trip's stop times are
 * one contiguous range.
 */
import type { CsvRow } from "./csv";
import { type LoadWarnings, rawTable, type TableSink } from "./table";
import type { StopTime } from "./types";

const NO_TIME = -1;
const COLUMNS = ["trip_id", "stop_id", "arrival_time", "departure_time", "stop_sequence"] as const;

/** Interns id strings to dense indexes. */
class Interner {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();

  of(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

function grown<T extends Uint32Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export class StopTimesTable {
  constructor(
    private readonly tripIds: readonly string[],
    private readonly tripIndex: ReadonlyMap<string, number>,
    private readonly stopIds: readonly string[],
    /** Row range of trip t: [tripStart[t], tripStart[t + 1]). */
    private readonly tripStart: Uint32Array,
    private readonly stop: Uint32Array,
    private readonly arrival: Int32Array,
    private readonly departure: Int32Array,
    private readonly sequence: Uint32Array,
  ) {}

  static empty(): StopTimesTable {
    return new StopTimesTable(
      [],
      new Map(),
      [],
      new Uint32Array(1),
      new Uint32Array(0),
      new Int32Array(0),
      new Int32Array(0),
      new Uint32Array(0),
    );
  }

  get size(): number {
    return this.stop.length;
  }

  /** Trips that have stop times (also trips absent from trips.txt). */
  get tripCount(): number {
    return this.tripIds.length;
  }

  hasTrip(tripId: string): boolean {
    return this.tripIndex.has(tripId);
  }

  /** The trip's stop times in stop_sequence order; empty for an unknown trip. */
  forTrip(tripId: string): StopTime[] {
    const t = this.tripIndex.get(tripId);
    if (t === undefined) return [];
    const out: StopTime[] = [];
    for (let r = this.tripStart[t]; r < this.tripStart[t + 1]; r++) {
      const st: StopTime = { stopId: this.stopIds[this.stop[r]], stopSequence: this.sequence[r] };
      if (this.arrival[r] !== NO_TIME) st.arrival = this.arrival[r];
      if (this.departure[r] !== NO_TIME) st.departure = this.departure[r];
      out.push(st);
    }
    return out;
  }

  /** Number of stop times of a trip, without building them. */
  countForTrip(tripId: string): number {
    const t = this.tripIndex.get(tripId);
    return t === undefined ? 0 : this.tripStart[t + 1] - this.tripStart[t];
  }

  tripIdList(): readonly string[] {
    return this.tripIds;
  }
}

/** Streams rows into growing typed arrays; trip ids are compared as bytes to skip a string per row. */
export class StopTimesBuilder {
  private readonly trips = new Interner();
  private readonly stops = new Interner();
  private n = 0;
  private trip = new Uint32Array(1 << 16);
  private stop = new Uint32Array(1 << 16);
  private arrival = new Int32Array(1 << 16);
  private departure = new Int32Array(1 << 16);
  private sequence = new Uint32Array(1 << 16);
  private lastTripBytes: Uint8Array = new Uint8Array(0);
  private lastTrip = -1;

  constructor(private readonly warnings: LoadWarnings) {}

  sink(): TableSink {
    return rawTable("stop_times.txt", COLUMNS, [], (row, col) => this.add(row, col));
  }

  private add(row: CsvRow, col: Record<(typeof COLUMNS)[number], number>): void {
    const arrival = row.time(col.arrival_time);
    const departure = row.time(col.departure_time);
    const sequence = row.uint(col.stop_sequence);
    if (
      row.isEmpty(col.trip_id) ||
      row.isEmpty(col.stop_id) ||
      Number.isNaN(sequence) ||
      Number.isNaN(arrival) ||
      Number.isNaN(departure)
    ) {
      this.warnings.add(
        `stop_times.txt line ${row.line} (byte ${row.offset}): bad trip_id, stop_id, time or stop_sequence; row skipped`,
      );
      return;
    }
    // Rows of one trip are almost always consecutive: reuse its index without decoding the id.
    if (this.lastTrip < 0 || !row.equals(col.trip_id, this.lastTripBytes)) {
      this.lastTrip = this.trips.of(row.text(col.trip_id));
      this.lastTripBytes = row.copyBytes(col.trip_id);
    }
    if (this.n === this.trip.length) {
      const size = this.n * 2;
      this.trip = grown(this.trip, size);
      this.stop = grown(this.stop, size);
      this.arrival = grown(this.arrival, size);
      this.departure = grown(this.departure, size);
      this.sequence = grown(this.sequence, size);
    }
    const r = this.n++;
    this.trip[r] = this.lastTrip;
    this.stop[r] = this.stops.of(row.text(col.stop_id));
    this.arrival[r] = arrival;
    this.departure[r] = departure;
    this.sequence[r] = sequence;
  }

  /** Groups rows by trip (counting sort, stable) and orders each trip by stop_sequence. */
  build(): StopTimesTable {
    const n = this.n;
    const tripCount = this.trips.ids.length;
    const tripStart = new Uint32Array(tripCount + 1);
    for (let r = 0; r < n; r++) tripStart[this.trip[r] + 1]++;
    for (let t = 0; t < tripCount; t++) tripStart[t + 1] += tripStart[t];
    const next = tripStart.slice(0, tripCount);
    const order = new Uint32Array(n);
    for (let r = 0; r < n; r++) order[next[this.trip[r]]++] = r;
    for (let t = 0; t < tripCount; t++) {
      const from = tripStart[t];
      const to = tripStart[t + 1];
      let sorted = true;
      for (let k = from + 1; k < to && sorted; k++)
        sorted = this.sequence[order[k - 1]] <= this.sequence[order[k]];
      if (!sorted) order.subarray(from, to).sort((a, b) => this.sequence[a] - this.sequence[b]);
    }
    const pick = <T extends Uint32Array | Int32Array>(src: T): T => {
      const out = new (src.constructor as new (n: number) => T)(n);
      for (let k = 0; k < n; k++) out[k] = src[order[k]];
      return out;
    };
    return new StopTimesTable(
      this.trips.ids,
      this.trips.index,
      this.stops.ids,
      tripStart,
      pick(this.stop),
      pick(this.arrival),
      pick(this.departure),
      pick(this.sequence),
    );
  }
}
