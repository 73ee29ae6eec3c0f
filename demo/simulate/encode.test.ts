import { describe, expect, it } from "vitest";
import { encodeSubwayFeedMessage } from "../../adapters/gtfsrt/schema";
import { concatBytes, encodeSubwayEntity, encodeSubwayEntityChecked, encodeSubwayHeader } from "./encode";
import { FEED_STYLES } from "./feed-style";
import { SubwayFeed } from "./subway-feed";
import { H } from "./testing";
import { type EntityObject, tripUpdateEntity, vehicleEntity } from "./trip-entities";
import { buildDemoWorld } from "./world";

const world = buildDemoWorld({ seed: 7, date: "2025-10-02" });

/** A few real entities of every feed style at 08:15 (trains pending, stopped and moving). */
function sampleEntities(): EntityObject[] {
  const out: EntityObject[] = [];
  for (const style of FEED_STYLES) {
    const feed = new SubwayFeed(
      style,
      world.trips.filter((t) => t.trip.line.feed === style.feed),
      world.clock,
    );
    const listed = feed.advance(8 * H + 15 * 60);
    for (const { trip, view } of listed.slice(0, 12)) {
      out.push(tripUpdateEntity("1", trip, view, style, world.clock, trip.stops[0].nominal));
      const v = vehicleEntity("2", trip, view, style, world.clock);
      if (v) out.push(v);
    }
  }
  return out;
}

describe("entity encoding", () => {
  const entities = sampleEntities();

  it("gives the same bytes fast and through the checked encoder (which rejects unknown keys)", () => {
    expect(entities.length).toBeGreaterThan(100);
    for (const e of entities)
      expect(Buffer.from(encodeSubwayEntity(e))).toEqual(Buffer.from(encodeSubwayEntityChecked(e)));
  });

  it("makes a whole message out of the header's bytes followed by each entity's", () => {
    const header = { gtfsRealtimeVersion: "1.0", timestamp: 1759407600 };
    const whole = encodeSubwayFeedMessage({ header, entity: entities });
    const pieces = concatBytes([encodeSubwayHeader(header), ...entities.map(encodeSubwayEntity)]);
    expect(Buffer.from(pieces)).toEqual(Buffer.from(whole));
  });
});
