import { describe, expect, it } from "vitest";
import { originToStartTime, parseTripId } from "./trip-id";

describe("parseTripId", () => {
  it.each([
    ["085350_1..N03R", { originMinutesHundredths: 85350, route: "1", direction: "N", pathCode: "03R" }],
    ["087800_6..N02R", { originMinutesHundredths: 87800, route: "6", direction: "N", pathCode: "02R" }],
    ["055100_N..S70X011", { originMinutesHundredths: 55100, route: "N", direction: "S", pathCode: "70X011" }],
    ["123456_SI.N03R", { originMinutesHundredths: 123456, route: "SI", direction: "N", pathCode: "03R" }],
    ["061200_SI..S", { originMinutesHundredths: 61200, route: "SI", direction: "S", pathCode: "" }],
    ["050350_0", { originMinutesHundredths: 50350, route: "0", direction: null, pathCode: "" }],
    ["060750_..N", { originMinutesHundredths: 60750, route: "", direction: "N", pathCode: "" }],
    // a terminal name after the dots is not a direction
    [
      "010250_7..WILTS PT3",
      { originMinutesHundredths: 10250, route: "7", direction: null, pathCode: "WILTS PT3" },
    ],
    [
      "053550_7X..MAIN ST3",
      { originMinutesHundredths: 53550, route: "7X", direction: null, pathCode: "MAIN ST3" },
    ],
  ])("%s", (tripId, expected) => {
    expect(parseTripId(tripId)).toEqual(expected);
  });

  it("returns null for ids that are not NYCT trip ids", () => {
    expect(parseTripId("")).toBeNull();
    expect(parseTripId("A20121106WKD_000800_1..S03R")).toBeNull();
    expect(parseTripId("12345_1..N")).toBeNull();
  });
});

describe("originToStartTime", () => {
  it("converts hundredths of a minute after midnight", () => {
    expect(originToStartTime(85350)).toBe("14:13:30"); // 853.5 min
    expect(originToStartTime(0)).toBe("00:00:00");
    expect(originToStartTime(52200)).toBe("08:42:00");
    expect(originToStartTime(50)).toBe("00:00:30");
  });

  it("lets after-midnight service run past 24:00:00, as GTFS does", () => {
    expect(originToStartTime(150000)).toBe("25:00:00");
  });
});
