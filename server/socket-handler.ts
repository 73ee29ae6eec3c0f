/**
 * One connection: hello, then subscribe / unsubscribe / replay, each
 * validated (zod) and size-checked; anything else refused and logged. A
 * client only ever changes its own subscriptions, except replay controls,
 * which need the admin token.
 */
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { Hub } from "./hub";
import type { ServerMetrics } from "./metrics";
import {
  type Hello,
  MAX_CLIENT_MESSAGE_BYTES,
  type ReplayAck,
  replayControlSchema,
  type SubscribeAck,
  subscribeSchema,
} from "./protocol";
import type { Runner } from "./runner";
import type { TopicRegistry } from "./topics/registry";

export interface SocketOptions {
  hello: () => Hello;
  adminToken: string | null;
  /** Most topics one connection may hold. */
  maxTopicsPerClient: number;
  /** Token bucket per connection: messages per second, and burst. */
  ratePerSec: number;
  burst: number;
}

const EVENTS = new Set(["subscribe", "unsubscribe", "replay"]);
const SPEED_RANGE = { min: 0.5, max: 3600 };

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sizeOf(args: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(args.filter((a) => typeof a !== "function")) ?? "");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function handleConnections(
  io: Server,
  deps: { hub: Hub; registry: TopicRegistry; runner: Runner; metrics: ServerMetrics; log: Logger },
  opts: SocketOptions,
): void {
  const { hub, registry, runner, metrics, log } = deps;

  io.on("connection", (socket: Socket) => {
    metrics.clientConnected();
    socket.once("disconnect", () => metrics.clientDisconnected());
    const mine = new Set<string>();
    let tokens = opts.burst;
    let last = Date.now();

    const refuse = (event: string, reason: string, ack?: unknown) => {
      metrics.refused(reason.split(":")[0]);
      log.warn(
        { client: socket.id, address: socket.handshake.address, event, reason },
        "client message refused",
      );
      socket.emit("refused", { event, reason });
      if (typeof ack === "function") ack({ ok: false, error: reason });
    };

    socket.use((packet, next) => {
      const [event, ...args] = packet as [string, ...unknown[]];
      const ack = args[args.length - 1];
      const now = Date.now();
      tokens = Math.min(opts.burst, tokens + ((now - last) / 1000) * opts.ratePerSec);
      last = now;
      if (tokens < 1) return refuse(String(event).slice(0, 40), "rate: too many messages", ack);
      tokens--;
      if (!EVENTS.has(event)) return refuse(String(event).slice(0, 40), "unknown event", ack);
      if (sizeOf(args) > MAX_CLIENT_MESSAGE_BYTES) {
        return refuse(event, `too large: over ${MAX_CLIENT_MESSAGE_BYTES} bytes`, ack);
      }
      next();
    });

    socket.on("subscribe", (msg: unknown, ack?: (r: SubscribeAck) => void) => {
      const r = subscribeSchema.safeParse(msg);
      if (!r.success)
        return refuse("subscribe", `invalid: ${r.error.issues[0]?.message ?? "bad message"}`, ack);
      const refused: Array<{ topic: string; reason: string }> = [];
      for (const topic of r.data.topics) {
        const why = registry.check(topic);
        if (why) refused.push({ topic, reason: why });
        else if (!mine.has(topic) && mine.size >= opts.maxTopicsPerClient) {
          refused.push({ topic, reason: `over ${opts.maxTopicsPerClient} topics per connection` });
        } else if (!hub.subscribe(socket, topic))
          refused.push({ topic, reason: "server topic limit reached" });
        else mine.add(topic);
      }
      for (const x of refused) refuse("subscribe", `${x.reason} (${x.topic})`);
      ack?.({ ok: refused.length === 0, topics: [...mine], ...(refused.length ? { refused } : {}) });
    });

    socket.on("unsubscribe", (msg: unknown, ack?: (r: SubscribeAck) => void) => {
      const r = subscribeSchema.safeParse(msg);
      if (!r.success)
        return refuse("unsubscribe", `invalid: ${r.error.issues[0]?.message ?? "bad message"}`, ack);
      for (const topic of r.data.topics) {
        hub.unsubscribe(socket, topic);
        mine.delete(topic);
      }
      ack?.({ ok: true, topics: [...mine] });
    });

    socket.on("replay", (msg: unknown, ack?: (r: ReplayAck) => void) => {
      const r = replayControlSchema.safeParse(msg);
      if (!r.success) return refuse("replay", `invalid: ${r.error.issues[0]?.message ?? "bad message"}`, ack);
      if (!opts.adminToken)
        return refuse("replay", "replay controls are off (no ADMIN_TOKEN configured)", ack);
      if (!tokenMatches(r.data.token, opts.adminToken)) return refuse("replay", "bad admin token", ack);
      if (!runner.controllable) return refuse("replay", `no replay controls in ${runner.mode} mode`, ack);
      const { action, value } = r.data;
      if (action === "speed" && (value === undefined || value < SPEED_RANGE.min || value > SPEED_RANGE.max)) {
        return refuse("replay", `speed needs a value in ${SPEED_RANGE.min}..${SPEED_RANGE.max}`, ack);
      }
      if (action === "seek" && value === undefined)
        return refuse("replay", "seek needs a value (epoch ms)", ack);
      const applied =
        action === "play"
          ? runner.play()
          : action === "pause"
            ? runner.pause()
            : action === "speed"
              ? runner.setSpeed(value!)
              : runner.seek(value!);
      log.info({ client: socket.id, action, value }, "replay control");
      // Acknowledged once applied (the engine may be on its own thread): the clock already shows it.
      void Promise.resolve(applied).then(() => ack?.({ ok: true }));
    });

    socket.emit("hello", opts.hello());
  });
}
