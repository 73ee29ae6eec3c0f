import { describe, expect, it } from "vitest";
import { parseKioskConfig } from "./kiosk-config";

const parse = (q: string) => parseKioskConfig(new URLSearchParams(q));

describe("kiosk URL", () => {
  it("reads the documented example", () => {
    const c = parse("panels=status,map,bikes,alerts&lines=A,C,E&station=127&rotate=20");
    expect(c.panels).toEqual(["status", "map", "bikes", "alerts"]);
    expect(c.lines).toEqual(["A", "C", "E"]);
    expect(c.station).toBe("127");
    expect(c.rotateSec).toBe(20);
  });

  it("defaults, and adds arrivals when only a station is given", () => {
    expect(parse("").panels).toEqual(["status", "map", "bikes", "alerts"]);
    expect(parse("station=A27").panels).toEqual(["arrivals", "status", "map", "bikes", "alerts"]);
    expect(parse("").rotateSec).toBe(20);
  });

  it("refuses what it does not know and bounds numbers", () => {
    const c = parse("panels=status,evil,arrivals&lines=a,<b>,C&station=../x&rotate=1&nodata=2&stale=5");
    expect(c.panels).toEqual(["status"]); // arrivals needs a station
    expect(c.lines).toEqual(["A", "C"]);
    expect(c.station).toBeNull();
    expect(c.rotateSec).toBe(3);
    expect(c.noDataSec).toBe(6); // never before the stale marker
    expect(parse("rotate=abc").rotateSec).toBe(20);
  });
});
