/** Value topics (arrivals:<station>, bike-totals): the whole value when it changed. */
import { type Advance, sameJson, type Topic } from "./topic";

export interface ValueSource<T> {
  version(): number;
  value(): T | null;
  t(): number;
  pendingSince(): number | null;
  changedAt(): number | null;
}

export class ValueTopic<T> implements Topic {
  private sent: T | null = null;
  private sentVersion = -1;
  private baseT = 0;

  constructor(
    readonly name: string,
    private readonly src: ValueSource<T>,
  ) {}

  t(): number {
    return this.baseT;
  }

  pendingSince(): number | null {
    return this.src.pendingSince();
  }

  changedAt(): number | null {
    return this.src.changedAt();
  }

  snapshot(): T | null {
    return this.sent;
  }

  rebase(): void {
    this.sent = this.src.value();
    this.sentVersion = this.src.version();
    this.baseT = this.src.t();
  }

  advance(): Advance {
    if (this.sentVersion === this.src.version()) return null;
    const v = this.src.value();
    this.sentVersion = this.src.version();
    this.baseT = this.src.t();
    if (sameJson(v, this.sent)) return null;
    this.sent = v;
    return { kind: "delta", data: v };
  }
}
