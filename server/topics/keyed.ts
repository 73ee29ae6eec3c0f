/**
 * Keyed topics (status, trains, bikes, alerts, outages, health): the
 * baseline is a map key -> item; a delta lists new or replaced items, field
 * patches and removed keys. One KeyedView per slot compacts the engine's
 * values once per change, shared by every topic of that family.
 */
import type { KeyedDelta, KeyedSnapshot } from "../protocol";
import type { Slot } from "../live-state";
import { type Advance, sameJson, type Topic } from "./topic";

export interface Entry<R, T> {
  key: string;
  raw: R;
  item: T;
}

export class KeyedView<R, T extends object> {
  private version = -1;
  private cache: Entry<R, T>[] = [];
  private byRaw = new Map<string, Entry<R, T>>();

  constructor(
    readonly slot: Slot<R[]>,
    private readonly keyOf: (r: R) => string,
    private readonly compact: (r: R) => T,
  ) {}

  entries(): Entry<R, T>[] {
    if (this.version === this.slot.version) return this.cache;
    this.version = this.slot.version;
    const next = new Map<string, Entry<R, T>>();
    const out: Entry<R, T>[] = [];
    for (const raw of this.slot.value ?? []) {
      const key = this.keyOf(raw);
      const prev = this.byRaw.get(key);
      // The same object as last time: keep its compact form (and its identity, so diffs skip it).
      const e = prev && prev.raw === raw ? prev : { key, raw, item: this.compact(raw) };
      next.set(key, e);
      out.push(e);
    }
    this.byRaw = next;
    this.cache = out;
    return out;
  }
}

/** The fields of `next` that differ from `prev` (with the key field), null if none, "replace" if a field went away. */
export function patchOf<T extends object>(prev: T, next: T, keyField: string): Partial<T> | null | "replace" {
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const k in a) if (a[k] !== undefined && b[k] === undefined) return "replace";
  let patch: Record<string, unknown> | null = null;
  for (const k in b) {
    if (sameJson(a[k], b[k])) continue;
    if (!patch) patch = { [keyField]: b[keyField] };
    patch[k] = b[k];
  }
  return patch as Partial<T> | null;
}

export class KeyedTopic<R, T extends object> implements Topic {
  private sent = new Map<string, T>();
  private sentVersion = -1;
  private baseT = 0;

  constructor(
    readonly name: string,
    private readonly view: KeyedView<R, T>,
    private readonly keyField: string,
    private readonly filter: ((raw: R) => boolean) | null = null,
  ) {}

  t(): number {
    return this.baseT;
  }

  pendingSince(): number | null {
    return this.view.slot.pendingSince;
  }

  snapshot(): KeyedSnapshot<T> {
    return { items: [...this.sent.values()] };
  }

  private current(): Map<string, T> {
    const m = new Map<string, T>();
    for (const e of this.view.entries()) if (!this.filter || this.filter(e.raw)) m.set(e.key, e.item);
    return m;
  }

  rebase(): void {
    this.sent = this.current();
    this.sentVersion = this.view.slot.version;
    this.baseT = this.view.slot.t;
  }

  advance(): Advance {
    if (this.sentVersion === this.view.slot.version) return null;
    const cur = this.current();
    const upsert: T[] = [];
    const patch: Array<Partial<T>> = [];
    const remove: string[] = [];
    for (const [k, item] of cur) {
      const prev = this.sent.get(k);
      if (prev === item) continue;
      if (!prev) {
        upsert.push(item);
        continue;
      }
      const p = patchOf(prev, item, this.keyField);
      if (p === "replace") upsert.push(item);
      else if (p) patch.push(p);
    }
    for (const k of this.sent.keys()) if (!cur.has(k)) remove.push(k);
    this.sent = cur;
    this.sentVersion = this.view.slot.version;
    this.baseT = this.view.slot.t;
    if (upsert.length + patch.length + remove.length === 0) return null;
    const data: KeyedDelta<T> = {};
    if (upsert.length) data.upsert = upsert;
    if (patch.length) data.patch = patch;
    if (remove.length) data.remove = remove;
    return { kind: "delta", data };
  }
}
