/**
 * Whether a line's facts are the same as last time but for the time: the
 * status node then keeps the line's status (lineStatus reads nothing else,
 * and the time only stamps asOf), which saves rebuilding every line's
 * reasons on each snapshot when only one feed's lines have new counts.
 */
import type { DirectionFacts, LineFacts } from "./status";

/** The facts compared: a fact added to LineFacts or DirectionFacts stops this compiling until it is compared too. */
export const COMPARED_FACTS = {
  line: {
    route: true,
    now: false,
    stale: true,
    activeAlerts: true,
    N: true,
    S: true,
    changes: true,
  } satisfies Record<keyof LineFacts, boolean>,
  direction: {
    counts: true,
    runtime: true,
    headway: true,
    service: true,
  } satisfies Record<keyof DirectionFacts, boolean>,
};

const sameDirection = (a: DirectionFacts, b: DirectionFacts) =>
  a.counts === b.counts && a.runtime === b.runtime && a.headway === b.headway && a.service === b.service;

/** The same objects, numbers and flags, the time aside. */
export const sameFacts = (a: LineFacts, b: LineFacts) =>
  a.route === b.route &&
  a.stale === b.stale &&
  a.activeAlerts === b.activeAlerts &&
  a.changes === b.changes &&
  sameDirection(a.N, b.N) &&
  sameDirection(a.S, b.S);
