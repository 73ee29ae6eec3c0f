/**
 * The fan-out: one Topic per subscribed topic name (a socket.io room), one
 * flush loop for all. A flush advances every due topic with subscribers and
 * broadcasts its delta (or snapshot) to the room once: socket.io encodes a
 * broadcast once for all its sockets.
 *
 * A change schedules a flush for the next turn of the event loop, so the
 * engine finishes the cycles due now first and a client gets their result
 * at once, unless the topic is in a burst of changes or out of its rate
 * (send-timing.ts): then a timer sends it, without holding back the others.
 */
import type { Server, Socket } from "socket.io";
import type { LiveState } from "./live-state";
import type { DeltaMsg, SnapshotMsg } from "./protocol";
import { SendTiming } from "./send-timing";
import type { Topic } from "./topics/topic";
import { batchWrites } from "./write-batch";

export interface HubCounters {
  message(topic: string, kind: "snapshot" | "delta", bytes: number, receivers: number): void;
  flush(ms: number): void;
}

export interface HubOptions {
  coalesceMs: number;
  /** An interval of their own for topics of a family (trains, bikes: big and animated by the client; health: changes often). */
  familyIntervalMs?: Record<string, number>;
  /** Most distinct topics alive at once (bikes:near and charts@key make many possible). */
  maxTopics: number;
  /** Told the topic names after topics were added or dropped. */
  onTopics?: (names: string[]) => void;
}

interface Entry {
  topic: Topic;
  seq: number;
  timing: SendTiming;
  /** Oldest unsent change (wall ms) seen over skipped flushes. */
  pending: number | null;
}

/** Not worth a timer of its own: a topic due this soon goes out with the current flush. */
const DUE_SLACK_MS = 5;

export class Hub {
  private readonly topics = new Map<string, Entry>();
  private soon: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Number.POSITIVE_INFINITY;
  private heartbeat: NodeJS.Timeout;
  private resnapshot = false;
  private holdWhile: (() => boolean) | null = null;
  private closed = false;

  constructor(
    private readonly io: Server,
    private readonly state: LiveState,
    private readonly create: (name: string) => Topic,
    private readonly opts: HubOptions,
    private readonly counters: HubCounters,
  ) {
    state.onChange(() => this.schedule());
    this.measureEncoding();
    // Clock and graph topics change with time, not with outputs: look at them twice a second.
    this.heartbeat = setInterval(() => this.schedule(), 500);
    this.heartbeat.unref();
  }

  topicCount(): number {
    return this.topics.size;
  }

  has(name: string): boolean {
    return this.topics.has(name);
  }

  /** Join a room and get its snapshot (the baseline the next delta builds on). */
  subscribe(socket: Socket, name: string): boolean {
    let e = this.topics.get(name);
    if (!e) {
      if (this.topics.size >= this.opts.maxTopics) return false;
      const topic = this.create(name);
      topic.rebase();
      const family = name.split(":", 1)[0];
      const interval = this.opts.familyIntervalMs?.[family] ?? this.opts.coalesceMs;
      e = { topic, seq: 0, timing: new SendTiming(interval, Date.now()), pending: null };
      this.topics.set(name, e);
      this.opts.onTopics?.([...this.topics.keys()]);
    }
    socket.emit("snapshot", this.snapshotMsg(name, e));
    socket.join(name);
    return true;
  }

  unsubscribe(socket: Socket, name: string): void {
    socket.leave(name);
  }

  /** A new run (seek back, demo loop): every room gets a fresh snapshot at the next flush. */
  resetAll(): void {
    this.resnapshot = true;
    this.schedule();
  }

  /** Send nothing while `busy()` (a seek fast-forwarding), then snapshots to everyone. */
  hold(busy: () => boolean): void {
    this.holdWhile = busy;
    this.resnapshot = true;
    this.schedule();
  }

  /** Flush on the next turn of the event loop (once, however many changes come before it). */
  schedule(): void {
    if (this.soon || this.closed) return;
    this.soon = setImmediate(() => {
      this.soon = null;
      this.flush();
    });
  }

  /** Flush again at wall time `due` (the earliest a throttled topic may go out). */
  private scheduleAt(due: number): void {
    if (this.closed || due >= this.timerDue) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerDue = Number.POSITIVE_INFINITY;
        this.flush();
      },
      Math.max(0, due - Date.now()),
    );
  }

  flush(): void {
    const now = Date.now();
    if (this.holdWhile?.()) {
      this.scheduleAt(now + this.opts.coalesceMs);
      return;
    }
    this.holdWhile = null;
    const t0 = performance.now();
    const resnapshot = this.resnapshot;
    this.resnapshot = false;
    let nextDue = Number.POSITIVE_INFINITY;
    const count = this.topics.size;
    batchWrites(this.io, () => {
      nextDue = this.advanceAll(now, resnapshot);
    });
    if (this.topics.size !== count) this.opts.onTopics?.([...this.topics.keys()]);
    this.state.markFlushed();
    if (nextDue !== Number.POSITIVE_INFINITY) this.scheduleAt(nextDue);
    this.counters.flush(performance.now() - t0);
  }

  /** Broadcast every due topic's delta (or snapshot); returns when the next held-back topic is due. */
  private advanceAll(now: number, resnapshot: boolean): number {
    const rooms = this.io.sockets.adapter.rooms;
    let nextDue = Number.POSITIVE_INFINITY;
    for (const [name, e] of this.topics) {
      const receivers = rooms.get(name)?.size ?? 0;
      if (receivers === 0) {
        this.topics.delete(name);
        continue;
      }
      if (resnapshot) {
        e.topic.rebase();
        e.pending = null;
        this.broadcast(name, "snapshot", this.snapshotMsg(name, e, true), receivers);
        continue;
      }
      const since = e.topic.pendingSince();
      if (since !== null && (e.pending === null || since < e.pending)) e.pending = since;
      const newest = e.topic.changedAt();
      const due = e.timing.due(now, e.pending, newest, this.state.engineIdle);
      if (due > now + DUE_SLACK_MS) {
        // In a burst, or out of tokens: keep the change for its turn.
        if (e.pending !== null) nextDue = Math.min(nextDue, due);
        continue;
      }
      const r = e.topic.advance();
      const oldest = e.pending;
      e.pending = null;
      if (!r) continue;
      e.timing.sent(now);
      e.seq++;
      if (r.kind === "snapshot") {
        this.broadcast(
          name,
          "snapshot",
          { topic: name, seq: e.seq, t: e.topic.t(), data: e.topic.snapshot() },
          receivers,
        );
        continue;
      }
      const msg: DeltaMsg = {
        topic: name,
        seq: e.seq,
        t: e.topic.t(),
        w: oldest ?? now,
        n: newest ?? now,
        s: Date.now(),
        data: r.data,
      };
      this.broadcast(name, "delta", msg, receivers);
    }
    return nextDue;
  }

  private snapshotMsg(name: string, e: Entry, bump = false): SnapshotMsg {
    if (bump) e.seq++;
    return { topic: name, seq: e.seq, t: e.topic.t(), data: e.topic.snapshot() };
  }

  private broadcast(
    name: string,
    event: "snapshot" | "delta",
    msg: SnapshotMsg | DeltaMsg,
    receivers: number,
  ): void {
    this.encodedBytes = -1;
    this.io.to(name).emit(event, msg);
    const bytes = this.encodedBytes >= 0 ? this.encodedBytes : Buffer.byteLength(JSON.stringify(msg));
    this.counters.message(name, event, bytes, receivers);
  }

  /** Bytes of the packet socket.io encoded last (-1: none since reset). */
  private encodedBytes = -1;

  /**
   * socket.io encodes a broadcast once for all its receivers; its encoder tells us the size,
   * so the byte counters need no second JSON.stringify of every message (trains: ~100 kB).
   */
  private measureEncoding(): void {
    type Encoder = { encode(packet: unknown): Array<string | Uint8Array> };
    const encoder = (this.io as unknown as { encoder?: Encoder }).encoder;
    if (!encoder) return;
    const encode = encoder.encode.bind(encoder);
    encoder.encode = (packet) => {
      const out = encode(packet);
      let n = 0;
      for (const part of out) n += typeof part === "string" ? Buffer.byteLength(part) : part.byteLength;
      this.encodedBytes = n;
      return out;
    };
  }

  close(): void {
    this.closed = true;
    if (this.soon) clearImmediate(this.soon);
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.heartbeat);
  }
}
