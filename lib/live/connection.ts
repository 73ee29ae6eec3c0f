/**
 * One socket.io connection per tab, shared by every component: topics are
 * reference-counted (the server only sends what some component shows), state
 * follows snapshot + deltas (reduce.ts), and a reconnect re-subscribes and
 * gets fresh snapshots. The browser never polls: everything arrives here.
 */
import { io, type Socket } from "socket.io-client";
import type {
  ClientToServer,
  DeltaMsg,
  Hello,
  ReplayAck,
  ServerToClient,
  SnapshotMsg,
} from "../../server/protocol";
import { applyDelta, applySnapshot, type TopicState } from "./reduce";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

export interface ConnectionInfo {
  state: ConnectionState;
  hello: Hello | null;
  /** Wall time of the last message of any topic (0: none yet). */
  lastMessageAt: number;
  /** Wall time the connection was last lost (0: never). */
  lostAt: number;
  attempts: number;
  /** Set when the server refused something (e.g. a bad admin token). */
  lastRefusal: string | null;
  /** ETag of /api/network the server has now (hello, then `network` events). */
  networkEtag: string | null;
}

export interface ConnectionOptions {
  url?: string;
  /** Longest wait between reconnect attempts, ms (socket.io backs off exponentially up to it). */
  backoffMaxMs?: number;
  /** Called when a hello carries a build id other than the first one seen. */
  onNewBuild?: (buildId: string) => void;
}

type Listener = () => void;
type AnySocket = Socket<ServerToClient, ClientToServer>;

/** Subscribe messages are limited to 40 topics each (server/protocol.ts). */
const TOPICS_PER_MESSAGE = 40;

export class LiveConnection {
  private socket: AnySocket | null = null;
  private readonly topics = new Map<string, TopicState>();
  private readonly refs = new Map<string, number>();
  private readonly topicListeners = new Map<string, Set<Listener>>();
  private readonly infoListeners = new Set<Listener>();
  private pendingSubscribe = new Set<string>();
  private pendingUnsubscribe = new Set<string>();
  private flushQueued = false;
  private firstBuildId: string | null = null;
  private info: ConnectionInfo = {
    state: "connecting",
    hello: null,
    lastMessageAt: 0,
    lostAt: 0,
    attempts: 0,
    lastRefusal: null,
    networkEtag: null,
  };

  constructor(private readonly opts: ConnectionOptions = {}) {}

  /** Opens the socket on first use (never on the server side of rendering). */
  start(): void {
    if (this.socket || typeof window === "undefined") return;
    const socket: AnySocket = io(this.opts.url ?? "", {
      transports: ["websocket", "polling"],
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: this.opts.backoffMaxMs ?? 10_000,
      randomizationFactor: 0.5,
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.setInfo({ state: "connected", attempts: 0 });
      // Rooms do not survive a reconnect: ask again for everything shown.
      const all = [...this.refs.keys()];
      this.pendingSubscribe = new Set(all);
      this.pendingUnsubscribe.clear();
      this.flush();
    });
    socket.on("disconnect", () => this.setInfo({ state: "reconnecting", lostAt: Date.now() }));
    socket.on("connect_error", () =>
      this.setInfo({
        state:
          this.info.state === "connecting" && this.info.lastMessageAt === 0 ? "connecting" : "reconnecting",
        lostAt: this.info.lostAt || Date.now(),
        attempts: this.info.attempts + 1,
      }),
    );
    socket.on("hello", (hello) => {
      if (this.firstBuildId === null) this.firstBuildId = hello.buildId;
      else if (hello.buildId !== this.firstBuildId) this.opts.onNewBuild?.(hello.buildId);
      this.setInfo({ hello, networkEtag: hello.networkEtag ?? null });
    });
    socket.on("network", (msg) => this.setInfo({ networkEtag: msg.etag }));
    socket.on("snapshot", (msg) => this.onSnapshot(msg));
    socket.on("delta", (msg) => this.onDelta(msg));
    socket.on("refused", (msg) => this.setInfo({ lastRefusal: `${msg.event}: ${msg.reason}` }));
    socket.on("shutdown", () => this.setInfo({ state: "reconnecting", lostAt: Date.now() }));
  }

  getInfo = (): ConnectionInfo => this.info;

  getTopic = <T>(topic: string): TopicState<T> | undefined =>
    this.topics.get(topic) as TopicState<T> | undefined;

  /** Every topic held now whose name starts with `prefix` (exports read what is on screen). */
  topicsStartingWith(prefix: string): TopicState[] {
    return [...this.topics.values()].filter((t) => t.topic.startsWith(prefix));
  }

  onInfo(listener: Listener): () => void {
    this.infoListeners.add(listener);
    return () => this.infoListeners.delete(listener);
  }

  /** Starts receiving a topic (snapshot, then deltas) until the returned function is called. */
  subscribe(topic: string, listener: Listener): () => void {
    this.start();
    let set = this.topicListeners.get(topic);
    if (!set) this.topicListeners.set(topic, (set = new Set()));
    set.add(listener);
    const n = (this.refs.get(topic) ?? 0) + 1;
    this.refs.set(topic, n);
    if (n === 1) {
      this.pendingUnsubscribe.delete(topic);
      this.pendingSubscribe.add(topic);
      this.queueFlush();
    }
    return () => {
      set.delete(listener);
      const left = (this.refs.get(topic) ?? 1) - 1;
      if (left > 0) {
        this.refs.set(topic, left);
        return;
      }
      this.refs.delete(topic);
      this.topics.delete(topic);
      this.pendingSubscribe.delete(topic);
      this.pendingUnsubscribe.add(topic);
      this.queueFlush();
    };
  }

  /** Sends a replay control; resolves with the server's answer. */
  replay(token: string, action: "play" | "pause" | "speed" | "seek", value?: number) {
    return new Promise<ReplayAck>((resolve) => {
      if (!this.socket?.connected) {
        resolve({ ok: false, error: "not connected" });
        return;
      }
      const msg = value === undefined ? { token, action } : { token, action, value };
      this.socket
        .timeout(5000)
        .emit("replay", msg, (err: Error | null, r: ReplayAck) =>
          resolve(err ? { ok: false, error: "no answer from the server" } : r),
        );
    });
  }

  private onSnapshot(msg: SnapshotMsg): void {
    if (!this.refs.has(msg.topic)) return;
    const now = Date.now();
    this.topics.set(msg.topic, applySnapshot(msg.topic, msg, this.topics.get(msg.topic), now));
    this.touched(msg.topic, now);
  }

  private onDelta(msg: DeltaMsg): void {
    if (!this.refs.has(msg.topic)) return;
    const now = Date.now();
    const r = applyDelta(this.topics.get(msg.topic), msg, now);
    if (r.kind === "gap") {
      // Lost or reordered messages: start the topic again from a snapshot.
      this.socket?.emit("unsubscribe", { topics: [msg.topic] });
      this.socket?.emit("subscribe", { topics: [msg.topic] });
      return;
    }
    this.topics.set(msg.topic, r.state);
    this.touched(msg.topic, now);
  }

  private touched(topic: string, now: number): void {
    for (const l of this.topicListeners.get(topic) ?? []) l();
    // The "last message" time drives stale markers: update it at most once a second.
    if (now - this.info.lastMessageAt >= 1000) this.setInfo({ lastMessageAt: now });
  }

  private setInfo(patch: Partial<ConnectionInfo>): void {
    this.info = { ...this.info, ...patch };
    for (const l of this.infoListeners) l();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Components mount together: one message for all the topics of a render.
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    const s = this.socket;
    if (!s?.connected) return;
    const send = (event: "subscribe" | "unsubscribe", topics: string[]) => {
      for (let i = 0; i < topics.length; i += TOPICS_PER_MESSAGE)
        s.emit(event, { topics: topics.slice(i, i + TOPICS_PER_MESSAGE) });
    };
    if (this.pendingUnsubscribe.size > 0) send("unsubscribe", [...this.pendingUnsubscribe]);
    if (this.pendingSubscribe.size > 0) send("subscribe", [...this.pendingSubscribe]);
    this.pendingUnsubscribe.clear();
    this.pendingSubscribe.clear();
  }
}

let shared: LiveConnection | null = null;
let sharedOptions: ConnectionOptions = {};

/** Options for the tab's connection; only effective before the first use. */
export function configureConnection(opts: ConnectionOptions): void {
  sharedOptions = opts;
}

export function connection(): LiveConnection {
  shared ??= new LiveConnection(sharedOptions);
  return shared;
}
