/**
 * Keyed topics (status, trains, bikes, alerts, outages, health): the
 * baseline is a map key -> item; a delta lists new or changed items (whole)
 * and removed keys. One KeyedView per slot compacts the engine's
 * values once per change, shared by every topic of that family.
 */

import type { Slot } from "../live-state";
import type { KeyedDelta } from "../protocol";
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

/**
 * Has an item changed? Shallow, by field (small nested values by JSON);
 * `ignore` names fields that move on every computation (asOf) and are not
 * news by themselves: an item whose only change is there is not re-sent.
 */
export function itemChanged<T extends object>(prev: T, next: T, ignore: readonly string[] = []): boolean {
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const k in a) if (!(k in b)) return true;
  for (const k in b) if (!ignore.includes(k) && !sameJson(a[k], b[k])) return true;
  return false;
}

export class KeyedTopic<R, T extends object> implements Topic {
  private sent = new Map<string, T>();
  private sentVersion = -1;
  private baseT = 0;

  constructor(
    readonly name: string,
    private readonly view: KeyedView<R, T>,
    private readonly filter: ((raw: R) => boolean) | null = null,
    private readonly ignore: readonly string[] = [],
  ) {}

  t(): number {
    return this.baseT;
  }

  pendingSince(): number | null {
    return this.view.slot.pendingSince;
  }

  changedAt(): number | null {
    return this.view.slot.changedAt;
  }

  snapshot(): T[] {
    return [...this.sent.values()];
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
    const remove: string[] = [];
    for (const [k, item] of cur) {
      const prev = this.sent.get(k);
      if (prev === item) continue;
      if (!prev || itemChanged(prev, item, this.ignore)) upsert.push(item);
      else cur.set(k, prev); // unchanged but for ignored fields: the client has prev
    }
    for (const k of this.sent.keys()) if (!cur.has(k)) remove.push(k);
    this.sent = cur;
    this.sentVersion = this.view.slot.version;
    this.baseT = this.view.slot.t;
    if (upsert.length + remove.length === 0) return null;
    const data: KeyedDelta<T> = {};
    if (upsert.length) data.upsert = upsert;
    if (remove.length) data.remove = remove;
    return { kind: "delta", data };
  }
}
