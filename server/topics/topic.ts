/** A topic as the hub sees it: a baseline state (what subscribers have) and a way to advance it. */
export type Advance = { kind: "delta"; data: unknown } | { kind: "snapshot" } | null;

export interface Topic {
  readonly name: string;
  /** Engine time of the baseline. */
  t(): number;
  /** The baseline, whole: what a new subscriber receives. */
  snapshot(): unknown;
  /**
   * Move the baseline to the current state and return what changed (null:
   * nothing), or ask for a snapshot when a delta cannot express the change.
   */
  advance(): Advance;
  /** Set the baseline to the current state without a delta (after a reset). */
  rebase(): void;
  /** Wall ms of the oldest change not yet in the baseline, if known. */
  pendingSince(): number | null;
  /** Wall ms of the newest change of its source, if known. */
  changedAt(): number | null;
}

/**
 * A topic that looks at its source when the hub asks (the clock, the graph)
 * rather than being told of changes: no pending or change times of its own.
 */
export abstract class SampledTopic<T> implements Topic {
  abstract readonly name: string;
  protected sent: T | null = null;

  abstract t(): number;
  abstract advance(): Advance;
  abstract rebase(): void;

  snapshot(): T | null {
    return this.sent;
  }

  pendingSince(): number | null {
    return null;
  }

  changedAt(): number | null {
    return null;
  }
}

/** JSON equality for small values (arrays of strings, small objects); cheap enough per changed field. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
