/**
 * A status snapshot's stations sorted by id. The feed lists the same
 * stations in the same order minute after minute: the order found last
 * time is then applied again instead of sorting 1,800 ids.
 */
import type { StationStatus } from "../../adapters/gbfs/types";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class StationOrder {
  /** The ids of the last list, as listed. */
  private ids: string[] = [];
  /** Positions in the last list, in id order (ties in list order: a stable sort). */
  private order: number[] = [];

  /** `sameStations`: the list names the same stations, in the same order, as the last one. */
  sort(list: readonly StationStatus[]): { sorted: StationStatus[]; sameStations: boolean } {
    const same = list.length === this.ids.length && list.every((s, i) => s.stationId === this.ids[i]);
    if (!same) {
      this.ids = list.map((s) => s.stationId);
      const ids = this.ids;
      this.order = ids.map((_, i) => i).sort((a, b) => compare(ids[a], ids[b]) || a - b);
    }
    return { sorted: this.order.map((i) => list[i]), sameStations: same };
  }
}
