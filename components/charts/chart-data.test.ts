import { describe, expect, it } from "vitest";
import { minutes, thousands } from "./chart-data";

describe("chart axis formats", () => {
  it("writes thousands with one decimal under 10k, none when it is zero", () => {
    expect([950, 1000, 8000, 8500, 9999, 16_000, 24_400].map(thousands)).toEqual([
      "950",
      "1k",
      "8k",
      "8.5k",
      "10k",
      "16k",
      "24k",
    ]);
  });

  it("writes seconds under two minutes, whole minutes above", () => {
    expect([45, 119, 120, 450, 600].map(minutes)).toEqual(["45s", "119s", "2m", "8m", "10m"]);
  });
});
