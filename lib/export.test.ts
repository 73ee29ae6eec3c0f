import { describe, expect, it } from "vitest";
import { isoNewYork, toCsv, toJsonLines } from "./export";

describe("export", () => {
  it("writes CSV with every column seen, quoting what needs it", () => {
    const csv = toCsv([
      { route: "A", reasons: "gap, at 59 St", n: 3 },
      { route: 'say "hi"', extra: { a: 1 }, n: -2 },
    ]);
    expect(csv).toBe('route,reasons,n,extra\nA,"gap, at 59 St",3,\n"say ""hi""",,-2,"{""a"":1}"\n');
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(toCsv([{ x: "=1+1" }, { x: "@cmd" }, { x: "-12" }])).toBe("x\n'=1+1\n'@cmd\n-12\n");
  });

  it("writes one JSON object per line, nested keys sorted as the headless export does", () => {
    expect(toJsonLines([{ a: 1 }, { b: "x" }])).toBe('{"a":1}\n{"b":"x"}\n');
    expect(toJsonLines([{ t: "x", key: { route: "A", direction: "N" } }])).toBe(
      '{"t":"x","key":{"direction":"N","route":"A"}}\n',
    );
    expect(toCsv([{ key: { route: "A", direction: "N" } }])).toBe(
      'key\n"{""direction"":""N"",""route"":""A""}"\n',
    );
    expect(toJsonLines([])).toBe("");
  });

  it("stamps times in New York time with the offset of the day", () => {
    // 12:00 UTC is 08:00 in New York in October (EDT, -4) and 07:00 in January (EST, -5).
    expect(isoNewYork(Date.UTC(2025, 9, 2, 12, 0, 0))).toBe("2025-10-02T08:00:00-04:00");
    expect(isoNewYork(Date.UTC(2025, 0, 15, 12, 0, 0))).toBe("2025-01-15T07:00:00-05:00");
  });
});
