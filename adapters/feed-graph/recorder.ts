import { type Series, sinkNode } from "../../engine";
import type { RecordingWriter } from "../recording";
import type { RecordedPayload } from "../recording/types";
import { isReplayed } from "./replay-source";

/**
 * Records every live payload as the engine saw it: stamped with the engine
 * time of the cycle it ticked in, so a replay reproduces the run exactly.
 * Payloads replayed from a recording (warm-up) are not written again.
 */
export function recordPayloads(payloads: Series<RecordedPayload>, writer: RecordingWriter): void {
  sinkNode({
    name: "recorder",
    inputs: { payloads },
    onTick: (ctx) => {
      const p = ctx.inputs.payloads.value;
      if (isReplayed(p)) return;
      writer.appendSoon({ feed: p.feed, receivedAt: ctx.now(), status: p.status, body: p.body });
    },
  });
}
