/** When a topic's news goes out, on hand-made wall times. */
import { describe, expect, it } from "vitest";
import { BURST, SETTLE_MS, SendTiming } from "./send-timing";

const INTERVAL = 250;

/**
 * A topic's life as the hub runs it: changes at the given wall times; after
 * each change (and at each due time asked for) the hub asks when to send and
 * sends when due. Returns each message's send time and the newest change it carried.
 */
function play(changes: number[], until: number): Array<{ at: number; newest: number }> {
  const timing = new SendTiming(INTERVAL, 0);
  const sent: Array<{ at: number; newest: number }> = [];
  let oldest: number | null = null;
  let newest: number | null = null;
  let timer = Number.POSITIVE_INFINITY;
  let i = 0;
  let now = 0;
  while (now <= until) {
    const nextChange = i < changes.length ? changes[i] : Number.POSITIVE_INFINITY;
    now = Math.min(nextChange, timer);
    if (now > until) break;
    if (now === nextChange) {
      i++;
      oldest ??= now;
      newest = now;
    }
    timer = Number.POSITIVE_INFINITY;
    if (oldest === null) continue;
    const due = timing.due(now, oldest, newest);
    if (due <= now) {
      timing.sent(now);
      sent.push({ at: now, newest: newest as number });
      oldest = null;
    } else timer = due;
  }
  return sent;
}

describe("send timing", () => {
  it("sends a change after a quiet spell at once (a full bucket)", () => {
    const t = new SendTiming(INTERVAL, 0);
    expect(t.due(5_000, 5_000, 5_000)).toBe(5_000);
  });

  it("sends a change at once when the engine has caught up and expects no cycle soon", () => {
    const t = new SendTiming(INTERVAL, 0);
    t.sent(5_000); // not a full bucket any more
    expect(t.due(5_101, 5_100, 5_100, { caughtUpAt: 5_100, quietUntil: 5_600 })).toBe(5_101);
    // Without word from the engine, a change waits to see whether more follow.
    expect(t.due(5_101, 5_100, 5_100)).toBe(5_100 + SETTLE_MS);
  });

  it("waits for the end of a burst and sends its newest state", () => {
    // The first change finds a full bucket and goes at once; the rest wait for the burst to end.
    const sent = play([1_000, 1_006, 1_012, 1_018, 1_024], 3_000);
    expect(sent).toEqual([
      { at: 1_000, newest: 1_000 },
      { at: 1_024 + SETTLE_MS, newest: 1_024 },
    ]);
  });

  it("does not end a burst while the engine says it is still busy with a cycle", () => {
    const t = new SendTiming(INTERVAL, 0);
    t.sent(1_200); // not a full bucket any more
    // A change at 1 300; the engine caught up at 1 301 with its next cycle due at 1 306.
    expect(t.due(1_302, 1_300, 1_300, { caughtUpAt: 1_301, quietUntil: 1_306 })).toBe(1_306 + SETTLE_MS);
    // That cycle changes it again at 1 310 and runs long (the engine last caught up at 1 301): only the cap on waiting.
    expect(t.due(1_340, 1_300, 1_310, { caughtUpAt: 1_301, quietUntil: 1_306 })).toBe(1_300 + INTERVAL);
    // It catches up at 1 345 with nothing due for a second: over.
    expect(t.due(1_345, 1_300, 1_310, { caughtUpAt: 1_345, quietUntil: 2_345 })).toBe(1_345);
  });

  it("does not wait more than an interval for a burst that never ends", () => {
    const changes = Array.from({ length: 200 }, (_, k) => 1_000 + 5 * k); // every 5 ms for a second
    const sent = play(changes, 2_000);
    const gaps = sent.slice(1).map((m, k) => m.at - sent[k].at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(INTERVAL + 5);
    // ...and the news it carries is never older than the last change before it.
    for (const m of sent) expect(m.at - m.newest).toBeLessThan(5);
  });

  it("keeps the rate: BURST messages back to back, then one per interval", () => {
    const changes = Array.from({ length: 400 }, (_, k) => 1_000 + 40 * k); // every 40 ms for 16 s
    const sent = play(changes, 17_000);
    const span = sent.at(-1)!.at - 1_000;
    expect(sent.length).toBeLessThanOrEqual(BURST + Math.ceil(span / INTERVAL));
    expect(sent.length).toBeGreaterThanOrEqual(span / INTERVAL - 1);
  });

  it("carries fresh news when bursts come about once per interval (the 60x replay)", () => {
    // Eight changes 6-15 ms apart every 500 ms, the phase wandering by up to 40 ms,
    // and every other time a straggler 150-190 ms after the burst.
    const changes: number[] = [];
    for (let c = 0; c < 60; c++) {
      let t = 1_000 + 500 * c + ((c * 37) % 41) - 20;
      for (let k = 0; k < 8; k++) {
        changes.push(t);
        t += 6 + ((c + k) % 10);
      }
      if (c % 2 === 1) changes.push(t + 150 + ((c * 13) % 41));
    }
    const sent = play(changes, 32_000);
    const ages = sent.map((m) => m.at - m.newest).sort((a, b) => a - b);
    // A message leaves at the start of a burst, or SETTLE_MS after its end; seldom later,
    // and never so late that the wire could not bring it within the server's 100 ms goal.
    expect(ages[Math.floor(ages.length / 2)]).toBeLessThanOrEqual(SETTLE_MS);
    expect(ages.at(-1)).toBeLessThanOrEqual(80);
    // ...at one message per interval on average.
    expect(sent.length).toBeLessThanOrEqual(BURST + (32_000 - 1_000) / INTERVAL);
  });
});
