import { describe, expect, it } from "vitest";
import { chartStroke, contrast, cssColor, luminance, PANEL_BACKGROUND } from "./colors";

/** The MTA's route colours (routes.txt route_color). */
const ROUTE_COLORS = [
  "EE352E",
  "00933C",
  "B933AD",
  "0039A6",
  "FF6319",
  "6CBE45",
  "996633",
  "A7A9AC",
  "FCCC0A",
  "808183",
  "1D2F6F",
];

describe("colours", () => {
  it("computes WCAG luminance and contrast", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
    expect(luminance("#000000")).toBe(0);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 6);
    // #777777 on white is the classic 4.48:1.
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("gives every route a chart line that stands out from the card (3:1)", () => {
    for (const c of ROUTE_COLORS)
      expect(contrast(chartStroke(c), PANEL_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it("keeps a route colour that already stands out, and lightens the 8 Av blue and the Staten Island navy", () => {
    expect(chartStroke("FCCC0A")).toBe("#fccc0a");
    expect(chartStroke("6CBE45")).toBe("#6cbe45");
    expect(contrast(cssColor("0039A6"), PANEL_BACKGROUND)).toBeLessThan(3);
    expect(chartStroke("0039A6")).not.toBe("#0039a6");
    const si = chartStroke("1D2F6F");
    // Lighter, still a blue: blue channel the largest.
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(si.slice(i, i + 2), 16));
    expect(b).toBeGreaterThan(r);
    expect(b).toBeGreaterThan(g);
    expect(luminance(si)).toBeGreaterThan(luminance("#1D2F6F"));
  });
});
