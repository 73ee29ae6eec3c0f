/**
 * AlertViews for successive snapshots, reusing the view (and its sanitized
 * HTML) of an alert whose decoded content did not change. Equal content then
 * means the same object, so "did the active list change" is a reference
 * comparison. Holds only the current snapshot's alerts.
 */
import type { ServiceAlert } from "../../adapters/alerts/types";
import type { AlertView } from "../contract";
import { toAlertView } from "./alert-view";

export class AlertViewCache {
  private byId = new Map<string, { raw: string; view: AlertView }>();

  /** Views of the snapshot's alerts, sorted by id (then by content, for duplicate ids). */
  update(alerts: readonly ServiceAlert[]): AlertView[] {
    const next = new Map<string, { raw: string; view: AlertView }>();
    const views: Array<{ raw: string; view: AlertView }> = [];
    for (const a of alerts) {
      const raw = JSON.stringify(a);
      const cached = this.byId.get(a.id);
      const entry = cached && cached.raw === raw ? cached : { raw, view: toAlertView(a) };
      next.set(a.id, entry);
      views.push(entry);
    }
    this.byId = next;
    views.sort((x, y) => compare(x.view.id, y.view.id) || compare(x.raw, y.raw));
    return views.map((e) => e.view);
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Same length and the same objects in the same order. */
export function sameItems<T>(a: readonly T[] | null, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
