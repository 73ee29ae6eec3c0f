/**
 * clock: the engine clock as the replay bar shows it. Sent when the mode,
 * speed, play state or range changes, and otherwise about once per wall
 * second: between messages the client advances t by speed x elapsed time.
 */
import type { ClockView } from "../../transit/contract";
import { type Advance, SampledTopic } from "./topic";

export class ClockTopic extends SampledTopic<ClockView> {
  readonly name = "clock";
  private sentAt = 0;

  constructor(private readonly read: () => ClockView) {
    super();
  }

  t(): number {
    return this.sent?.t ?? 0;
  }

  rebase(): void {
    this.sent = this.read();
    this.sentAt = Date.now();
  }

  advance(): Advance {
    const c = this.read();
    const s = this.sent;
    const changed =
      !s ||
      s.mode !== c.mode ||
      s.speed !== c.speed ||
      s.playing !== c.playing ||
      s.range?.start !== c.range?.start ||
      s.range?.end !== c.range?.end ||
      (c.playing && Date.now() - this.sentAt >= 1000) ||
      (!c.playing && s.t !== c.t);
    if (!changed) return null;
    this.sent = c;
    this.sentAt = Date.now();
    return { kind: "delta", data: c };
  }
}
