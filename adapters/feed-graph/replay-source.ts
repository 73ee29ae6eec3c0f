import { pullInput, type Series } from "../../engine";
import { readRecording } from "../recording";
import type { RecordedFrame, RecordedPayload } from "../recording/types";

export interface ReplayOptions {
  from?: number;
  to?: number;
  feeds?: string[];
  onWarning?: (msg: string) => void;
}

/** Frames of a recording as [engine time, payload]: each payload ticks at the time it was received. */
export function* recordedEvents(
  dir: string,
  opts: ReplayOptions = {},
): Generator<readonly [number, RecordedFrame]> {
  for (const f of readRecording(dir, opts)) yield [f.receivedAt, f] as const;
}

/** A pull adapter over a recording: the replay half of the one way in. */
export function replayPayloads(dir: string, opts: ReplayOptions = {}): Series<RecordedPayload> {
  return pullInput<RecordedPayload>("payloads", recordedEvents(dir, opts));
}

/** Payloads that came from a recording (not from a live poll) carry their segment. */
export function isReplayed(p: RecordedPayload): boolean {
  return "segment" in p;
}
