import { describe, expect, it } from "vitest";
import { node, output, pullInput, run } from "../../engine";
import { encodeSubwayFeedMessage } from "../gtfsrt/schema";
import type { RecordedPayload } from "../recording/types";
import { syntheticSubwayFeedObject } from "../subway/synthetic-feed";
import { decodeFeeds } from "./decode-node";

const T0 = Date.UTC(2025, 9, 2, 14, 0, 0);
const good = (sec: number) =>
  encodeSubwayFeedMessage(syntheticSubwayFeedObject({ timestamp: sec, trips: 3, stopsPerTrip: 4 }));
const bytes = (s: string) => new TextEncoder().encode(s);

function payload(
  i: number,
  feed: string,
  body: Uint8Array,
  status = 200,
): readonly [number, RecordedPayload] {
  const t = T0 + i * 30_000;
  return [t, { feed, receivedAt: t, status, body }] as const;
}

describe("decoding payloads in the graph", () => {
  it("turns bad input into a typed health error and keeps the last good data", () => {
    const okBytes = good(T0 / 1000);
    const truncated = okBytes.slice(0, Math.floor(okBytes.length / 2));
    const random = Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256);
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0xff);
    const events = [
      payload(0, "subway-ace", okBytes),
      payload(1, "subway-ace", truncated),
      payload(2, "subway-ace", random),
      payload(3, "subway-ace", bytes("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")),
      payload(4, "subway-ace", new Uint8Array(0)),
      payload(5, "subway-ace", huge),
      payload(6, "subway-ace", good(T0 / 1000 + 6 * 30 - 5 * 3600)),
      payload(7, "gbfs-station-status", bytes('{"data": "not stations"}')),
      payload(8, "subway-ace", bytes("upstream exploded"), 500),
    ];
    const r = run(
      () => {
        const d = decodeFeeds(pullInput("payloads", events));
        output("health", d.health);
        // what a downstream node sees of the subway data at every payload: the last good snapshot
        output(
          "lastGood",
          node({
            name: "last_good",
            inputs: { h: d.health, subway: d.subway },
            passive: ["subway"],
            onTick: ({ inputs }) => (inputs.subway.valid ? inputs.subway.value.timestamp : null),
          }),
        );
      },
      { start: T0 },
    );
    const kinds = r.outputs.health.map(([, h]) => {
      const e = (h as { event: { type: string; error?: { kind: string } } }).event;
      return e.type === "error" ? e.error!.kind : e.type;
    });
    expect(kinds).toEqual([
      "success",
      "parse",
      "parse",
      "parse",
      "empty",
      "parse",
      "stale",
      "invalid",
      "download",
    ]);
    // every later tick still sees the first (good) snapshot's time
    expect(new Set(r.outputs.lastGood.map(([, v]) => v))).toEqual(new Set([T0]));
    const htmlError = (r.outputs.health[3][1] as { event: { error: Error } }).event.error;
    expect(htmlError.message).toMatch(/subway-ace/);
  });
});
